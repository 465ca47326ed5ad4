/**
 * Restoring a backup onto a device with no office. Two passes over the file:
 *   1. check — open every chunk and check every row, writing nothing. A wrong passphrase, a
 *      damaged, truncated or foreign file is refused here.
 *   2. write — staged: a marker row first, then the rows chunk by chunk, then, in one last
 *      transaction, the office record, this device's own identity, and the marker's removal.
 * Until that last transaction there is no office record, so the app still sees "no office"; a
 * crash mid-restore leaves only staged rows, which `discardInterruptedRestore` (run when the app
 * starts) removes. Either the whole office appears, or none of it.
 */
import { newDeviceRow } from '../keys/device';
import { PEOPLE_KEY_META_KEY } from '../keys/people-keys';
import { readOffice, type OfficeRecord } from '../keys/vault';
import type { OfficeDatabase } from '../storage/db';
import { readBody, type ChunkRows } from './body-reader';
import { BackupError } from './errors';
import type { BackupProgress } from './export';
import {
	deriveFileKey,
	headerHash,
	readHeader,
	type BackupHeader,
	type TableCounts
} from './format';
import { OFFICE_META_KEY } from './office-rows';

/** Set while a restore writes its rows; never present once the office is there. */
export const RESTORE_STAGING_META_KEY = 'restore:staging';
/** When the last backup was made (or restored from), as an ISO instant. */
export const LAST_BACKUP_META_KEY = 'backup:last';
/** Set on a device whose office came from a backup: which one, and when it was restored. */
export const RESTORED_META_KEY = 'backup:restored';

export interface RestoredFrom {
	backupCreatedAt: string;
	restoredAt: string;
}

export interface RestoreOptions {
	now?: () => Date;
	/** Bytes of both passes together. */
	onProgress?: (progress: BackupProgress & { phase: 'checking' | 'restoring' }) => void;
}

export interface RestoreResult {
	header: BackupHeader;
	counts: TableCounts;
	office: OfficeRecord;
}

const STAGED_TABLES = ['updates', 'snapshots', 'blobs', 'identities', 'keyring'] as const;

/** Reads what a backup says about itself without the passphrase (throws BackupError). */
export async function readBackupHeader(file: Blob): Promise<BackupHeader> {
	return (await readHeader(file)).header;
}

/** Restores `file` onto this device; throws BackupError and then has written nothing. */
export async function restoreBackup(
	db: OfficeDatabase,
	file: Blob,
	passphrase: string,
	options: RestoreOptions = {}
): Promise<RestoreResult> {
	if (await readOffice(db)) throw new BackupError('has-office');
	const { header, bytes } = await readHeader(file);
	const key = await deriveFileKey(passphrase, header.kdf.salt, header.kdf.iterations);
	const reading = { file, start: bytes.length, key, hash: await headerHash(bytes), header };
	const body = file.size - bytes.length;
	const report = (phase: 'checking' | 'restoring', done: number) =>
		options.onProgress?.({
			phase,
			done: done + (phase === 'restoring' ? body : 0),
			total: 2 * body
		});

	const checked = await readBody({ ...reading, onProgress: (done) => report('checking', done) });
	const office = checked.meta.find((row) => row.key === OFFICE_META_KEY)?.value as
		OfficeRecord | undefined;
	const hasPeopleKey = checked.meta.some((row) => row.key === PEOPLE_KEY_META_KEY);
	// Before people had sign-ins of their own, the one identity was kept in its own table.
	if (!hasPeopleKey && checked.counts.identities > 0) throw new BackupError('older-format');
	if (!office || office.officeId !== header.officeId || !hasPeopleKey) {
		throw new BackupError('damaged');
	}

	await stage(db);
	try {
		await readBody({
			...reading,
			onRows: (rows) => writeRows(db, rows),
			onProgress: (done) => report('restoring', done)
		});
		const device = await newDeviceRow();
		const now = (options.now?.() ?? new Date()).toISOString();
		const restored: RestoredFrom = { backupCreatedAt: header.createdAt, restoredAt: now };
		await db.transaction('rw', db.device, db.meta, async () => {
			if (await readOffice(db)) throw new BackupError('has-office');
			if (!(await db.meta.get(RESTORE_STAGING_META_KEY))) throw new BackupError('storage');
			if (!(await db.device.get('this-device'))) await db.device.add(device);
			await db.meta.bulkPut([
				...checked.meta,
				{ key: LAST_BACKUP_META_KEY, value: header.createdAt },
				{ key: RESTORED_META_KEY, value: restored }
			]);
			await db.meta.delete(RESTORE_STAGING_META_KEY);
		});
	} catch (error) {
		await discardInterruptedRestore(db).catch(() => undefined);
		if (error instanceof BackupError) throw error;
		throw new BackupError('storage', { cause: error });
	}
	return { header, counts: checked.counts, office };
}

async function stage(db: OfficeDatabase): Promise<void> {
	await db.transaction('rw', [...STAGED_TABLES.map((t) => db[t]), db.meta], async () => {
		if (await readOffice(db)) throw new BackupError('has-office');
		// No office, so whatever these tables hold is left over from an interrupted attempt.
		for (const table of STAGED_TABLES) await db[table].clear();
		await db.meta.put({ key: RESTORE_STAGING_META_KEY, value: new Date().toISOString() });
	});
}

async function writeRows(db: OfficeDatabase, rows: ChunkRows): Promise<void> {
	await db.transaction(
		'rw',
		STAGED_TABLES.map((t) => db[t]),
		async () => {
			for (const table of STAGED_TABLES) {
				const list = rows[table];
				if (list?.length)
					await (db[table] as { bulkPut(rows: unknown[]): Promise<unknown> }).bulkPut(list);
			}
		}
	);
}

/**
 * Removes what an interrupted restore staged (crash, closed tab, full disk). Does nothing when
 * no restore was under way, and never touches a device that has an office.
 */
export async function discardInterruptedRestore(db: OfficeDatabase): Promise<boolean> {
	if (!(await db.meta.get(RESTORE_STAGING_META_KEY))) return false;
	await db.transaction('rw', [...STAGED_TABLES.map((t) => db[t]), db.meta], async () => {
		if (!(await readOffice(db))) {
			for (const table of STAGED_TABLES) await db[table].clear();
		}
		await db.meta.delete(RESTORE_STAGING_META_KEY);
	});
	return true;
}
