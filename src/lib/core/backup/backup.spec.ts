import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes, toBase64 } from '../bytes';
import { DecryptionError, WrongPassphraseError } from '../crypto/errors';
import { PEOPLE_KEY_META_KEY } from '../keys/people-keys';
import { loadPassphraseWrap } from '../keys/stored-wraps';
import { unlockOffice } from '../keys/vault';
import { Workspace } from '../session/workspace';
import { SYNC_ENABLED_META_KEY, writeMeta, type OfficeDatabase } from '../storage/db';
import {
	createTestOffice,
	deleteDatabase,
	FAST_ITERATIONS,
	TEST_PASSPHRASE,
	testDatabase,
	type TestOffice
} from '../test-support/test-office';
import { withPeople } from '../test-support/people';
import { BackupError, type BackupProblem } from './errors';
import { exportBackup } from './export';
import {
	discardInterruptedRestore,
	LAST_BACKUP_META_KEY,
	readBackupHeader,
	RESTORE_STAGING_META_KEY,
	RESTORED_META_KEY,
	restoreBackup
} from './restore';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function office(): Promise<TestOffice> {
	const made = await createTestOffice();
	cleanups.push(() => made.dispose());
	return made;
}

function emptyDatabase(): OfficeDatabase {
	const db = testDatabase();
	cleanups.push(() => deleteDatabase(db));
	return db;
}

const FILE_BYTES = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 251);

/** An office with two documents (one compacted into a snapshot) and a file. */
async function filledOffice(): Promise<{ source: TestOffice; blobId: string }> {
	const source = await office();
	const alpha = await source.workspace.documents.open({ area: 'alpha' });
	for (let n = 0; n < 30; n++) alpha.transact((doc) => doc.getMap('items').set(`i${n}`, { n }));
	const beta = await source.workspace.documents.open({ area: 'beta', period: '2026' });
	beta.transact((doc) => doc.getMap('notes').set('a', { text: 'hello' }));
	await source.workspace.documents.flush();
	await source.workspace.documents.compact({ area: 'alpha' });
	alpha.transact((doc) => doc.getMap('items').set('after', { n: 99 }));
	await source.workspace.documents.flush();
	const blobId = await source.workspace.blobs.put('beta', FILE_BYTES);
	await writeMeta(source.db, SYNC_ENABLED_META_KEY, true);
	return { source, blobId };
}

/** The signed-in person's passphrase-wrapped private key, as the app passes it to a backup. */
async function wrappedPrivateKeyOf(source: TestOffice) {
	const person = await withPeople(source.db, (log) =>
		log.require().persons.get(source.keys.personId)
	);
	return loadPassphraseWrap(person!.wrap);
}

async function backupOf(source: TestOffice, chunkBytes = 512): Promise<Blob> {
	const made = await exportBackup(source.db, {
		passphrase: TEST_PASSPHRASE,
		wrappedPrivateKey: await wrappedPrivateKeyOf(source),
		personId: source.keys.personId,
		iterations: FAST_ITERATIONS,
		chunkBytes
	});
	return made.file;
}

async function bytesOf(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await file.arrayBuffer());
}

/** Everything a database holds, device table aside, for comparing two of them. */
async function officeTables(db: OfficeDatabase) {
	return {
		updates: await db.updates.toArray(),
		snapshots: await db.snapshots.toArray(),
		blobs: await db.blobs.toArray(),
		identities: await db.identities.toArray(),
		keyring: await db.keyring.toArray(),
		office: await db.meta.get('office'),
		peopleKey: await db.meta.get(PEOPLE_KEY_META_KEY)
	};
}

async function isUntouched(db: OfficeDatabase): Promise<boolean> {
	const counts = await Promise.all(
		[db.updates, db.snapshots, db.blobs, db.identities, db.keyring, db.meta, db.device].map((t) =>
			t.count()
		)
	);
	return counts.every((n) => n === 0);
}

