/**
 * What the host hands over so the office's people can sign in on the new device: the office
 * record (with the pinned root of its chain of authority), the people keys, the people
 * document's stored rows (ciphertext: the signed ops, wrapped keys inside) and the relay to sync
 * with. It travels only sealed on the pairing channel, from a manager's device. The joiner checks
 * every field before it stores anything.
 */
import { z } from 'zod';
import { bytesSchema as bytes } from './bytes-schema';
import type { RawPeopleKey } from '../keys/people-keys';
import type { OfficeRecord } from '../keys/vault';
import { zodValidator, type ValidationResult } from '../validation/validator';

/** One stored row of the people document, sealed as it is on the host. */
export interface PeopleRow {
	kind: 'snapshot' | 'update';
	epoch: number;
	deviceId: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	link?: string;
}

export interface KeysPayload {
	office: OfficeRecord;
	/** The office's people keys (people-keys.ts): let the new device list who can sign in. */
	peopleKeys: RawPeopleKey[];
	/**
	 * The people document as stored on the host, so people can sign in before the first sync;
	 * empty when it is too large for a pairing message (it then comes by sync).
	 */
	people: PeopleRow[];
	relayUrl: string;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date');

const office = z.object({
	officeId: id,
	ownerPersonId: id,
	createdAt: instant,
	demo: z.boolean(),
	root: z.object({
		rootKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
		genesisId: z.string().regex(/^[0-9a-f]{64}$/)
	})
});

const peopleRow = z.object({
	kind: z.enum(['snapshot', 'update']),
	epoch: z.number().int().min(0).max(0xffff_ffff),
	deviceId: id,
	nonce: bytes(12),
	ciphertext: bytes().refine((b) => b.length >= 16 && b.length <= 8 * 1024 * 1024, 'too large'),
	link: z.string().max(4096).optional()
});

const peopleKey = z.object({
	epoch: z.number().int().min(1).max(1_000_000),
	keyId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
	raw: bytes(32)
});

const relayUrl = z.string().max(2048).refine(isRelayUrl, 'expected a relay URL');

const payloadSchema = z
	.object({
		office,
		peopleKeys: z.array(peopleKey).min(1).max(1000),
		people: z.array(peopleRow).max(5_000),
		relayUrl
	})
	.refine((p) => p.people.filter((row) => row.kind === 'snapshot').length <= 1, 'two snapshots');

/** Whether s is an absolute ws(s) or http(s) URL. */
export function isRelayUrl(s: string): boolean {
	try {
		return /^(wss?|https?):$/.test(new URL(s).protocol);
	} catch {
		return false;
	}
}

/** Checks a decoded payload; the value keeps only the fields we know. */
export const validatePayload: (raw: unknown) => ValidationResult<KeysPayload> =
	zodValidator(payloadSchema);
