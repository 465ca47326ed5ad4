/**
 * What the people document held before signed changes (offices made before the chain of
 * authority): who can sign in (public key, private key wrapped by their passphrase, roles, active
 * or not) and the area keys wrapped to each of them, as plain records anyone holding the people
 * key could edit. Read only to move such an office onto the chain (keys/migration.ts) and to list
 * its people until then; nothing writes these records any more.
 */
import type * as Y from 'yjs';
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an id');
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date');
const area = z.string().regex(/^[a-z][a-z-]{1,30}$/, 'expected an area name');
const coordinate = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const publicJwkSchema = z
	.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: coordinate, y: coordinate })
	.strict();

export const storedPassphraseWrapSchema = z.object({
	kdf: z.literal('PBKDF2-SHA256'),
	iterations: z.number().int().min(1).max(10_000_000),
	salt: base64,
	nonce: base64,
	ciphertext: base64
});

export const storedRecoveryWrapSchema = z.object({
	kdf: z.literal('HKDF-SHA256'),
	salt: base64,
	nonce: base64,
	ciphertext: base64
});

export const personSchema = z.object({
	id,
	name: z.string().trim().min(1).max(120),
	/** Role ids; what each grants is the app's business (roles collection + defaults). */
	roles: z.array(z.string().regex(/^[a-z][a-z-]{1,30}$/)).max(10),
	active: z.boolean(),
	publicJwk: publicJwkSchema,
	wrappedPrivateKey: storedPassphraseWrapSchema,
	recoveryWrappedPrivateKey: storedRecoveryWrapSchema.nullable().optional(),
	/** Minutes of inactivity before this person's session locks; null: the office's setting. */
	idleMinutes: z.number().int().min(1).max(240).nullable().optional(),
	/** The staff record this sign-in belongs to, when linked. */
	staffId: id.nullable().optional(),
	createdAt: instant,
	createdBy: id.nullable(),
	deactivatedAt: instant.nullable().optional()
});
export type PersonRecord = z.output<typeof personSchema>;

export const grantSchema = z.object({
	id: z.string().max(200),
	area,
	epoch: z.number().int().min(1).max(0xffff_ffff),
	personId: id,
	wrapped: z.object({ ephemeralPublicJwk: publicJwkSchema, nonce: base64, ciphertext: base64 }),
	grantedBy: id.nullable(),
	grantedAt: instant
});
export type GrantRecord = z.output<typeof grantSchema>;

export const roleSchema = z.object({
	id: z.string().regex(/^[a-z][a-z-]{1,30}$/),
	areas: z.array(area).max(50),
	updatedAt: instant,
	updatedBy: id.nullable()
});
export type RoleRecord = z.output<typeof roleSchema>;

export interface LegacyPeople {
	persons: PersonRecord[];
	grants: GrantRecord[];
	roles: RoleRecord[];
}

/** The legacy records of a people document; records that do not validate are left out. */
export function readLegacyPeople(doc: Y.Doc): LegacyPeople {
	const read = <T>(name: string, schema: z.ZodType<T>): T[] => {
		const out: T[] = [];
		for (const value of doc.getMap<unknown>(name).values()) {
			const plain = (value as { toJSON?: () => unknown })?.toJSON?.() ?? value;
			const parsed = schema.safeParse(plain);
			if (parsed.success) out.push(parsed.data);
		}
		return out;
	};
	return {
		persons: read('persons', personSchema),
		grants: read('grants', grantSchema),
		roles: read('roles', roleSchema)
	};
}

/** Removes the legacy records from the document (once the office moved to the chain). */
export function clearLegacyPeople(doc: Y.Doc): void {
	for (const name of ['persons', 'grants', 'roles']) {
		const map = doc.getMap<unknown>(name);
		for (const key of [...map.keys()]) map.delete(key);
	}
}
