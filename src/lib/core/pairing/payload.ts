/**
 * What the host hands over so the same person can sign in on the new device: the office record,
 * their identity (private key still wrapped by their passphrase), their wrapped area keys and the
 * relay to sync with. All of it is ciphertext already except ids; it still travels only sealed on
 * the pairing channel. The joiner checks every field before it stores anything.
 */
import { z } from 'zod';
import { bytesSchema as bytes } from './bytes-schema';
import type { IdentityRow, KeyringRow } from '../storage/db';
import type { OfficeRecord } from '../keys/vault';
import { zodValidator, type ValidationResult } from '../validation/validator';

export interface KeysPayload {
	office: OfficeRecord;
	identity: IdentityRow;
	keyring: KeyringRow[];
	relayUrl: string;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const coordinate = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const publicJwk = z
	.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: coordinate, y: coordinate })
	.strict();
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date');
const ciphertext = bytes().refine((b) => b.length >= 16 && b.length <= 4096, 'expected ciphertext');

const office = z.object({
	officeId: id,
	ownerPersonId: id,
	createdAt: instant,
	demo: z.boolean()
});

const identity = z.object({
	personId: id,
	publicJwk,
	wrappedPrivateKey: z.object({
		kdf: z.literal('PBKDF2-SHA256'),
		iterations: z.number().int().min(1).max(10_000_000),
		salt: bytes(16),
		nonce: bytes(12),
		ciphertext
	}),
	createdAt: instant
});

const keyringRow = z.object({
	area: z.string().regex(/^[a-z][a-z-]{1,30}$/),
	epoch: z.number().int().min(0).max(0xffff_ffff),
	personId: id,
	wrapped: z.object({ ephemeralPublicJwk: publicJwk, nonce: bytes(12), ciphertext })
});

const relayUrl = z.string().max(2048).refine(isRelayUrl, 'expected a relay URL');

const payloadSchema = z
	.object({ office, identity, keyring: z.array(keyringRow).min(1).max(10_000), relayUrl })
	// Until sign-in can pick a person (roles issue), a device signs in the office's owner.
	.refine((p) => p.identity.personId === p.office.ownerPersonId, 'identity is not the owner')
	.refine(
		(p) => p.keyring.every((row) => row.personId === p.identity.personId),
		'a key belongs to someone else'
	)
	.refine(
		(p) => new Set(p.keyring.map((row) => `${row.area}|${row.epoch}`)).size === p.keyring.length,
		'a key appears twice'
	);

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
