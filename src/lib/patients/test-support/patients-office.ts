/**
 * A fresh office for patient registry tests (see core/test-support/area-office.ts) with the
 * registry's tables open. `dispose` also stops the search index following them.
 */
import { createAreaOffice, type AreaOffice } from '$lib/core/test-support/area-office';
import { patientTables, type PatientTables } from '../queries';

export { TEST_PERIOD } from '$lib/core/test-support/area-office';

export interface PatientsOffice extends AreaOffice {
	tables: PatientTables;
}

export async function createPatientsOffice(): Promise<PatientsOffice> {
	const office = await createAreaOffice(['patients', 'audit'], 'nine patient herons by the weir');
	const tables = await patientTables(office.workspace);
	return {
		...office,
		tables,
		async dispose() {
			tables.finder.stop();
			await office.dispose();
		}
	};
}
