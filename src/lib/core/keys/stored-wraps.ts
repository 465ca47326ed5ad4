/** Converting wrapped secrets between their in-memory form (bytes) and the people document's (base64). */
import { fromBase64, toBase64 } from '../bytes';
import type { WrappedKey } from '../crypto/key-agreement';
import type { PassphraseWrapped } from '../crypto/passphrase';
import type { GrantRecord, PersonRecord } from '../people/people-schema';
import type { RecoveryWrapped } from './recovery';

type StoredPassphrase = PersonRecord['wrappedPrivateKey'];
type StoredRecovery = NonNullable<PersonRecord['recoveryWrappedPrivateKey']>;
type StoredWrappedKey = GrantRecord['wrapped'];

export function storePassphraseWrap(w: PassphraseWrapped): StoredPassphrase {
	return {
		...w,
		salt: toBase64(w.salt),
		nonce: toBase64(w.nonce),
		ciphertext: toBase64(w.ciphertext)
	};
}

export function loadPassphraseWrap(w: StoredPassphrase): PassphraseWrapped {
	return {
		...w,
		salt: fromBase64(w.salt),
		nonce: fromBase64(w.nonce),
		ciphertext: fromBase64(w.ciphertext)
	};
}

export function storeRecoveryWrap(w: RecoveryWrapped): StoredRecovery {
	return {
		...w,
		salt: toBase64(w.salt),
		nonce: toBase64(w.nonce),
		ciphertext: toBase64(w.ciphertext)
	};
}

export function loadRecoveryWrap(w: StoredRecovery): RecoveryWrapped {
	return {
		...w,
		salt: fromBase64(w.salt),
		nonce: fromBase64(w.nonce),
		ciphertext: fromBase64(w.ciphertext)
	};
}

export function storeWrappedKey(w: WrappedKey): StoredWrappedKey {
	return {
		ephemeralPublicJwk: w.ephemeralPublicJwk as StoredWrappedKey['ephemeralPublicJwk'],
		nonce: toBase64(w.nonce),
		ciphertext: toBase64(w.ciphertext)
	};
}

export function loadWrappedKey(w: StoredWrappedKey): WrappedKey {
	return {
		ephemeralPublicJwk: w.ephemeralPublicJwk,
		nonce: fromBase64(w.nonce),
		ciphertext: fromBase64(w.ciphertext)
	};
}
