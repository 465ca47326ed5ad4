/**
 * Folding a document's log of 500 encrypted updates into one snapshot: seal the Yjs state, then
 * write it and delete the covered rows in one IndexedDB transaction. 500 is the store's default
 * `compactAfter`, so this is the pause a device sees each time the log fills up.
 */
import { DEFAULT_COMPACT_AFTER } from '$lib/core/documents/document-store';
import { writeRecord } from '$lib/core/documents/records';
import { createOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { DIRECTORY_DOCUMENT } from '$lib/directory/collections';
import type { Measurement } from '../measurement';
import { benchDatabase, deleteDatabase } from '../support/databases';
import { collectGarbage } from '../support/gc';
import { STORAGE_BOUND } from '../support/notes';
import { PATIENTS_COLLECTION, patients } from '../support/patients';
import { progress } from '../support/progress';
import { median } from '../support/stats';
import { timed } from '../support/timing';

const RUNS = 5;
const UPDATES = DEFAULT_COMPACT_AFTER;

export async function measure(): Promise<Measurement[]> {
	const times: number[] = [];
	for (let n = 1; n <= RUNS; n++) {
		times.push(await compactOnce(n));
		progress(`compaction run ${n}/${RUNS}: ${times[n - 1].toFixed(0)} ms`);
	}
	return [
		{
			metric: 'compaction_ms',
			value: median(times),
			unit: 'ms',
			note: `${UPDATES} stored updates (one record written and flushed each) → documents.compact; median of ${RUNS}, fresh database each. ${STORAGE_BOUND}`
		}
	];
}

async function compactOnce(seed: number): Promise<number> {
	const db = benchDatabase('compaction');
	try {
		// The KDF is not what is measured here, so it is kept cheap.
		const keys = await createOffice(db, {
			passphrase: 'bench compaction passphrase',
			areas: [DIRECTORY_DOCUMENT.area],
			iterations: 1_000
		});
		// Automatic compaction would fire on the 500th write, before the timed call.
		const workspace = new Workspace(db, keys, { channelName: null, compactAfter: Infinity });
		try {
			const document = await workspace.documents.open(DIRECTORY_DOCUMENT);
			for (const patient of patients(UPDATES, seed)) {
				document.transact((doc) => writeRecord(doc, PATIENTS_COLLECTION, patient.id, patient));
				await workspace.documents.flush();
			}
			const stored = await workspace.documents.logLength(DIRECTORY_DOCUMENT);
			if (stored !== UPDATES) throw new Error(`Expected ${UPDATES} stored updates, not ${stored}.`);
			collectGarbage();
			const { ms } = await timed(() => workspace.documents.compact(DIRECTORY_DOCUMENT));
			const left = await workspace.documents.logLength(DIRECTORY_DOCUMENT);
			if (left !== 0) throw new Error(`Compaction left ${left} updates behind.`);
			return ms;
		} finally {
			await workspace.close();
		}
	} finally {
		await deleteDatabase(db);
	}
}
