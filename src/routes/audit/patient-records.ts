/**
 * The audit references of a patient's clinical records that later entries name without the
 * patient: a document viewed or edited, a history item edited. The log shows which patient such
 * a record belongs to only in the entry that made it, and that entry may sit in a month the
 * viewer has not loaded, so the clinical area is asked directly.
 */
import { documentsOf, historyItemsOf } from '$lib/clinical/queries';
import type { Workspace } from '$lib/core/session/workspace';

/** References (`area/collection/id`) of the clinical records of a patient and merged ids. */
export async function patientRecordTargets(
	workspace: Workspace,
	ids: readonly string[]
): Promise<string[]> {
	if (ids.length === 0 || !workspace.keys.keyring.has('clinical')) return [];
	const patient = { id: ids[0], mergedIds: ids.slice(1) };
	const [documents, history] = await Promise.all([
		documentsOf(workspace, patient, { includeRemoved: true }),
		historyItemsOf(workspace, patient)
	]);
	return [
		...documents.map((document) => `clinical/attachments/${document.id}`),
		...history.map((item) => `clinical/history/${item.id}`)
	];
}
