/**
 * Reading what a pairing hands over from the host's database, and writing it into the joiner's.
 * The write is one IndexedDB transaction: the new device ends up with the whole office or with
 * nothing at all.
 */
import { PEOPLE_DOCUMENT } from '../authority/authority-log';
import { documentId } from '../documents/document-id';
import { peopleKeysMeta, readPeopleKeys } from '../keys/people-keys';
import { officeMeta, readOffice } from '../keys/vault';
import type { DeviceRow, OfficeDatabase } from '../storage/db';
import { PairingError } from './errors';
import type { KeysPayload, PeopleRow } from './payload';

export const RELAY_URL_META_KEY = 'sync:relayUrl';

const PEOPLE_DOC_ID = documentId(PEOPLE_DOCUMENT);

/**
 * The most people-document ciphertext a pairing carries. The relay passes pairing messages of up
 * to 64 KiB (docs/sync-protocol.md); a large office's people document (dozens of people, keys of
 * many epochs) is bigger, and then the new device receives it by sync like every other document
 * and its sign-in screen waits for it.
 */
export const PEOPLE_ROWS_BUDGET = 32 * 1024;

/**
 * The office, its people keys and — when small enough for one pairing message — its people
 * document as stored here, ready to hand over. Only an office with a chain of authority can be
 * handed over: the new device pins its root.
 */
export async function readTransfer(db: OfficeDatabase, relayUrl: string): Promise<KeysPayload> {
	const office = await readOffice(db);
	const peopleKeys = await readPeopleKeys(db);
	if (!office?.root || peopleKeys.length === 0) throw new PairingError('no-office');
	const people = await db.transaction('r', db.snapshots, db.updates, async () => {
		const snapshot = await db.snapshots.get(PEOPLE_DOC_ID);
		const updates = await db.updates.where('docId').equals(PEOPLE_DOC_ID).sortBy('id');
		const rows: PeopleRow[] = snapshot ? [{ kind: 'snapshot', ...sealedOf(snapshot) }] : [];
		return [...rows, ...updates.map((row) => ({ kind: 'update' as const, ...sealedOf(row) }))];
	});
	if (people.length === 0) throw new PairingError('no-office');
	const bytes = people.reduce((sum, row) => sum + row.ciphertext.length, 0);
	return {
		office: { ...office, root: office.root },
		peopleKeys,
		people: bytes <= PEOPLE_ROWS_BUDGET ? people : [],
		relayUrl
	};
}

function sealedOf(row: Omit<PeopleRow, 'kind'>): Omit<PeopleRow, 'kind'> {
	const { epoch, deviceId, nonce, ciphertext, link } = row;
	return link
		? { epoch, deviceId, nonce, ciphertext, link }
		: { epoch, deviceId, nonce, ciphertext };
}

/** Fails with `has-office` when this device already has an office. */
export async function assertNoOffice(db: OfficeDatabase): Promise<void> {
	if (await readOffice(db)) throw new PairingError('has-office');
}

/**
 * Stores a validated payload, and this device's identity if it is new, in one transaction;
 * refuses (writing nothing) when an office appeared meanwhile or the device identity changed.
 * The people rows count as synced: the host (or the relay) holds them already.
 */
export async function writeTransfer(
	db: OfficeDatabase,
	payload: KeysPayload,
	device: Required<DeviceRow>
): Promise<void> {
	try {
		const tables = [db.device, db.updates, db.snapshots, db.meta, db.authorityOps];
		await db.transaction('rw', tables, async () => {
			await assertNoOffice(db);
			const existing = await db.device.get('this-device');
			if (existing && existing.deviceId !== device.deviceId) throw new PairingError('failed');
			if (!existing?.encryptionPrivateKey) await db.device.put(device);
			// Leftovers of an earlier, unfinished office on this device would not decrypt.
			await db.updates.where('docId').equals(PEOPLE_DOC_ID).delete();
			await db.snapshots.delete(PEOPLE_DOC_ID);
			await db.authorityOps.clear();
			for (const { kind, ...sealed } of payload.people) {
				if (kind === 'snapshot')
					await db.snapshots.put({
						docId: PEOPLE_DOC_ID,
						...sealed,
						createdAt: new Date().toISOString()
					});
				else await db.updates.add({ docId: PEOPLE_DOC_ID, ...sealed, synced: 1 });
			}
			await db.meta.bulkPut([
				peopleKeysMeta(payload.peopleKeys),
				officeMeta(payload.office),
				{ key: RELAY_URL_META_KEY, value: payload.relayUrl }
			]);
		});
	} catch (error) {
		if (error instanceof PairingError) throw error;
		throw new PairingError('storage', { cause: error });
	}
}
