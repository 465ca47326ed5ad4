/**
 * Writing the whole office into one encrypted backup file (format.ts), a page of rows at a
 * time. The app may keep working meanwhile, so the order matters: the update log is read before
 * the snapshots. A compaction in between folds rows already copied into a snapshot copied later,
 * so nothing is missed (the reverse order could copy an old snapshot, then find its rows gone).
 */
import { randomBytes } from '../bytes';
import {
	PBKDF2_ITERATIONS,
	unwrapWithPassphrase,
	type PassphraseWrapped
} from '../crypto/passphrase';
import { personContext, readOffice } from '../keys/vault';
import type { OfficeDatabase } from '../storage/db';
import { ChunkSealer } from './chunks';
import { BackupError } from './errors';
import {
	BACKUP_FORMAT,
	DEFAULT_CHUNK_BYTES,
	deriveFileKey,
	encodeHeader,
	headerHash,
	TAG,
	type BackupHeader,
	type TableCounts,
	type TableName
} from './format';
import { countOfficeRows, emptyCounts, isOfficeMeta } from './office-rows';
import { encodeRecord } from './row-codec';

/** How far a long job has come, in rows (export) or bytes (restore). */
export interface BackupProgress {
	done: number;
	total: number;
}

export interface ExportOptions {
	/** The signed-in person's passphrase: it is checked, and the file key is derived from it. */
	passphrase: string;
	/** The signed-in person's passphrase-wrapped secret, to check the passphrase against. */
	wrappedPrivateKey: PassphraseWrapped;
	/** Whose secret it is (its wrap is bound to them). */
	personId: string;
	iterations?: number;
	chunkBytes?: number;
	now?: () => Date;
	onProgress?: (progress: BackupProgress) => void;
}

export interface ExportedBackup {
	file: Blob;
	header: BackupHeader;
	/** Rows actually written, per table. */
	counts: TableCounts;
}

const PAGE = { updates: 500, snapshots: 50, blobs: 8 } as const;

/** Makes a backup of the office on this device; throws WrongPassphraseError on a wrong passphrase. */
export async function exportBackup(
	db: OfficeDatabase,
	options: ExportOptions
): Promise<ExportedBackup> {
	const office = await readOffice(db);
	if (!office) throw new BackupError('no-office');
	// Only a person who can sign in makes a backup, and it opens with what they already know.
	(
		await unwrapWithPassphrase(
			options.wrappedPrivateKey,
			options.passphrase,
			personContext(options.personId)
		)
	).fill(0);
	const header: BackupHeader = {
		format: BACKUP_FORMAT,
		officeId: office.officeId,
		createdAt: (options.now?.() ?? new Date()).toISOString(),
		counts: await countOfficeRows(db),
		kdf: {
			name: 'PBKDF2-SHA256',
			iterations: options.iterations ?? PBKDF2_ITERATIONS,
			salt: randomBytes(16)
		},
		chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES
	};
	const headerBytes = encodeHeader(header);
	const key = await deriveFileKey(options.passphrase, header.kdf.salt, header.kdf.iterations);
	const sealer = new ChunkSealer(
		key,
		await headerHash(headerBytes),
		header.chunkBytes,
		headerBytes
	);
	await sealer.sealAlone(encodeRecord(TAG.begin, { officeId: office.officeId }));

	const counts = emptyCounts();
	const total = Object.values(header.counts).reduce((sum, n) => sum + n, 0);
	const write = async (table: TableName, rows: unknown[]) => {
		for (const row of rows) await sealer.write(encodeRecord(TAG[table], row));
		counts[table] += rows.length;
		const done = Object.values(counts).reduce((sum, n) => sum + n, 0);
		options.onProgress?.({ done: Math.min(done, total), total });
	};

	await write('identities', await db.identities.toArray());
	await write('keyring', await db.keyring.toArray());
	for (let last = ''; ;) {
		const rows = await db.blobs.where(':id').above(last).limit(PAGE.blobs).toArray();
		if (rows.length === 0) break;
		await write('blobs', rows);
		last = rows[rows.length - 1].id;
	}
	for (let last = 0; ;) {
		const rows = await db.updates.where(':id').above(last).limit(PAGE.updates).toArray();
		if (rows.length === 0) break;
		await write('updates', rows);
		last = rows[rows.length - 1].id!;
	}
	for (let last = ''; ;) {
		const rows = await db.snapshots.where(':id').above(last).limit(PAGE.snapshots).toArray();
		if (rows.length === 0) break;
		await write('snapshots', rows);
		last = rows[rows.length - 1].docId;
	}
	await write('meta', await db.meta.filter((row) => isOfficeMeta(row.key)).toArray());
	await sealer.write(encodeRecord(TAG.end, { counts }));
	await sealer.finish();
	options.onProgress?.({ done: total, total });
	return { file: sealer.file, header, counts };
}
