/**
 * A fresh office for directory tests (see core/test-support/area-office.ts) with the directory's
 * tables open. `dispose` closes and deletes everything.
 */
import { createAreaOffice, type AreaOffice } from '$lib/core/test-support/area-office';
import { directoryTables, type DirectoryTables } from '../queries';

export { TEST_PERIOD } from '$lib/core/test-support/area-office';

export const DIRECTORY_TEST_PASSPHRASE = 'four amber kites above the harbour';
export const DIRECTORY_TEST_AREAS = ['directory', 'audit'];

export interface DirectoryOffice extends AreaOffice {
	tables: DirectoryTables;
}

export async function createDirectoryOffice(): Promise<DirectoryOffice> {
	const office = await createAreaOffice(DIRECTORY_TEST_AREAS, DIRECTORY_TEST_PASSPHRASE);
	return { ...office, tables: await directoryTables(office.workspace) };
}
