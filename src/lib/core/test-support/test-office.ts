/**
 * A fresh office for a test: its own database, keys for the areas alpha, beta and audit (made with
 * few PBKDF2 iterations, so tests stay fast) and a signed-in Workspace. `dispose` closes and
 * deletes everything.
 */
import { DocumentStore, type DocumentStoreOptions } from '../documents/document-store';
import { keyringCipher } from '../keys/document-cipher';
import { createOffice, type UnlockedKeys } from '../keys/vault';
import { Workspace } from '../session/workspace';
import { openDatabase, type OfficeDatabase } from '../storage/db';

export const TEST_PASSPHRASE = 'seven quiet lanterns over the hill';
export const TEST_AREAS = ['alpha', 'beta', 'audit', 'audit-read'];
export const FAST_ITERATIONS = 1000;

export interface TestOffice {
	db: OfficeDatabase;
	keys: UnlockedKeys;
	workspace: Workspace;
	/** A separate document store on the same database and keys, like a second tab. */
	openStore(options?: DocumentStoreOptions): DocumentStore;
	/** Closes every store and workspace made here, then deletes the database. */
	dispose(): Promise<void>;
}

/** A database of its own, under a random name. */
export function testDatabase(): OfficeDatabase {
	return openDatabase(`t-${crypto.randomUUID()}`);
}

/** Closes and deletes a test database. */
export async function deleteDatabase(db: OfficeDatabase): Promise<void> {
	db.close();
	await db.delete();
}

export async function createTestOffice(
	options: DocumentStoreOptions & { now?: () => Date } = {}
): Promise<TestOffice> {
	const db = testDatabase();
	const keys = await createOffice(db, {
		passphrase: TEST_PASSPHRASE,
		areas: TEST_AREAS,
		iterations: FAST_ITERATIONS
	});
	// Cross-tab notices off unless asked for, so the workspace never hears the test's own stores.
	const workspace = new Workspace(db, keys, { channelName: null, ...options });
	const stores: DocumentStore[] = [];
	return {
		db,
		keys,
		workspace,
		openStore(storeOptions = {}) {
			const store = new DocumentStore(
				db,
				keyringCipher(keys.keyring, keys.deviceId),
				keys.deviceId,
				{
					channelName: null,
					...storeOptions
				}
			);
			stores.push(store);
			return store;
		},
		async dispose() {
			for (const store of stores) await store.close();
			await workspace.close();
			await deleteDatabase(db);
		}
	};
}
