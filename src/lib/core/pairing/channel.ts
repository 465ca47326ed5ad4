/**
 * The encrypted channel the keys travel in. Both devices hold a fresh P-256 key pair for this one
 * pairing; ECDH gives a shared secret that HKDF (salted with the transcript hash) turns into an
 * AES-256-GCM channel key and a six-digit check code. If anyone substituted a key, the two
 * devices hold different secrets: the check codes differ and nothing decrypts.
 */
import { asBuffer, utf8Encode } from '../bytes';
import { open, seal, type Sealed } from '../crypto/aead';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const CHANNEL_INFO = utf8Encode('po-pair-channel-v1');
const CHECK_INFO = utf8Encode('po-pair-check-v1');

/** What a message sealed on the channel is for; bound as associated data. */
export type ChannelPurpose = 'keys' | 'done';

export interface Channel {
	key: CryptoKey;
	/** Six digits, shown as `123 456`. */
	checkCode: string;
}

/** A single-use key pair and its public half as a raw uncompressed point (65 bytes). */
export async function ephemeralKeyPair(): Promise<{
	privateKey: CryptoKey;
	publicRaw: Uint8Array;
}> {
	const pair = await globalThis.crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
	const publicRaw = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey));
	return { privateKey: pair.privateKey, publicRaw };
}

/** Imports a peer's raw public key; throws when it is not a point on P-256. */
export async function importPeerKey(raw: Uint8Array): Promise<CryptoKey> {
	if (raw.length !== 65 || raw[0] !== 0x04) throw new TypeError('Expected a raw P-256 point.');
	return globalThis.crypto.subtle.importKey('raw', asBuffer(raw), CURVE, true, []);
}

/** Derives channel key and check code from our private key, the peer's key and the transcript. */
export async function deriveChannel(
	privateKey: CryptoKey,
	peerRaw: Uint8Array,
	transcriptHash: Uint8Array
): Promise<Channel> {
	const subtle = globalThis.crypto.subtle;
	const peer = await importPeerKey(peerRaw);
	const shared = await subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256);
	const material = await subtle.importKey('raw', shared, 'HKDF', false, [
		'deriveBits',
		'deriveKey'
	]);
	const salt = asBuffer(transcriptHash);
	const key = await subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt, info: CHANNEL_INFO },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
	const check = await subtle.deriveBits(
		{ name: 'HKDF', hash: 'SHA-256', salt, info: CHECK_INFO },
		material,
		32
	);
	return { key, checkCode: formatCheckCode(new DataView(check).getUint32(0, false)) };
}

/** `123 456` from a 32-bit number (the modulo bias is below 0.03%). */
export function formatCheckCode(n: number): string {
	const digits = String(n % 1_000_000).padStart(6, '0');
	return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

/** Seals a channel message for one purpose. */
export function sealOnChannel(
	channel: Channel,
	purpose: ChannelPurpose,
	plaintext: Uint8Array
): Promise<Sealed> {
	return seal(channel.key, plaintext, purposeAad(purpose));
}

/** Opens a channel message; throws DecryptionError if altered, misdirected or for another purpose. */
export function openOnChannel(
	channel: Channel,
	purpose: ChannelPurpose,
	sealed: Sealed
): Promise<Uint8Array> {
	return open(channel.key, sealed, purposeAad(purpose));
}

function purposeAad(purpose: ChannelPurpose): Uint8Array {
	return utf8Encode(`po-pair-${purpose}-v1`);
}