async function refusal(attempt: Promise<unknown>): Promise<BackupProblem> {
	const error = await attempt.catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(BackupError);
	return (error as BackupError).problem;
}

/** The file's chunks as [start, end) byte ranges after the header. */
function chunkRanges(bytes: Uint8Array): [number, number][] {
	const view = new DataView(bytes.buffer);
	let at = 12 + view.getUint32(8, false);
	const ranges: [number, number][] = [];
	while (at < bytes.length) {
		const end = at + 17 + view.getUint32(at + 1, false);
		ranges.push([at, end]);
		at = end;
	}
	return ranges;
}

describe('exportBackup and restoreBackup', () => {
	it('restores every row of the office on an empty device, as a new device', async () => {
		const { source } = await filledOffice();
		const file = await backupOf(source);
		const target = emptyDatabase();

		const result = await restoreBackup(target, file, TEST_PASSPHRASE);

		expect(await officeTables(target)).toEqual(await officeTables(source.db));
		expect(result.counts.blobs).toBe(1);
		const device = await target.device.get('this-device');
		expect(device?.deviceId).toBeTruthy();
		expect(device?.deviceId).not.toBe(source.keys.deviceId);
		// This device's sync state is its own: a restored copy starts with sync off.
		expect(await target.meta.get(SYNC_ENABLED_META_KEY)).toBeUndefined();
		expect(await target.meta.get(RESTORE_STAGING_META_KEY)).toBeUndefined();
		expect((await target.meta.get(LAST_BACKUP_META_KEY))?.value).toBe(result.header.createdAt);
		expect(await target.meta.get(RESTORED_META_KEY)).toBeDefined();
	});

	it('opens the restored office with the same passphrase: same documents, same file', async () => {
		const { source, blobId } = await filledOffice();
		const file = await backupOf(source);
		const target = emptyDatabase();
		await restoreBackup(target, file, TEST_PASSPHRASE);

		const keys = await unlockOffice(target, TEST_PASSPHRASE);
		const restored = new Workspace(target, keys, { channelName: null });
		cleanups.unshift(() => restored.close());
		const cases = [
			{ ref: { area: 'alpha' }, map: 'items' },
			{ ref: { area: 'beta', period: '2026' }, map: 'notes' }
		];
		for (const { ref, map } of cases) {
			const before = (await source.workspace.documents.open(ref)).doc.getMap(map).toJSON();
			const after = (await restored.documents.open(ref)).doc.getMap(map).toJSON();
			expect(after).toEqual(before);
			expect(Object.keys(after).length).toBeGreaterThan(0);
		}
		expect(await restored.blobs.get('beta', blobId)).toEqual(FILE_BYTES);
	});

	it('reports progress up to the whole', async () => {
		const { source } = await filledOffice();
		const seen: number[] = [];
		await exportBackup(source.db, {
			passphrase: TEST_PASSPHRASE,
			wrappedPrivateKey: await wrappedPrivateKeyOf(source),
			personId: source.keys.personId,
			iterations: FAST_ITERATIONS,
			onProgress: ({ done, total }) => seen.push(done / total)
		});
		expect(seen.at(-1)).toBe(1);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
	});

	it('shows the header without the passphrase, and it holds no office data', async () => {
		const { source } = await filledOffice();
		const file = await backupOf(source);
		const header = await readBackupHeader(file);
		expect(header.officeId).toBe(source.keys.officeId);
		expect(header.counts.blobs).toBe(1);
		const text = new TextDecoder('latin1').decode(await bytesOf(file));
		expect(text).not.toContain('hello');
	});

	it('makes no backup with a wrong passphrase', async () => {
		const source = await office();
		await expect(
			exportBackup(source.db, {
				passphrase: 'not the passphrase',
				wrappedPrivateKey: await wrappedPrivateKeyOf(source),
				personId: source.keys.personId,
				iterations: FAST_ITERATIONS
			})
		).rejects.toBeInstanceOf(WrongPassphraseError);
	});
});

