/**
 * Where vitals live: the `clinical` area (its own key), one document per year of measurement,
 * so a chart opens only the years that hold readings and no document grows without bound.
 */
import type { DocumentRef } from '$lib/core/documents/document-id';
import type { CollectionSpec } from '$lib/core/projection/projector';
import { zodValidator } from '$lib/core/validation/validator';
import { vitalsSetSchema, type VitalsSet } from './vitals-schema';

export const CLINICAL_AREA = 'clinical';

export const vitalsCollection: CollectionSpec<VitalsSet> = {
	collection: 'vitals',
	validate: zodValidator(vitalsSetSchema),
	indexes: ['patientId']
};

/** The year document a set taken at `takenAt` (an ISO instant) is filed in; the UTC year. */
export function vitalsDocument(takenAt: string): DocumentRef {
	return { area: CLINICAL_AREA, period: takenAt.slice(0, 4) };
}
