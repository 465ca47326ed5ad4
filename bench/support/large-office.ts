/**
 * The office the unlock benchmarks open: the demo directory plus a document of 30,000
 * patient-sized records in an area of its own, stored the way a device holds it after use: one
 * compacted snapshot with 200 later updates on top. Built once (it takes seconds) and shared;
 * deleted at teardown.
 */
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { DEMO_PASSPHRASE, setUpDemoOffice } from '$lib/app/office-setup';
import type { DocumentRef } from '$lib/core/documents/document-id';
import { unlockOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { writeRecord } from '$lib/core/documents/records';
import type { OfficeDatabase } from '$lib/core/storage/db';
import { seededRandom } from '$lib/directory/demo';
import { benchDatabase, deleteDatabase } from './databases';
import { PATIENTS_COLLECTION, patients } from './patients';
import { progress } from './progress';
import { atTeardown } from './teardown';
import { timed } from './timing';

export const RECORD_COUNT = 30_000;

/** The large document: its own area (and key), like the patient registry will be. */
export const RECORDS_DOCUMENT: DocumentRef = { area: 'records' };

/** The areas to unlock with, so the large document's area has a key. */
export const BENCH_AREAS = [...AREAS_WITH_KEYS, RECORDS_DOCUMENT.area];
const BATCH_SIZE = 1_000;
const EDITS_AFTER_COMPACTION = 200;

export interface LargeOffice {
	db: OfficeDatabase;
	passphrase: string;
	recordCount: number;
}

let building: Promise<LargeOffice> | null = null;

/** The shared office, built on first use. */
export function largeOffice(): Promise<LargeOffice> {
	building ??= build();
	return building;
}

async function build(): Promise<LargeOffice> {
	const db = benchDatabase('large-office');
	atTeardown(() => deleteDatabase(db));
	progress('setting up the demo office (real PBKDF2 cost)…');
	// The real setup path: 600,000 PBKDF2 iterations and every directory write as a command.
	await (await setUpDemoOffice(db)).close();
	// Unlocking with the extra area gives it its key, as a newer app version would.
	const keys = await unlockOffice(db, DEMO_PASSPHRASE, { areas: BENCH_AREAS });
	const workspace = new Workspace(db, keys, { channelName: null });
	try {
		const document = await workspace.documents.open(RECORDS_DOCUMENT);
		progress(`writing ${RECORD_COUNT.toLocaleString('en-US')} records…`);
		const written = [...patients(RECORD_COUNT)];
		for (let start = 0; start < written.length; start += BATCH_SIZE) {
			const batch = written.slice(start, start + BATCH_SIZE);
			document.transact((doc) => {
				for (const row of batch) writeRecord(doc, PATIENTS_COLLECTION, row.id, row);
			});
			await workspace.documents.flush();
		}
		const { ms } = await timed(() => workspace.documents.compact(RECORDS_DOCUMENT));
		progress(`compacted the records document in ${ms.toFixed(0)} ms`);
		// Edits since the last compaction stay as separate rows, as on a device in daily use.
		const random = seededRandom(200);
		for (let n = 0; n < EDITS_AFTER_COMPACTION; n++) {
			const { id } = written[Math.floor(random() * written.length)];
			// 556: an exchange the generator never uses, so every edit changes something.
			const phone = `(217) 556-${String(n).padStart(4, '0')}`;
			document.transact((doc) => writeRecord(doc, PATIENTS_COLLECTION, id, { phone }));
			await workspace.documents.flush();
		}
		const rows = await workspace.documents.logLength(RECORDS_DOCUMENT);
		if (rows !== EDITS_AFTER_COMPACTION) {
			throw new Error(`Expected ${EDITS_AFTER_COMPACTION} update rows, not ${rows}.`);
		}
		progress(`large office ready (${rows} update rows on top of the snapshot)`);
	} finally {
		await workspace.close();
	}
	return { db, passphrase: DEMO_PASSPHRASE, recordCount: RECORD_COUNT };
}
