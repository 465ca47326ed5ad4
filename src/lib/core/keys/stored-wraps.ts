/** Converting wrapped secrets between their in-memory form (bytes) and the ops' form (base64). */
import { fromBase64, toBase64 } from '../bytes';
import type { WrappedKey } from '../crypto/key-agreement';
import type { PassphraseWrapped } from '../crypto/passphrase';
import type {
	PublicJwk,
	StoredPassphraseWrap,
	StoredRecoveryWrap,
	StoredWrappedKey
} from '../authority/op-schema';
import type { RecoveryWrapped } from './recovery-wrap';

export function storePassphraseWrap(w: PassphraseWrapped): StoredPassphraseWrap {
	return {
		v: w.v,
		kdf: w.kdf,
		iterations: w.iterations,
		salt: toBase64(w.salt),
		nonce: toBase64(w.nonce),
		ciphertext: toBase64(w.ciphertext)
	};
}

export function loadPassphraseWrap(w: StoredPassphraseWrap): PassphraseWrapped {
	return {
		v: w.v,
		kdf: w.kdf,
		iterations: w.iterations,
		salt: fromBase64(w.salt),
		nonce: fromBase64(w.nonce),
		ciphertext: fromBase64(w.ciphertext)
	};
}

export function storeRecoveryWrap(w: RecoveryWrapped): StoredRecoveryWrap {
	return {
		v: w.v,
		kdf: w.kdf,
		salt: toBase64(w.salt),
		nonce: toBase64(w.nonce),
		ciphertext: toBase64(w.ciphertext)
	};
}

export function loadRecoveryWrap(w: StoredRecoveryWrap): RecoveryWrapped {
	return {
		v: w.v,
		kdf: w.kdf,
		salt: fromBase64(w.salt),
		nonce: fromBase64(w.nonce),
		ciphertext: fromBase64(w.ciphertext)
	};
}

export function storeWrappedKey(w: WrappedKey): StoredWrappedKey {
	return {
		v: w.v,
		ephemeralPublicJwk: w.ephemeralPublicJwk as PublicJwk,
		nonce: toBase64(w.nonce),
		ciphertext: toBase64(w.ciphertext)
	};
}

export function loadWrappedKey(w: StoredWrappedKey): WrappedKey {
	return {
		v: w.v,
		ephemeralPublicJwk: w.ephemeralPublicJwk,
		nonce: fromBase64(w.nonce),
		ciphertext: fromBase64(w.ciphertext)
	};
}
