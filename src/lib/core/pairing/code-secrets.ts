/**
 * What both devices derive from the pairing code, and the relay must not: the mailbox id it routes
 * by, and the key that authenticates the handshake.
 *
 * The code has only 50 bits, so a plain hash of it could be reversed by brute force in minutes on
 * rented GPUs — within the mailbox's 10-minute life. The code is therefore stretched with PBKDF2
 * first: each guess then costs 100,000 iterations, which puts 2^50 guesses out of reach, and the
 * mailbox id (which the relay sees) gives nothing away.
 */
import { asBuffer, toHex, utf8Encode } from '../bytes';
import { normalizeCode } from './code';

export const CODE_ITERATIONS = 100_000;
const SALT = utf8Encode('po-pair-code-salt-v1');
const MAILBOX_INFO = utf8Encode('po-pair-mailbox-v1');
const MAC_INFO = utf8Encode('po-pair-code-v1');

export interface CodeSecrets {
	/** 64 hex characters: the mailbox both devices open at the relay. */
	mailbox: string;
	/** HMAC-SHA256 key proving knowledge of the code; non-extractable. */
	macKey: CryptoKey;
}

/** Derives the mailbox id and handshake key from a code in any form normalizeCode accepts. */
export async function deriveCodeSecrets(code: string): Promise<CodeSecrets> {
	const normalized = normalizeCode(code);
	if (normalized === null) throw new RangeError('Not a pairing code.');
	const subtle = globalThis.crypto.subtle;
	const password = await subtle.importKey('raw', utf8Encode(normalized), 'PBKDF2', false, [
		'deriveBits'
	]);
	const stretched = await subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: SALT, iterations: CODE_ITERATIONS },
		password,
		256
	);
	const material = await subtle.importKey('raw', stretched, 'HKDF', false, [
		'deriveBits',
		'deriveKey'
	]);
	const hkdf = (info: Uint8Array) =>
		({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: asBuffer(info) }) as const;
	const mailbox = toHex(new Uint8Array(await subtle.deriveBits(hkdf(MAILBOX_INFO), material, 256)));
	const macKey = await subtle.deriveKey(
		hkdf(MAC_INFO),
		material,
		{ name: 'HMAC', hash: 'SHA-256', length: 256 },
		false,
		['sign', 'verify']
	);
	return { mailbox, macKey };
}

/** HMAC-SHA256 of data under the code's key. */
export async function codeMac(secrets: CodeSecrets, data: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(
		await globalThis.crypto.subtle.sign('HMAC', secrets.macKey, asBuffer(data))
	);
}

/** Checks a MAC in constant time; false for anything malformed. */
export async function verifyCodeMac(
	secrets: CodeSecrets,
	mac: Uint8Array,
	data: Uint8Array
): Promise<boolean> {
	if (mac.length !== 32) return false;
	return globalThis.crypto.subtle.verify('HMAC', secrets.macKey, asBuffer(mac), asBuffer(data));
}
