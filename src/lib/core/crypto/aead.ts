/**
 * AES-256-GCM authenticated encryption: every document update is sealed with this.
 */
import { asBuffer, concatBytes, randomBytes, utf8Encode } from '../bytes';
import { DecryptionError } from './errors';

/** A nonce with the ciphertext it was used for; the ciphertext ends with the 128-bit tag. */
export interface Sealed {
	nonce: Uint8Array;
	ciphertext: Uint8Array;
}

const ALGORITHM = 'AES-GCM';
const NONCE_BYTES = 12;
const TAG_BITS = 128;
const KEY_BYTES = 32;
const USAGES: KeyUsage[] = ['encrypt', 'decrypt'];
const UPDATE_CONTEXT = utf8Encode('po-upd-v1');
const LINKED_UPDATE_CONTEXT = utf8Encode('po-upd-v2');
const MAX_U32 = 0xffff_ffff;

/** Creates a fresh AES-256-GCM key. */
export async function generateAeadKey(extractable = false): Promise<CryptoKey> {
	return globalThis.crypto.subtle.generateKey(
		{ name: ALGORITHM, length: 256 },
		extractable,
		USAGES
	);
}

/** Imports 32 raw bytes as an AES-256-GCM key. */
export async function importAeadKey(raw: Uint8Array, extractable = false): Promise<CryptoKey> {
	// WebCrypto would also accept 16 or 24 bytes; we only ever want AES-256.
	if (raw.length !== KEY_BYTES) throw new RangeError(`An AES-256 key has ${KEY_BYTES} bytes.`);
	return globalThis.crypto.subtle.importKey('raw', asBuffer(raw), ALGORITHM, extractable, USAGES);
}

/** Exports an extractable AES key as raw bytes. */
export async function exportAeadKey(key: CryptoKey): Promise<Uint8Array> {
	return new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', key));
}

/** Encrypts and authenticates plaintext together with aad, under a fresh random nonce. */
export async function seal(
	key: CryptoKey,
	plaintext: Uint8Array,
	aad: Uint8Array
): Promise<Sealed> {
	// Random 96-bit nonces: reuse under one key would be catastrophic for GCM, and counters
	// cannot be kept in step across devices that encrypt offline.
	const nonce = randomBytes(NONCE_BYTES);
	const ciphertext = await globalThis.crypto.subtle.encrypt(
		{ name: ALGORITHM, iv: nonce, additionalData: asBuffer(aad), tagLength: TAG_BITS },
		key,
		asBuffer(plaintext)
	);
	return { nonce, ciphertext: new Uint8Array(ciphertext) };
}

/** Decrypts sealed data; throws DecryptionError if anything was altered or the key or aad differ. */
export async function open(key: CryptoKey, sealed: Sealed, aad: Uint8Array): Promise<Uint8Array> {
	if (sealed.nonce.length !== NONCE_BYTES) throw new DecryptionError();
	try {
		const plaintext = await globalThis.crypto.subtle.decrypt(
			{
				name: ALGORITHM,
				iv: asBuffer(sealed.nonce),
				additionalData: asBuffer(aad),
				tagLength: TAG_BITS
			},
			key,
			asBuffer(sealed.ciphertext)
		);
		return new Uint8Array(plaintext);
	} catch (cause) {
		throw new DecryptionError({ cause });
	}
}

/**
 * Encodes which document, key epoch and device an update belongs to — and, for items sealed
 * with a link (documents/item-link.ts), the link: which key sealed it and its place in the
 * writer's chain — for use as AAD. Strings are length-prefixed so no two different inputs share
 * an encoding; this is what stops a server from replaying an update into another document,
 * epoch, device's stream or chain position. Items without a link use the first format.
 */
export function associatedData(fields: {
	docId: string;
	epoch: number;
	deviceId: string;
	link?: string;
}): Uint8Array {
	const { docId, epoch, deviceId, link } = fields;
	if (!Number.isInteger(epoch) || epoch < 0 || epoch > MAX_U32) {
		throw new RangeError(`Epoch must be a whole number from 0 to ${MAX_U32}, not ${epoch}.`);
	}
	if (!link) {
		return concatBytes(UPDATE_CONTEXT, lengthPrefixed(docId), u32(epoch), lengthPrefixed(deviceId));
	}
	return concatBytes(
		LINKED_UPDATE_CONTEXT,
		lengthPrefixed(docId),
		u32(epoch),
		lengthPrefixed(deviceId),
		lengthPrefixed(link)
	);
}

function lengthPrefixed(s: string): Uint8Array {
	const bytes = utf8Encode(s);
	return concatBytes(u32(bytes.length), bytes);
}

function u32(n: number): Uint8Array {
	const out = new Uint8Array(4);
	new DataView(out.buffer).setUint32(0, n, false);
	return out;
}
