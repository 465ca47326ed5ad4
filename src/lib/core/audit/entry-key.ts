/**
 * The keys audit entries are sealed with: ECIES to the office's audit key pair, done once per
 * writer and month instead of once per entry. A writer makes one ephemeral P-256 key pair per
 * (workspace session, month document), stores its public half once in the document, and derives
 * an AES-256-GCM key from ECDH with the audit public key; every entry is then sealed under that
 * key with a fresh nonce. A manager derives the same key from the audit private key and the
 * stored ephemeral public key. Nobody else can: the ephemeral private key is never kept.
 *
 * The ephemeral key's id is a commitment to it (a fingerprint prefix), and the HKDF info binds
 * that id and the audit key, so a key stored under another's id, or an entry moved to another
 * audit key, opens to nothing.
 */
import { asBuffer, utf8Encode } from '../bytes';
import { DecryptionError } from '../crypto/errors';
import { importPublicJwk } from '../crypto/key-agreement';
import { fingerprintOf } from '../crypto/key-id';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const ID_CHARS = 16;
// RFC 5869 treats an empty salt as a zero-filled one; the context goes into info instead.
const HKDF_SALT = new Uint8Array(0);

/** Names an audit key pair the way the authority does: `epoch|keyId`. */
export function auditKeyRef(key: { epoch: number; keyId: string }): string {
	return `${key.epoch}|${key.keyId}`;
}

/** A writer's sealing key for one month, and what readers need to derive it again. */
export interface EntrySealer {
	/** Short id of the ephemeral public key (a commitment to it). */
	epkId: string;
	publicJwk: JsonWebKey;
	/** `epoch|keyId` of the audit key it was agreed with. */
	auditKey: string;
	key: CryptoKey;
}

/** A new ephemeral key pair agreed with the audit public key; its private half is dropped. */
export async function newEntrySealer(auditKey: {
	epoch: number;
	keyId: string;
	publicJwk: JsonWebKey;
}): Promise<EntrySealer> {
	const pair = await globalThis.crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
	const { kty, crv, x, y } = await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey);
	const publicJwk = { kty, crv, x, y };
	const epkId = await epkIdOf(publicJwk);
	const ref = auditKeyRef(auditKey);
	const recipient = await importPublicJwk(auditKey.publicJwk);
	const key = await deriveEntryKey(pair.privateKey, recipient, epkId, ref);
	return { epkId, publicJwk, auditKey: ref, key };
}

/**
 * The key entries sealed with ephemeral key `epkId` open with, for the holder of the audit
 * private key `ref` names; DecryptionError when the stored public key is not the one `epkId` names.
 */
export async function openingKey(
	auditPrivate: CryptoKey,
	epk: JsonWebKey,
	epkId: string,
	ref: string
): Promise<CryptoKey> {
	let ephemeral: CryptoKey;
	try {
		if ((await epkIdOf(epk)) !== epkId) throw new Error('Another key than its id names.');
		ephemeral = await importPublicJwk(epk);
	} catch (cause) {
		throw new DecryptionError({ cause });
	}
	return deriveEntryKey(auditPrivate, ephemeral, epkId, ref);
}

/** The short id of an ephemeral public key. */
export async function epkIdOf(jwk: JsonWebKey): Promise<string> {
	return (await fingerprintOf(jwk)).slice(0, ID_CHARS);
}

async function deriveEntryKey(
	privateKey: CryptoKey,
	publicKey: CryptoKey,
	epkId: string,
	ref: string
): Promise<CryptoKey> {
	const shared = await globalThis.crypto.subtle.deriveBits(
		{ name: 'ECDH', public: publicKey },
		privateKey,
		256
	);
	// The raw ECDH output is not uniformly random, so it is never used as a key directly.
	const material = await globalThis.crypto.subtle.importKey('raw', shared, 'HKDF', false, [
		'deriveKey'
	]);
	const info = utf8Encode(`po-audit-seal-v2|${epkId}|${ref}`);
	return globalThis.crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: asBuffer(info) },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}
