/**
 * Where medical-history items live: one `history` collection (every kind, told apart by `kind`) in
 * the clinical area's year documents, beside the vitals of that year.
 *
 * The year is the UTC year of the moment in the item's id (a ULID), which is when the item was
 * first recorded. An edit or an "entered in error" later knows only the id, so it finds the same
 * document without a search and never moves a record between documents: a move would duplicate
 * the item when two devices edit it offline. The app makes the id from the recorded time, so the
 * year is also the year of `recordedAt`; imports must do the same (see history-import.ts).
 */
import { decodeTime } from 'ulid';
import type { DocumentRef } from '$lib/core/documents/document-id';
import type { CollectionSpec } from '$lib/core/projection/projector';
import { zodValidator } from '$lib/core/validation/validator';
import { CLINICAL_AREA } from './collections';
import { historyItemSchema, type HistoryItem } from './history-schema';

export const historyCollection: CollectionSpec<HistoryItem> = {
	collection: 'history',
	validate: zodValidator(historyItemSchema),
	indexes: ['patientId']
};

/** The year ('YYYY', UTC) an item id was made in. */
export function historyYear(id: string): string {
	return new Date(decodeTime(id)).toISOString().slice(0, 4);
}

/** The year document an item is filed in, from its id. */
export function historyDocument(id: string): DocumentRef {
	return { area: CLINICAL_AREA, period: historyYear(id) };
}
