/**
 * The shape every row read from a backup must have before anything is written. The chunks are
 * authenticated, so a bad row means a bug or a file made with the key by someone else; either
 * way, refusing is better than storing rows the app cannot read. Objects are loose: fields a
 * later version of the same format adds are kept, not stripped.
 */
import { z } from 'zod';
import { PEOPLE_KEY_META_KEY } from '../keys/people-keys';
import { bytesSchema as bytes } from '../pairing/bytes-schema';
import { isOfficeMeta, OFFICE_META_KEY } from './office-rows';
import type { TableName } from './format';

const text = z.string().min(1).max(200);
const epoch = z.number().int().min(0).max(0xffff_ffff);
const synced = z.union([z.literal(0), z.literal(1)]);

const update = z.looseObject({
	id: z.number().int().positive(),
	docId: text,
	epoch,
	deviceId: z.string().max(200),
	nonce: bytes(12),
	ciphertext: bytes(),
	synced
});

const snapshot = z.looseObject({
	docId: text,
	epoch,
	deviceId: text,
	nonce: bytes(12),
	ciphertext: bytes(),
	createdAt: z.string()
});

const blob = z.looseObject({
	id: text,
	area: text,
	epoch,
	deviceId: text,
	nonce: bytes(12),
	ciphertext: bytes(),
	size: z.number().int().min(0),
	synced,
	createdAt: z.string()
});

const sealedSecret = z.looseObject({ salt: bytes(16), nonce: bytes(12), ciphertext: bytes() });

const identity = z.looseObject({
	personId: text,
	publicJwk: z.looseObject({ kty: z.string() }),
	wrappedPrivateKey: sealedSecret.extend({
		kdf: z.literal('PBKDF2-SHA256'),
		iterations: z.number().int().min(1).max(10_000_000)
	}),
	recoveryWrappedPrivateKey: sealedSecret.optional(),
	createdAt: z.string()
});

const keyring = z.looseObject({
	area: text,
	epoch,
	personId: text,
	wrapped: z.looseObject({
		ephemeralPublicJwk: z.looseObject({}),
		nonce: bytes(12),
		ciphertext: bytes()
	})
});

const officeRecord = z.looseObject({
	officeId: text,
	ownerPersonId: text,
	createdAt: z.string(),
	demo: z.boolean()
});

/**
 * The people keys (keys/people-keys.ts), 32 bytes as base64 each: a list, or one key alone as
 * offices kept it before people keys could rotate. Without them no one can sign in.
 */
const rawKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const peopleKey = z.union([
	rawKey,
	z
		.array(
			z.object({
				epoch: z.number().int().min(1),
				keyId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
				raw: rawKey
			})
		)
		.min(1)
]);

const meta = z
	.object({ key: z.string().refine(isOfficeMeta, 'not an office row'), value: z.unknown() })
	.refine((row) => row.key !== OFFICE_META_KEY || officeRecord.safeParse(row.value).success)
	.refine((row) => row.key !== PEOPLE_KEY_META_KEY || peopleKey.safeParse(row.value).success);

/** The schema of each table's rows in a backup. */
export const ROW_SCHEMAS: Record<TableName, z.ZodType> = {
	updates: update,
	snapshots: snapshot,
	blobs: blob,
	identities: identity,
	keyring,
	meta
};
