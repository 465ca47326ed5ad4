/**
 * An office as the version before signed changes stored it, built byte for byte the way that
 * version did: its people document holds plain `persons`, `grants` and `roles` records; private
 * keys are sealed under passphrases with the first wrap format, area keys wrapped with the first
 * key-wrap format (no key ids), rows sealed without links, and the people key kept as one base64
 * string. Used to test the move onto the chain of authority (keys/migration.ts).
 */
import * as Y from 'yjs';
import { ulid } from 'ulid';
import { asBuffer, randomBytes, toBase64, utf8Encode } from '../bytes';
import { associatedData, importAeadKey, seal } from '../crypto/aead';
import { generatePersonKeyPair } from '../crypto/key-agreement';
import { deriveKey } from '../crypto/passphrase';
import { writeRecord } from '../documents/records';
import { ensureDevice } from '../keys/device';
import type { OfficeDatabase } from '../storage/db';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;

export interface LegacyPerson {
	id: string;
	name: string;
	roles: string[];
	passphrase: string;
	active?: boolean;
}

export interface LegacyOffice {
	officeId: string;
	persons: (LegacyPerson & { publicJwk: JsonWebKey })[];
	/** The raw area keys, by area (epoch 1). */
	areaKeys: Map<string, Uint8Array>;
}

/** A passphrase wrap of the first format (no person, no parameters bound). */
async function legacyPassphraseWrap(secret: Uint8Array, passphrase: string, iterations: number) {
	const salt = randomBytes(16);
	const key = await deriveKey(passphrase, salt, iterations);
	const sealed = await seal(key, secret, utf8Encode('po-passphrase-v1'));
	return {
		kdf: 'PBKDF2-SHA256',
		iterations,
		salt: toBase64(salt),
		nonce: toBase64(sealed.nonce),
		ciphertext: toBase64(sealed.ciphertext)
	};
}

/** A key wrap of the first format: HKDF info binds the context only. */
async function legacyWrap(recipient: JsonWebKey, secret: Uint8Array, context: string) {
	const { kty, crv, x, y } = recipient;
	const publicKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, CURVE, true, []);
	const ephemeral = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
	const shared = await crypto.subtle.deriveBits(
		{ name: 'ECDH', public: publicKey },
		ephemeral.privateKey,
		256
	);
	const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
	const key = await crypto.subtle.deriveKey(
		{
			name: 'HKDF',
			hash: 'SHA-256',
			salt: new Uint8Array(0),
			info: asBuffer(utf8Encode('po-wrap-v1|' + context))
		},
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt']
	);
	const sealed = await seal(key, secret, utf8Encode(context));
	const epk = await crypto.subtle.exportKey('jwk', ephemeral.publicKey);
	return {
		ephemeralPublicJwk: { kty: epk.kty, crv: epk.crv, x: epk.x, y: epk.y },
		nonce: toBase64(sealed.nonce),
		ciphertext: toBase64(sealed.ciphertext)
	};
}

/** Writes such an office into `db`: every person holds the areas given (epoch 1). */
export async function createLegacyOffice(
	db: OfficeDatabase,
	people: LegacyPerson[],
	areas: string[],
	options: {
		iterations?: number;
		extraGrants?: (
			office: LegacyOffice
		) => Record<string, unknown>[] | Promise<Record<string, unknown>[]>;
	} = {}
): Promise<LegacyOffice> {
	const iterations = options.iterations ?? 1000;
	const device = await ensureDevice(db);
	const doc = new Y.Doc();
	const persons: LegacyOffice['persons'] = [];
	const areaKeys = new Map(areas.map((area) => [area, randomBytes(32)]));
	for (const person of people) {
		const pair = await generatePersonKeyPair();
		writeRecord(doc, 'persons', person.id, {
			id: person.id,
			name: person.name,
			roles: person.roles,
			active: person.active ?? true,
			publicJwk: pair.publicJwk,
			wrappedPrivateKey: await legacyPassphraseWrap(
				pair.privateKeyPkcs8,
				person.passphrase,
				iterations
			),
			createdAt: new Date().toISOString(),
			createdBy: null
		});
		persons.push({ ...person, publicJwk: pair.publicJwk });
		for (const [area, raw] of areaKeys) {
			writeRecord(doc, 'grants', `${area}|1|${person.id}`, {
				id: `${area}|1|${person.id}`,
				area,
				epoch: 1,
				personId: person.id,
				wrapped: await legacyWrap(pair.publicJwk, raw, `area-key|${area}|1|${person.id}`),
				grantedBy: null,
				grantedAt: new Date().toISOString()
			});
		}
	}
	const office: LegacyOffice = { officeId: ulid(), persons, areaKeys };
	for (const grant of (await options.extraGrants?.(office)) ?? []) {
		writeRecord(doc, 'grants', String(grant.id), grant);
	}
	const peopleRaw = randomBytes(32);
	const peopleKey = await importAeadKey(peopleRaw);
	const sealed = await seal(
		peopleKey,
		Y.encodeStateAsUpdate(doc),
		associatedData({ docId: 'people', epoch: 1, deviceId: device.deviceId })
	);
	await db.updates.add({
		docId: 'people',
		epoch: 1,
		deviceId: device.deviceId,
		...sealed,
		synced: 0
	});
	await db.meta.bulkPut([
		{ key: 'people-key', value: toBase64(peopleRaw) },
		{
			key: 'office',
			value: {
				officeId: office.officeId,
				ownerPersonId: people[0].id,
				createdAt: new Date().toISOString(),
				demo: false
			}
		}
	]);
	return office;
}

/** Seals a row of an area document as that version did (no link), with its epoch-1 key. */
export async function legacyRow(
	db: OfficeDatabase,
	office: LegacyOffice,
	area: string,
	docId: string,
	update: Uint8Array
): Promise<void> {
	const device = await ensureDevice(db);
	const key = await importAeadKey(office.areaKeys.get(area)!);
	const sealed = await seal(
		key,
		update,
		associatedData({ docId, epoch: 1, deviceId: device.deviceId })
	);
	await db.updates.add({ docId, epoch: 1, deviceId: device.deviceId, ...sealed, synced: 0 });
}

/** A person id of the first format. */
export const legacyId = () => ulid();
