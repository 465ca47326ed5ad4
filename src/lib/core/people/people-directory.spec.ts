import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentStore } from '../documents/document-store';
import { AreaKeyring } from '../keys/area-keyring';
import { keyringCipher } from '../keys/document-cipher';
import { readPeopleKey } from '../keys/people-key';
import { openPeople, PEOPLE_DOC_ID } from '../test-support/people';
import { tablesContaining } from '../test-support/storage-scan';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import {
	PEOPLE_AREA,
	PEOPLE_DOCUMENT,
	PEOPLE_KEY_EPOCH,
	type PeopleDirectory
} from './people-directory';
import { grantId, type GrantRecord, type PersonRecord, type RoleRecord } from './people-schema';

const CANARY = 'Canary-Quillfeather-7f3a';
const NOW = '2026-03-15T09:30:00.000Z';
const COORDINATE = 'A'.repeat(43);

/** A person record that validates; its keys are placeholders of the right shape. */
function makePerson(id: string, fields: Partial<PersonRecord> = {}): PersonRecord {
	return {
		id,
		name: `Person ${id}`,
		roles: ['front-desk'],
		active: true,
		publicJwk: { kty: 'EC', crv: 'P-256', x: COORDINATE, y: COORDINATE },
		wrappedPrivateKey: {
			kdf: 'PBKDF2-SHA256',
			iterations: 1000,
			salt: 'c2FsdA==',
			nonce: 'bm9uY2U=',
			ciphertext: 'Y2lwaGVydGV4dA=='
		},
		createdAt: NOW,
		createdBy: null,
		...fields
	};
}

function makeGrant(area: string, personId: string, fields: Partial<GrantRecord> = {}): GrantRecord {
	return {
		id: grantId(area, 1, personId),
		area,
		epoch: 1,
		personId,
		wrapped: {
			ephemeralPublicJwk: { kty: 'EC', crv: 'P-256', x: COORDINATE, y: COORDINATE },
			nonce: 'bm9uY2U=',
			ciphertext: 'Y2lwaGVydGV4dA=='
		},
		grantedBy: null,
		grantedAt: NOW,
		...fields
	};
}

function makeRole(id: string, fields: Partial<RoleRecord> = {}): RoleRecord {
	return { id, areas: ['alpha'], updatedAt: NOW, updatedBy: null, ...fields };
}

let office: TestOffice;
let directory: PeopleDirectory;
const opened: PeopleDirectory[] = [];

/** Another reader of the same people document, like a second tab. */
async function another(): Promise<PeopleDirectory> {
	const other = await openPeople(office.db);
	opened.push(other);
	return other;
}

beforeEach(async () => {
	office = await createTestOffice();
	directory = await another();
});

afterEach(async () => {
	for (const open of opened.splice(0)) await open.close();
	await office.dispose();
});

