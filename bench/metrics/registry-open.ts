/**
 * Opening the patient registry of a large practice: 30,000 realistic synthetic patients (the
 * registry's own schema, ~780 bytes each) in the `patients` document, stored as one sealed
 * snapshot as a device holds it after compaction. Timed from a fresh Workspace (after unlock,
 * which open-office reports) until the patient tables and the search index are ready.
 *
 * The first open on a device loads the document into Yjs and validates every record; a later
 * sign-in reads the sealed projection cache the first one left (projection-cache.ts).
 */
import * as Y from 'yjs';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { documentId } from '$lib/core/documents/document-id';
import { writeRecord } from '$lib/core/documents/records';
import { createOffice, unlockOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { PATIENTS_DOCUMENT, patientsCollection } from '$lib/patients/collections';
import { patientTables, searchPatients } from '$lib/patients/queries';
import { syntheticPatients } from '$lib/patients/test-support/synthetic';
import type { Measurement } from '../measurement';
import { benchDatabase, deleteDatabase } from '../support/databases';
import { collectGarbage } from '../support/gc';
import { STORAGE_BOUND } from '../support/notes';
import { progress } from '../support/progress';
import { median } from '../support/stats';

const PATIENT_COUNT = 30_000;
const PASSPHRASE = 'thirty thousand patients in the bench';
const RUNS = 3;
const CACHE = { channelName: null, projectionCache: { tag: 'bench' } };

export async function measure(): Promise<Measurement[]> {
	const db = benchDatabase('registry');
	try {
		progress('storing 30,000 patients…');
		await createOffice(db, { passphrase: PASSPHRASE, areas: [...AREAS_WITH_KEYS] });
		const setupKeys = await unlockOffice(db, PASSPHRASE, { areas: [...AREAS_WITH_KEYS] });
		const setup = new Workspace(db, setupKeys, { channelName: null });
		const doc = new Y.Doc();
		doc.transact(() => {
			for (const patient of syntheticPatients(PATIENT_COUNT)) {
				writeRecord(doc, patientsCollection.collection, patient.id, patient);
			}
		});
		const id = documentId(PATIENTS_DOCUMENT);
		const state = Y.encodeStateAsUpdate(doc);
		const sealed = await setup.cipher.seal(id, PATIENTS_DOCUMENT.area, state);
		await db.snapshots.put({ docId: id, ...sealed, createdAt: new Date().toISOString() });
		await setup.close();
		const stateMiB = state.length / (1024 * 1024);

		const first: number[] = [];
		const later: number[] = [];
		for (let run = 1; run <= RUNS; run++) {
			await db.projections.clear();
			first.push(await openRegistry(db));
			later.push(await openRegistry(db));
			progress(
				`registry run ${run}/${RUNS}: first ${first.at(-1)!.toFixed(0)} ms, later ${later.at(-1)!.toFixed(0)} ms`
			);
		}
		const what = `fresh Workspace → patient tables + search index with ${PATIENT_COUNT.toLocaleString('en-US')} patients (document state ${stateMiB.toFixed(1)} MiB)`;
		return [
			{
				metric: 'registry_open_ms',
				value: median(later),
				unit: 'ms',
				note: `a later sign-in (sealed projection cache): ${what}; median of ${RUNS}. ${STORAGE_BOUND}`
			},
			{
				metric: 'registry_first_open_ms',
				value: median(first),
				unit: 'ms',
				note: `the first open on a device (load + apply Yjs, validate every patient): ${what}; median of ${RUNS}`
			}
		];
	} finally {
		await deleteDatabase(db);
	}
}

async function openRegistry(db: Parameters<typeof unlockOffice>[0]): Promise<number> {
	const keys = await unlockOffice(db, PASSPHRASE, { areas: [...AREAS_WITH_KEYS] });
	collectGarbage();
	const start = performance.now();
	const workspace = new Workspace(db, keys, CACHE);
	try {
		const tables = await patientTables(workspace);
		const found = searchPatients(tables, 'a').total;
		const ms = performance.now() - start;
		if (tables.patients.size !== PATIENT_COUNT || found === 0) {
			throw new Error(`The registry opened with ${tables.patients.size} patients.`);
		}
		return ms;
	} finally {
		// Closing seals the projections: what the next (later) open reads.
		await workspace.close();
	}
}
