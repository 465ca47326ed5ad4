/** Throwaway device databases, so benchmarks never see each other's rows. */
import { openDatabase, type OfficeDatabase } from '$lib/core/storage/db';

export function benchDatabase(label: string): OfficeDatabase {
	return openDatabase(`bench-${label}-${crypto.randomUUID()}`);
}

export async function deleteDatabase(db: OfficeDatabase): Promise<void> {
	db.close();
	await db.delete();
}
