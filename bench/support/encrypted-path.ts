/**
 * Edits through the app's sync path: two devices of one office, each with its own database,
 * DocumentStore and SyncClient, and a relay process on 127.0.0.1. An edit on A is sealed and
 * stored, pushed (signed), verified and committed by the relay (fsynced), forwarded to B, stored
 * by B's client and then read, decrypted and applied by B's open document.
 */
import type { OfficeDocument } from '$lib/core/documents/office-document';
import { adminSigner } from '$lib/app/office-devices';
import { createOffice } from '$lib/core/keys/vault';
import { benchDatabase, deleteDatabase } from './databases';
import type { Cleanup } from './cleanup';
import { within, type EditPath } from './edit-path';
import { applyEdit, EDITED_RECORDS, hasEdit, recordCount, seedRecords } from './edit-stream';
import { RECORDS_DOCUMENT } from './large-office';
import { startRelayProcess } from './relay-process';
import { connected, syncDevice } from './sync-device';

const EDIT_TIMEOUT_MS = 10_000;

export async function encryptedPath(cleanup: Cleanup): Promise<EditPath> {
	const relay = await startRelayProcess();
	cleanup.defer(() => relay.stop());
	const dbA = benchDatabase('sync-a');
	const dbB = benchDatabase('sync-b');
	cleanup.defer(() => deleteDatabase(dbA));
	cleanup.defer(() => deleteDatabase(dbB));
	// The KDF is not what is measured here, so it is kept cheap.
	const keys = await createOffice(dbA, {
		passphrase: 'bench sync latency passphrase',
		areas: [RECORDS_DOCUMENT.area],
		iterations: 1_000
	});
	const office = {
		officeId: keys.officeId,
		keyring: keys.keyring,
		url: relay.url,
		admin: adminSigner(keys)
	};
	const a = await syncDevice({ ...office, db: dbA, register: true });
	cleanup.defer(() => a.dispose());
	const b = await syncDevice({ ...office, db: dbB });
	cleanup.defer(() => b.dispose());

	await a.client.start();
	await connected(a.client);
	await a.client.addDevice(b.device.deviceId, b.device.signingPublicRaw, office.admin);
	await b.client.start();
	await connected(b.client);

	const source = await a.documents.open(RECORDS_DOCUMENT);
	const target = await b.documents.open(RECORDS_DOCUMENT);
	const seeded = until(target, () => recordCount(target.doc) === EDITED_RECORDS);
	source.transact(seedRecords);
	await within(seeded, EDIT_TIMEOUT_MS, 'The seeded records');

	const updateBytes: number[] = [];
	source.doc.on('update', (update: Uint8Array) => updateBytes.push(update.length));
	return {
		updateBytes,
		async edit(n) {
			const arrived = until(target, () => hasEdit(target.doc, n));
			const start = performance.now();
			source.transact((doc) => applyEdit(doc, n));
			return (await within(arrived, EDIT_TIMEOUT_MS, `Edit ${n}`)) - start;
		}
	};
}

/** Resolves with the time B's document first satisfies `done` after a change. */
function until(document: OfficeDocument, done: () => boolean): Promise<number> {
	return new Promise((resolve) => {
		const stop = document.onChange(() => {
			if (!done()) return;
			const at = performance.now();
			stop();
			resolve(at);
		});
	});
}
