/**
 * Device A of the first-sync benchmark: a copy of the large office (its device, keys and the
 * 30,000-record document) that has synced through a relay the way an office in daily use has.
 * A pushed everything (its local snapshot and 200 later updates); on its next connection it
 * uploaded a relay snapshot, which another device (C) opened and confirmed, so the relay
 * compacted the document; then A made a few more edits.
 * The relay ends up holding a snapshot plus those edits, which is what a new device pulls.
 */
import { documentId } from '$lib/core/documents/document-id';
import { adminSigner } from '$lib/app/office-devices';
import { unlockOffice } from '$lib/core/keys/vault';
import type { AreaKeyring } from '$lib/core/keys/area-keyring';
import type { AdminSigner } from '$lib/core/sync';
import { writeRecord } from '$lib/core/documents/records';
import type { Cleanup } from './cleanup';
import { copyDatabase } from './copy-database';
import { benchDatabase, deleteDatabase } from './databases';
import { BENCH_AREAS, largeOffice, RECORDS_DOCUMENT } from './large-office';
import { PATIENTS_COLLECTION } from './patients';
import { progress } from './progress';
import { allPushed, connected, syncDevice, type SyncDevice } from './sync-device';

/** Edits A makes after the relay compacted the document. */
export const EDITS_AFTER_RELAY_SNAPSHOT = 20;
// Low, so the relay snapshot is due on A's second connection (the default is 500 items).
const SNAPSHOT_AFTER = 100;

export interface SyncedOffice {
	a: SyncDevice;
	officeId: string;
	keyring: AreaKeyring;
	/** The office manager, who enrols the devices that join. */
	admin: AdminSigner;
	/** A field value of A's last edit: a device holding it has everything A wrote. */
	lastEdit: { id: string; phone: string };
	recordCount: number;
}

export async function syncedLargeOffice(url: string, cleanup: Cleanup): Promise<SyncedOffice> {
	const office = await largeOffice();
	const db = benchDatabase('first-sync-a');
	cleanup.defer(() => deleteDatabase(db));
	await copyDatabase(office.db, db);
	const keys = await unlockOffice(db, office.passphrase, { areas: BENCH_AREAS });
	const admin = adminSigner(keys);
	const a = await syncDevice({
		db,
		officeId: keys.officeId,
		keyring: keys.keyring,
		url,
		register: true,
		admin,
		client: { snapshotAfter: SNAPSHOT_AFTER }
	});
	cleanup.defer(() => a.dispose());

	progress('device A pushes the large office to the relay…');
	await a.client.start();
	await connected(a.client);
	await allPushed(db);
	// The relay has no items from others for A, so only A's next SUBSCRIBE (which reads back
	// every item) shows it the document is due for a relay snapshot.
	const snapshotted = a.sockets.next(
		'SNAPSHOT_ACK',
		(header) => header.docId === documentId(RECORDS_DOCUMENT),
		60_000
	);
	await a.restart();
	await snapshotted;
	// The relay keeps the snapshot pending until another device has opened it: device C (an
	// office in daily use has more than one) catches up and confirms it.
	progress('device C confirms the pending relay snapshot…');
	const compacted = a.sockets.next(
		'SNAPSHOT_DONE',
		(header) => header.docId === documentId(RECORDS_DOCUMENT) && header.ok === true,
		120_000
	);
	const dbC = benchDatabase('first-sync-c');
	cleanup.defer(() => deleteDatabase(dbC));
	const c = await syncDevice({
		db: dbC,
		officeId: keys.officeId,
		keyring: keys.keyring,
		url,
		admin
	});
	await a.client.addDevice(c.device.deviceId, c.device.signingPublicRaw, admin);
	await c.client.start();
	await compacted;
	await c.dispose();
	progress('the relay compacted the records document');

	const document = await a.documents.open(RECORDS_DOCUMENT);
	const ids = [...document.doc.getMap(PATIENTS_COLLECTION).keys()];
	let lastEdit = { id: '', phone: '' };
	for (let n = 0; n < EDITS_AFTER_RELAY_SNAPSHOT; n++) {
		// 557: an exchange no other writer uses, so every edit changes something.
		lastEdit = {
			id: ids[(n * 997) % ids.length],
			phone: `(217) 557-${String(n).padStart(4, '0')}`
		};
		const { id, phone } = lastEdit;
		document.transact((doc) => writeRecord(doc, PATIENTS_COLLECTION, id, { phone }));
		await a.documents.flush();
	}
	await allPushed(db);
	return {
		a,
		officeId: keys.officeId,
		keyring: keys.keyring,
		admin,
		lastEdit,
		recordCount: office.recordCount
	};
}