describe('restoreBackup refuses, writing nothing', () => {
	it('a wrong passphrase', async () => {
		const { source } = await filledOffice();
		const target = emptyDatabase();
		expect(await refusal(restoreBackup(target, await backupOf(source), 'wrong passphrase'))).toBe(
			'wrong-passphrase'
		);
		expect(await isUntouched(target)).toBe(true);
	});

	it('a file with one byte changed in the middle', async () => {
		const { source } = await filledOffice();
		const bytes = await bytesOf(await backupOf(source));
		bytes[Math.floor(bytes.length / 2)] ^= 0x01;
		const target = emptyDatabase();
		expect(await refusal(restoreBackup(target, new Blob([bytes]), TEST_PASSPHRASE))).toBe(
			'damaged'
		);
		expect(await isUntouched(target)).toBe(true);
	});

	it.each([0.4, 0.9, 0.999])('a file cut short (at %s of its length)', async (fraction) => {
		const { source } = await filledOffice();
		const bytes = await bytesOf(await backupOf(source));
		const cut = new Blob([bytes.slice(0, Math.floor(bytes.length * fraction))]);
		const target = emptyDatabase();
		expect(await refusal(restoreBackup(target, cut, TEST_PASSPHRASE))).toBe('truncated');
		expect(await isUntouched(target)).toBe(true);
	});

	it('a file cut exactly between chunks, or missing its last chunk', async () => {
		const { source } = await filledOffice();
		const bytes = await bytesOf(await backupOf(source));
		const ranges = chunkRanges(bytes);
		const target = emptyDatabase();
		const withoutLast = new Blob([bytes.slice(0, ranges.at(-1)![0])]);
		expect(await refusal(restoreBackup(target, withoutLast, TEST_PASSPHRASE))).toBe('truncated');
		expect(await isUntouched(target)).toBe(true);
	});

	it('chunks swapped, or one dropped from the middle', async () => {
		const { source } = await filledOffice();
		const bytes = await bytesOf(await backupOf(source));
		const ranges = chunkRanges(bytes);
		expect(ranges.length).toBeGreaterThan(4);
		const part = ([a, b]: [number, number]) => bytes.slice(a, b);
		const head = bytes.slice(0, ranges[0][0]);
		const swapped = [
			head,
			part(ranges[0]),
			part(ranges[2]),
			part(ranges[1]),
			...ranges.slice(3).map(part)
		];
		const dropped = [head, part(ranges[0]), ...ranges.slice(2).map(part)];
		for (const parts of [swapped, dropped]) {
			const target = emptyDatabase();
			const error = await restoreBackup(target, new Blob(parts), TEST_PASSPHRASE).catch(
				(caught: unknown) => caught
			);
			expect(error).toMatchObject({ problem: 'damaged' });
			// Caught by the chunk's own index, not merely by records that no longer parse.
			expect((error as Error).cause).toBeInstanceOf(DecryptionError);
			expect(await isUntouched(target)).toBe(true);
		}
	});

	it('bytes added after the last chunk', async () => {
		const { source } = await filledOffice();
		const file = new Blob([await backupOf(source), new Uint8Array([1, 2, 3])]);
		const target = emptyDatabase();
		expect(await refusal(restoreBackup(target, file, TEST_PASSPHRASE))).toBe('damaged');
		expect(await isUntouched(target)).toBe(true);
	});

	it('a header changed to name another office', async () => {
		const { source } = await filledOffice();
		const bytes = await bytesOf(await backupOf(source));
		const text = new TextDecoder().decode(bytes.subarray(12, 200));
		const at = 12 + text.indexOf(source.keys.officeId);
		bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
		const target = emptyDatabase();
		expect(await refusal(restoreBackup(target, new Blob([bytes]), TEST_PASSPHRASE))).toBeTruthy();
		expect(await isUntouched(target)).toBe(true);
	});

	it('a file that is not a backup, or from a newer version', async () => {
		const target = emptyDatabase();
		expect(await refusal(restoreBackup(target, new Blob(['hello']), 'x'))).toBe('not-a-backup');
		const json = new TextEncoder().encode(JSON.stringify({ format: 2 }));
		const header = new Uint8Array(12);
		header.set(new TextEncoder().encode('POBACKUP'));
		new DataView(header.buffer).setUint32(8, json.length, false);
		expect(await refusal(restoreBackup(target, new Blob([header, json]), 'x'))).toBe(
			'newer-format'
		);
		expect(await isUntouched(target)).toBe(true);
	});

	it.each([
		['without the people key', null],
		['with a people key of the wrong length', toBase64(randomBytes(16))],
		['with a people key that is not text', randomBytes(32)]
	])('a file %s, with which no one could sign in', async (_label, peopleKey) => {
		const { source } = await filledOffice();
		const wrappedPrivateKey = await wrappedPrivateKeyOf(source);
		if (peopleKey === null) await source.db.meta.delete(PEOPLE_KEY_META_KEY);
		else await source.db.meta.put({ key: PEOPLE_KEY_META_KEY, value: peopleKey });
		const { file } = await exportBackup(source.db, {
			passphrase: TEST_PASSPHRASE,
			wrappedPrivateKey,
			personId: source.keys.personId,
			iterations: FAST_ITERATIONS
		});
		const target = emptyDatabase();
		expect(await refusal(restoreBackup(target, file, TEST_PASSPHRASE))).toBe('damaged');
		expect(await isUntouched(target)).toBe(true);
	});

	it('a file from the version before people had sign-ins of their own, saying so', async () => {
		const { source } = await filledOffice();
		const wrappedPrivateKey = await wrappedPrivateKeyOf(source);
		// Then: no people key, and the one identity in its own table.
		await source.db.meta.delete(PEOPLE_KEY_META_KEY);
		await source.db.identities.put({
			personId: source.keys.personId,
			publicJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' },
			wrappedPrivateKey,
			createdAt: new Date().toISOString()
		});
		const { file } = await exportBackup(source.db, {
			passphrase: TEST_PASSPHRASE,
			wrappedPrivateKey,
			personId: source.keys.personId,
			iterations: FAST_ITERATIONS
		});
		const target = emptyDatabase();
		expect(await refusal(restoreBackup(target, file, TEST_PASSPHRASE))).toBe('older-format');
		expect(await isUntouched(target)).toBe(true);
	});

	it('a device that already has an office, leaving it as it was', async () => {
		const { source } = await filledOffice();
		const file = await backupOf(source);
		const other = await office();
		const before = await officeTables(other.db);
		expect(await refusal(restoreBackup(other.db, file, TEST_PASSPHRASE))).toBe('has-office');
		expect(await officeTables(other.db)).toEqual(before);
	});

	it('a restore whose writing fails half-way leaves no office and no rows behind', async () => {
		const { source } = await filledOffice();
		const file = await backupOf(source);
		const target = emptyDatabase();
		const fail = () => Promise.reject(new Error('disk full'));
		target.blobs.bulkPut = fail as unknown as typeof target.blobs.bulkPut;
		expect(await refusal(restoreBackup(target, file, TEST_PASSPHRASE))).toBe('storage');
		expect(await isUntouched(target)).toBe(true);
	});
});

describe('discardInterruptedRestore', () => {
	it('removes rows a crashed restore staged, when there is no office', async () => {
		const { source } = await filledOffice();
		const target = emptyDatabase();
		await target.updates.bulkAdd(await source.db.updates.toArray());
		await target.meta.put({ key: RESTORE_STAGING_META_KEY, value: 'x' });

		expect(await discardInterruptedRestore(target)).toBe(true);
		expect(await isUntouched(target)).toBe(true);
	});

	it('does nothing on a device with no restore under way', async () => {
		const { source } = await filledOffice();
		const before = await officeTables(source.db);
		expect(await discardInterruptedRestore(source.db)).toBe(false);
		expect(await officeTables(source.db)).toEqual(before);
	});
});