describe('PeopleDirectory', () => {
	it('reads the person and grants the office was created with', () => {
		const owner = directory.person(office.keys.personId);
		expect(owner).toMatchObject({ roles: ['manager'], active: true });
		expect(directory.grantsOf(office.keys.personId).map((g) => g.area)).toHaveLength(3);
		expect(directory.setAside).toBe(0);
	});

	it('lists persons sorted by name, whatever order they were written in', async () => {
		await directory.write((w) => {
			w.putPerson(makePerson('p-zoe', { name: 'Zoë Adler' }));
			w.putPerson(makePerson('p-ada', { name: 'Ada Brook' }));
			w.putPerson(makePerson('p-mia', { name: 'Mia Crane' }));
		});
		expect(directory.persons().map((p) => p.name)).toEqual([
			'Ada Brook',
			'Mia Crane',
			'Office manager',
			'Zoë Adler'
		]);
	});

	it('keeps records that fail validation out of every list, and counts them as set aside', async () => {
		await directory.write((w) => {
			w.putPerson(makePerson('p-ok'));
			w.putPerson({ ...makePerson('p-no-key'), publicJwk: undefined } as unknown as PersonRecord);
			w.putPerson(
				makePerson('p-bad-jwk', {
					publicJwk: { ...makePerson('x').publicJwk, d: 'x' } as PersonRecord['publicJwk']
				})
			);
			w.putGrant(makeGrant('a/b', 'p-ok'));
			w.putGrant(makeGrant('alpha', 'p-ok', { id: grantId('alpha', 0, 'p-ok'), epoch: 0 }));
			w.putGrant(makeGrant('alpha', 'p-ok'));
			w.putRole(makeRole('Not A Role'));
			w.putRole(makeRole('reception'));
		});

		expect(
			directory
				.persons()
				.map((p) => p.id)
				.sort()
		).toEqual([office.keys.personId, 'p-ok'].sort());
		expect(directory.person('p-no-key')).toBeUndefined();
		expect(directory.person('p-bad-jwk')).toBeUndefined();
		expect(directory.grantsOf('p-ok')).toEqual([makeGrant('alpha', 'p-ok')]);
		expect(directory.roles()).toEqual([makeRole('reception')]);
		expect(directory.setAside).toBe(5);
		// Left in the document, not deleted: a newer version may read them.
		const other = await another();
		expect(other.setAside).toBe(5);
	});

	it('sets aside a valid person that a change made invalid, and takes it back once repaired', async () => {
		await directory.write((w) => w.putPerson(makePerson('p-1')));
		await directory.write((w) => w.patchPerson('p-1', { roles: ['NOT VALID'] }));
		expect(directory.person('p-1')).toBeUndefined();
		expect(directory.setAside).toBe(1);

		await directory.write((w) => w.patchPerson('p-1', { roles: ['front-desk'] }));
		expect(directory.person('p-1')).toEqual(makePerson('p-1'));
		expect(directory.setAside).toBe(0);
	});

	it('sets aside an entry that is not a record at all', async () => {
		const keyring = new AreaKeyring();
		keyring.add(PEOPLE_AREA, PEOPLE_KEY_EPOCH, (await readPeopleKey(office.db))!);
		const store = new DocumentStore(
			office.db,
			keyringCipher(keyring, office.keys.deviceId),
			office.keys.deviceId,
			{ channelName: null }
		);
		const document = await store.open(PEOPLE_DOCUMENT);
		document.transact((doc) => doc.getMap('persons').set('p-text', 'just text'));
		await store.close();

		const other = await another();
		expect(other.persons().map((p) => p.id)).toEqual([office.keys.personId]);
		expect(other.setAside).toBe(1);
	});

	it('shows a change written by a second directory on the same database after refresh', async () => {
		const other = await another();
		const seen = vi.fn();
		directory.subscribe(seen);
		await other.write((w) => {
			w.putPerson(makePerson('p-new', { name: 'Noor Hale' }));
			w.putGrant(makeGrant('beta', 'p-new'));
		});
		expect(directory.person('p-new')).toBeUndefined();

		await directory.refresh();
		expect(directory.person('p-new')).toMatchObject({ name: 'Noor Hale' });
		expect(directory.grantsOf('p-new')).toEqual([makeGrant('beta', 'p-new')]);
		expect(seen).toHaveBeenCalled();
	});

	it('stops calling a listener once unsubscribed', async () => {
		const seen = vi.fn();
		const unsubscribe = directory.subscribe(seen);
		await directory.write((w) => w.putPerson(makePerson('p-1')));
		const calls = seen.mock.calls.length;
		expect(calls).toBeGreaterThan(0);
		unsubscribe();
		await directory.write((w) => w.putPerson(makePerson('p-2')));
		expect(seen).toHaveBeenCalledTimes(calls);
	});

	it('stores no name in the clear: the people document is sealed', async () => {
		await directory.write((w) => w.putPerson(makePerson('p-canary', { name: CANARY })));
		expect(await office.db.updates.where('docId').equals(PEOPLE_DOC_ID).count()).toBeGreaterThan(1);
		expect(await tablesContaining(office.db, CANARY)).toEqual([]);
		// ... and the name is there for whoever holds the people key.
		expect((await another()).person('p-canary')?.name).toBe(CANARY);
	});
});
