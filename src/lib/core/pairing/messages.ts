/**
 * The messages the two devices exchange through the relay's mailbox, and their exact shapes.
 * Anything that does not match is treated as tampering; nothing is ever half-read.
 *
 *   host ← joiner   hello    commitment to the joiner's key, device id and key, MAC
 *   host → joiner   welcome  host's ephemeral key, MAC
 *   host ← joiner   reveal   joiner's ephemeral key, MAC      (both now show the check code)
 *   host → joiner   keys     sealed on the channel, only after the host's person confirmed
 *   host ← joiner   done     sealed on the channel, once everything is stored
 *
 * `ready` (host → joiner) only says "I am here", for relays that tell only one side about the
 * other; `abort` (either way) says why a side gave up. Neither carries anything to trust.
 */
import { z } from 'zod';
import { bytesSchema as bytes } from './bytes-schema';
import { decodeJson, encodeJson } from './json-codec';
import { ABORT_REASONS } from './errors';

const mac = bytes(32);
const point = bytes(65);

const messageSchema = z.discriminatedUnion('t', [
	z.object({ t: z.literal('ready') }),
	z.object({
		t: z.literal('hello'),
		v: z.literal(2),
		commitment: bytes(32),
		deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
		signingPublicRaw: bytes(32),
		encryptionPublicRaw: point,
		name: z.string().trim().min(1).max(80),
		mac
	}),
	z.object({ t: z.literal('welcome'), hostKey: point, mac }),
	z.object({ t: z.literal('reveal'), joinerKey: point, mac }),
	z.object({ t: z.literal('keys'), nonce: bytes(12), ciphertext: bytes() }),
	z.object({ t: z.literal('done'), nonce: bytes(12), ciphertext: bytes() }),
	z.object({ t: z.literal('abort'), reason: z.enum(ABORT_REASONS) })
]);

export type PairingMessage = z.infer<typeof messageSchema>;
export type MessageType = PairingMessage['t'];
export type MessageOf<T extends MessageType> = Extract<PairingMessage, { t: T }>;

/** The wire form of a message. */
export function encodeMessage(message: PairingMessage): Uint8Array {
	return encodeJson(message);
}

/** Reads a message; null for anything that is not exactly one of ours. */
export function decodeMessage(payload: Uint8Array): PairingMessage | null {
	let raw: unknown;
	try {
		raw = decodeJson(payload);
	} catch {
		return null;
	}
	const result = messageSchema.safeParse(raw);
	return result.success ? result.data : null;
}
