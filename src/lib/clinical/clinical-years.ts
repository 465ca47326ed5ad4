/** Which clinical year documents exist, for the queries that read a patient across years. */
import type { Workspace } from '$lib/core/session/workspace';
import { CLINICAL_AREA } from './collections';

/** The years ('YYYY') that have a clinical document on this device or open now, oldest first. */
export async function clinicalYears(workspace: Workspace): Promise<string[]> {
	const prefix = `${CLINICAL_AREA}/`;
	// Listed from the stored rows, as the audit log lists its months: no index document to keep.
	const [logged, snapshotted] = await Promise.all([
		workspace.db.updates.where('docId').startsWith(prefix).uniqueKeys(),
		workspace.db.snapshots.where('docId').startsWith(prefix).primaryKeys()
	]);
	// Open documents too: a set just written is in its document before its row is stored, and
	// the chart refreshes at that moment, so the first set of a year would otherwise be missed.
	const open = workspace.documents.openIds().filter((id) => id.startsWith(prefix));
	const ids = new Set([...logged, ...snapshotted, ...open].map(String));
	return [...ids].map((id) => id.slice(prefix.length)).sort();
}
