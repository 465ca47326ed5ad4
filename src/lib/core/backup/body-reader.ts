/**
 * Reads a backup's body chunk by chunk: opens each chunk, parses its records, checks every row,
 * and hands the rows of each chunk to `onRows`. It insists on the framing: a begin record for
 * this office first, an end record last whose counts match what was read, nothing after it.
 */
import type { MetaRow } from '../storage/db';
import { openChunks } from './chunks';
import { BackupError } from './errors';
import { TAG, type BackupHeader, type TableCounts, type TableName } from './format';
import { emptyCounts } from './office-rows';
import { RecordParser, type BackupRecord } from './row-codec';
import { ROW_SCHEMAS } from './rows-schema';

const TABLE_OF_TAG = new Map<number, TableName>(
	(Object.entries(TAG) as [string, number][])
		.filter(([name]) => name !== 'begin' && name !== 'end')
		.map(([name, tag]) => [tag, name as TableName])
);

/** Rows of one chunk, by table. */
export type ChunkRows = Partial<Record<TableName, unknown[]>>;

export interface BodyReading {
	file: Blob;
	/** Where the chunks start (the header's length). */
	start: number;
	key: CryptoKey;
	hash: Uint8Array;
	header: BackupHeader;
	onRows?: (rows: ChunkRows) => Promise<void>;
	/** Bytes of the body read so far. */
	onProgress?: (done: number) => void;
}

/** Reads the whole body; returns the row counts and the (few) meta rows. */
export async function readBody(
	reading: BodyReading
): Promise<{ counts: TableCounts; meta: MetaRow[] }> {
	const { file, start, key, hash, header } = reading;
	const parser = new RecordParser();
	const counts = emptyCounts();
	const meta: MetaRow[] = [];
	let begun = false;
	let ended = false;
	for await (const chunk of openChunks(file, start, key, hash, header.chunkBytes)) {
		let records: BackupRecord[];
		try {
			records = parser.push(chunk.plaintext);
		} catch (cause) {
			throw new BackupError('damaged', { cause });
		}
		const rows: ChunkRows = {};
		for (const record of records) {
			if (ended) throw new BackupError('damaged');
			if (!begun) {
				const value = record.value as { officeId?: unknown } | null;
				if (record.tag !== TAG.begin || value?.officeId !== header.officeId) {
					throw new BackupError('damaged');
				}
				begun = true;
			} else if (record.tag === TAG.end) {
				const claimed = (record.value as { counts?: Record<string, unknown> } | null)?.counts;
				const same = (Object.keys(counts) as TableName[]).every((t) => claimed?.[t] === counts[t]);
				if (!same) throw new BackupError('damaged');
				ended = true;
			} else {
				const table = TABLE_OF_TAG.get(record.tag);
				if (!table || !ROW_SCHEMAS[table].safeParse(record.value).success) {
					throw new BackupError('damaged');
				}
				(rows[table] ??= []).push(record.value);
				counts[table] += 1;
				if (table === 'meta') meta.push(record.value as MetaRow);
			}
		}
		if (reading.onRows) await reading.onRows(rows);
		reading.onProgress?.(chunk.end - start);
		if (chunk.final && (!ended || parser.pending !== 0)) throw new BackupError('damaged');
	}
	return { counts, meta };
}
