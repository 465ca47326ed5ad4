/**
 * The shape of authority ops: every change to who may sign in, what they hold and which devices
 * belong to the office. An op is a plain, canonical JSON object signed by the person (or, for a
 * device's own key, the device) that makes it. Byte fields are base64 text; key ids and
 * fingerprints are base64url. Nothing here is a key in the clear: private keys are sealed under a
 * passphrase or a recovery key, area and people keys are wrapped to one public key each.
 *
 * Unknown fields are ignored (they are still covered by the signature), so a newer version may
 * add some; an unknown `kind` is refused, with a reason saying a newer version made it.
 */
import { z } from 'zod';

export const OP_VERSION = 1;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an id');
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');
const base64url = (chars: number) =>
	z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${chars}}$`), 'expected base64url');
const instant = z
	.string()
	.max(40)
	.refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date');
const coordinate = base64url(43);
const roleId = z.string().regex(/^[a-z][a-z-]{1,30}$/, 'expected a role');
const area = z.string().regex(/^[a-z][a-z-]{1,30}$/, 'expected an area name');

/** An Ed25519 public key, 32 raw bytes in base64. */
export const signingKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected a key');
/** An Ed25519 or ECDSA P-256 signature in base64. */
export const signatureSchema = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'expected a signature');
/** A key id: 16 bytes base64url, a commitment to the key (key-id.ts). */
export const keyIdSchema = base64url(22);
/** A public key's fingerprint: SHA-256 of its coordinates, base64url (fingerprint.ts). */
export const fingerprintSchema = base64url(43);

export const publicJwkSchema = z
	.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: coordinate, y: coordinate })
	.strict();
export type PublicJwk = z.output<typeof publicJwkSchema>;

/** A secret sealed under a passphrase (PBKDF2-SHA256); `v` 2 binds person and parameters. */
export const passphraseWrapSchema = z.object({
	v: z.union([z.literal(1), z.literal(2)]),
	kdf: z.literal('PBKDF2-SHA256'),
	iterations: z.number().int().min(1).max(10_000_000),
	salt: base64,
	nonce: base64,
	ciphertext: base64
});
export type StoredPassphraseWrap = z.output<typeof passphraseWrapSchema>;

/** A secret sealed under a key derived (HKDF) from a recovery key. */
export const recoveryWrapSchema = z.object({
	v: z.union([z.literal(1), z.literal(2)]),
	kdf: z.literal('HKDF-SHA256'),
	salt: base64,
	nonce: base64,
	ciphertext: base64
});
export type StoredRecoveryWrap = z.output<typeof recoveryWrapSchema>;

/** A secret wrapped to one P-256 public key (ECDH with a single-use key, then AES-GCM). */
export const wrappedKeySchema = z.object({
	v: z.union([z.literal(1), z.literal(2)]),
	ephemeralPublicJwk: publicJwkSchema,
	nonce: base64,
	ciphertext: base64
});
export type StoredWrappedKey = z.output<typeof wrappedKeySchema>;

export const personEntrySchema = z.object({
	id,
	name: z.string().trim().min(1).max(120),
	roles: z.array(roleId).max(10),
	/** Null only for people carried over from an office made before signed changes. */
	signingKey: signingKeySchema.nullable(),
	publicJwk: publicJwkSchema,
	wrap: passphraseWrapSchema,
	recovery: recoveryWrapSchema.nullable(),
	staffId: id.nullable(),
	idleMinutes: z.number().int().min(1).max(240).nullable(),
	/**
	 * The signing key's proof for the relay (`po-admin-key-v2|<office>|<key>`), made while the
	 * private key was at hand: any manager's device can then make the person a relay
	 * administrator when they become a manager.
	 */
	adminProof: signatureSchema.optional()
});
export type PersonEntry = z.output<typeof personEntrySchema>;

export const deviceEntrySchema = z.object({
	id,
	name: z.string().trim().min(1).max(80),
	signingKey: signingKeySchema,
	/** The device's P-256 key that people keys are wrapped to; null until it publishes one. */
	encryptionJwk: publicJwkSchema.nullable()
});
export type DeviceEntry = z.output<typeof deviceEntrySchema>;

export const grantEntrySchema = z.object({
	area,
	epoch: z.number().int().min(1).max(1_000_000),
	keyId: keyIdSchema,
	personId: id,
	/** Fingerprint of the public key it is wrapped to: a grant to a replaced key is spotted. */
	to: fingerprintSchema,
	wrapped: wrappedKeySchema
});
export type GrantEntry = z.output<typeof grantEntrySchema>;

export const peopleKeyEntrySchema = z.object({
	epoch: z.number().int().min(1).max(1_000_000),
	keyId: keyIdSchema,
	deviceId: id,
	to: fingerprintSchema,
	wrapped: wrappedKeySchema
});
export type PeopleKeyEntry = z.output<typeof peopleKeyEntrySchema>;

export const roleEntrySchema = z.object({ roleId, areas: z.array(area).max(50) });
export type RoleEntry = z.output<typeof roleEntrySchema>;

const signer = z.union([z.object({ person: id }).strict(), z.object({ device: id }).strict()]);

const header = {
	v: z.literal(OP_VERSION),
	office: id,
	by: signer,
	/** The signer's Ed25519 public key as they signed. */
	key: signingKeySchema,
	at: instant,
	/** The ops the signer had seen last (its frontier), sorted: the op's causal past. */
	parents: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(64)
};

const kinds = {
	genesis: {
		person: personEntrySchema,
		device: deviceEntrySchema,
		/** The office's first people key (device-held, handed over at pairing): its id only. */
		peopleKey: z.object({ epoch: z.number().int().min(1).max(1_000_000), keyId: keyIdSchema }),
		/** An office made before signed changes: what its people document said when it moved. */
		migrated: z
			.object({
				persons: z.array(personEntrySchema).max(500),
				roles: z.array(roleEntrySchema).max(50),
				grants: z.array(grantEntrySchema).max(20_000),
				devices: z.array(deviceEntrySchema).max(1000)
			})
			.optional()
	},
	'person-add': { person: personEntrySchema },
	'person-roles': { personId: id, roles: z.array(roleId).max(10) },
	'person-active': { personId: id, active: z.boolean() },
	'person-profile': {
		personId: id,
		name: z.string().trim().min(1).max(120),
		staffId: id.nullable()
	},
	'person-idle': { personId: id, minutes: z.number().int().min(1).max(240).nullable() },
	'person-wrap': { personId: id, wrap: passphraseWrapSchema },
	'person-rekey': {
		personId: id,
		signingKey: signingKeySchema,
		publicJwk: publicJwkSchema,
		wrap: passphraseWrapSchema,
		recovery: recoveryWrapSchema.nullable(),
		/** The new signing key's signature over the rekey text: it is held, not just named. */
		proof: signatureSchema,
		adminProof: signatureSchema.optional()
	},
	'person-enrol': {
		personId: id,
		signingKey: signingKeySchema,
		/** The person's P-256 key as on record, which made `legacyProof`. */
		publicJwk: publicJwkSchema,
		wrap: passphraseWrapSchema,
		recovery: recoveryWrapSchema.nullable(),
		/** The person's P-256 key (ECDSA) vouches for the signing key it is given. */
		legacyProof: signatureSchema,
		adminProof: signatureSchema.optional()
	},
	'person-device': { personId: id, deviceId: id },
	'role-areas': { roleId, areas: z.array(area).max(50) },
	grant: { grants: z.array(grantEntrySchema).min(1).max(20_000) },
	'device-add': { device: deviceEntrySchema },
	'device-remove': { deviceId: id },
	'device-key': { deviceId: id, encryptionJwk: publicJwkSchema },
	'people-key': { wraps: z.array(peopleKeyEntrySchema).min(1).max(5000) },
	/**
	 * The key pair audit entries are sealed to: its public half for everyone who writes entries,
	 * its private half sealed under the audit-read area key (`keyId`), which only managers hold.
	 */
	'audit-key': {
		epoch: z.number().int().min(1).max(1_000_000),
		keyId: keyIdSchema,
		publicJwk: publicJwkSchema,
		sealed: z.object({ nonce: base64, ciphertext: base64 })
	}
} as const;

const bodySchemas = Object.entries(kinds).map(([kind, fields]) =>
	z.object({ ...header, kind: z.literal(kind), ...fields })
);

export const opBodySchema = z.discriminatedUnion(
	'kind',
	bodySchemas as unknown as [(typeof bodySchemas)[number], ...(typeof bodySchemas)[number][]]
);

type Kinds = typeof kinds;
type HeaderShape = z.output<z.ZodObject<typeof header>>;
type KindShape<K extends keyof Kinds> = z.output<z.ZodObject<Kinds[K]>>;

export type OpKind = keyof Kinds;
export type OpBodyOf<K extends OpKind> = HeaderShape & { kind: K } & KindShape<K>;
export type OpBody = { [K in OpKind]: OpBodyOf<K> }[OpKind];
/** What a caller fills in; the header (office, signer, key, time, parents) is added on signing. */
export type OpContent = { [K in OpKind]: { kind: K } & KindShape<K> }[OpKind];

/** Whether an op kind exists in this version. */
export function isKnownKind(kind: unknown): kind is OpKind {
	return typeof kind === 'string' && Object.hasOwn(kinds, kind);
}
