/**
 * Deriving the in-memory projection of a 30,000-record collection from its loaded document,
 * every record validated by zod: the price of keeping projections out of IndexedDB, paid at
 * every unlock for each collection a view needs.
 */
import { unlockOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import type { Measurement } from '../measurement';
import { collectGarbage } from '../support/gc';
import { BENCH_AREAS, largeOffice, RECORDS_DOCUMENT } from '../support/large-office';
import { patientsCollection } from '../support/patients';
import { median } from '../support/stats';
import { timed } from '../support/timing';

const RUNS = 5;

export async function measure(): Promise<Measurement[]> {
	const office = await largeOffice();
	const keys = await unlockOffice(office.db, office.passphrase, { areas: BENCH_AREAS });
	const workspace = new Workspace(office.db, keys, { channelName: null });
	try {
		await workspace.documents.open(RECORDS_DOCUMENT);
		collectGarbage();
		const first = await timed(() => workspace.projection(RECORDS_DOCUMENT, patientsCollection));
		const table = first.result;
		const times: number[] = [];
		for (let n = 0; n < RUNS; n++) {
			collectGarbage();
			times.push((await timed(() => workspace.rebuildProjections())).ms);
		}
		if (table.size !== office.recordCount || workspace.quarantine.size > 0) {
			throw new Error(`Projected ${table.size} rows, quarantined ${workspace.quarantine.size}.`);
		}
		return [
			{
				metric: 'projection_rebuild_ms',
				value: median(times),
				unit: 'ms',
				note: `${office.recordCount.toLocaleString('en-US')} records, zod-validated, 2 indexes; median of ${RUNS} rebuilds (first, cold build: ${first.ms.toFixed(0)} ms)`
			}
		];
	} finally {
		await workspace.close();
	}
}
