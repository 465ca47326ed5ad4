/**
 * A fresh office for clinical tests (see core/test-support/area-office.ts): keys for the clinical
 * and audit areas and a signed-in Workspace with a fixed clock.
 */
import { createAreaOffice, type AreaOffice } from '$lib/core/test-support/area-office';

export { TEST_NOW, TEST_PERIOD } from '$lib/core/test-support/area-office';

export type ClinicalOffice = AreaOffice;

export function createClinicalOffice(): Promise<ClinicalOffice> {
	return createAreaOffice(['clinical', 'audit'], 'seven clinical otters by the dam');
}
