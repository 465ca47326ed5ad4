/**
 * The handshake's byte strings: what each MAC covers, the joiner's key commitment and the
 * transcript that seeds the channel key and check code. Every field is length-prefixed and every
 * string starts with its own label, so no two different handshakes, and no two different messages
 * of one handshake, share an encoding.
 */
import { concatBytes, utf8Encode } from '../bytes';
import { sha256 } from '../crypto/hash';

/** What the joiner announces in `hello`. */
export interface HelloFields {
	mailbox: string;
	/** SHA-256 commitment to the joiner's ephemeral public key, revealed only after the host's. */
	commitment: Uint8Array;
	deviceId: string;
	/** The joiner's Ed25519 device public key, to be enrolled at the relay. */
	signingPublicRaw: Uint8Array;
	/** The joiner's P-256 device key (raw point) that later people keys are wrapped to. */
	encryptionPublicRaw: Uint8Array;
	/** What the joiner calls itself ("Chrome on Android"), for the office's device list. */
	name: string;
}

/** Everything both sides agree on once the joiner has revealed its key. */
export interface Transcript extends HelloFields {
	/** Ephemeral P-256 public keys, raw uncompressed points (65 bytes). */
	hostKey: Uint8Array;
	joinerKey: Uint8Array;
}

/** The commitment the joiner sends before it has seen the host's key. */
export function commitTo(joinerKey: Uint8Array): Promise<Uint8Array> {
	return sha256(encodeFields('po-pair-commit-v2', joinerKey));
}

/** What the joiner's `hello` MAC covers. */
export function helloMacInput(h: HelloFields): Uint8Array {
	return encodeFields('po-pair-hello-v2', ...helloParts(h));
}

/** What the host's `welcome` MAC covers: the hello it answers, and its own key. */
export function welcomeMacInput(h: HelloFields, hostKey: Uint8Array): Uint8Array {
	return encodeFields('po-pair-welcome-v2', ...helloParts(h), hostKey);
}

/** What the joiner's `reveal` MAC covers: the whole handshake. */
export function revealMacInput(t: Transcript): Uint8Array {
	return encodeFields('po-pair-reveal-v2', ...helloParts(t), t.hostKey, t.joinerKey);
}

/** The transcript hash: HKDF salt for the channel key and check code. */
export function transcriptHash(t: Transcript): Promise<Uint8Array> {
	return sha256(encodeFields('po-pair-transcript-v2', ...helloParts(t), t.hostKey, t.joinerKey));
}

function helloParts(h: HelloFields): (string | Uint8Array)[] {
	return [h.mailbox, h.commitment, h.deviceId, h.signingPublicRaw, h.encryptionPublicRaw, h.name];
}

/** A label followed by length-prefixed fields; strings as UTF-8. */
export function encodeFields(label: string, ...parts: (string | Uint8Array)[]): Uint8Array {
	const encoded = [label, ...parts].map((part) =>
		typeof part === 'string' ? utf8Encode(part) : part
	);
	return concatBytes(...encoded.flatMap((bytes) => [u32(bytes.length), bytes]));
}

function u32(n: number): Uint8Array {
	const out = new Uint8Array(4);
	new DataView(out.buffer).setUint32(0, n, false);
	return out;
}
