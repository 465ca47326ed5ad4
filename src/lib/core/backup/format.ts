/**
 * The backup file format (version 1), docs/security.md "Backups and recovery":
 *
 *   "POBACKUP" · header length u32 · header JSON (plaintext: no office data) · chunks…
 *   chunk = flags u8 (1 = final) · ciphertext length u32 · nonce (12) · AES-256-GCM ciphertext
 *
 * The file key comes from the person's passphrase (PBKDF2-SHA256, salt and iterations in the
 * header). Each chunk binds, as associated data, the SHA-256 of the whole header, its own index
 * and its flags: a chunk moved, dropped, duplicated or taken from another backup fails to open,
 * and a file cut short ends on a chunk that is not marked final.
 */
import { concatBytes, fromBase64, toBase64, utf8Decode, utf8Encode } from '../bytes';
import { sha256 } from '../crypto/hash';
import { deriveKey } from '../crypto/passphrase';
import { BackupError } from './errors';

export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = '.pobackup';
const MAGIC = utf8Encode('POBACKUP');
const MAX_HEADER_BYTES = 64 * 1024;
/** Plaintext bytes per chunk: big enough to be quick, small enough to hold a few in memory. */
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
export const NONCE_BYTES = 12;
export const FINAL_FLAG = 1;
const CHUNK_CONTEXT = utf8Encode('po-backup-chunk-v1');

/** Tags of the records in a backup body. */
export const TAG = {
	begin: 0,
	updates: 1,
	snapshots: 2,
	blobs: 3,
	identities: 4,
	keyring: 5,
	meta: 6,
	end: 255
} as const;

export type TableName = 'updates' | 'snapshots' | 'blobs' | 'identities' | 'keyring' | 'meta';
export type TableCounts = Record<TableName, number>;

/** What anyone can read of a backup without the passphrase. */
export interface BackupHeader {
	format: number;
	officeId: string;
	createdAt: string;
	/** Rows per table when the backup began (for display; the encrypted end record is exact). */
	counts: TableCounts;
	kdf: { name: 'PBKDF2-SHA256'; iterations: number; salt: Uint8Array };
	chunkBytes: number;
}

/** The header's bytes as they open the file; their hash goes into every chunk. */
export function encodeHeader(header: BackupHeader): Uint8Array {
	const json = utf8Encode(
		JSON.stringify({ ...header, kdf: { ...header.kdf, salt: toBase64(header.kdf.salt) } })
	);
	return concatBytes(MAGIC, u32(json.length), json);
}

/** Reads the header from the start of a file; returns it and where the chunks begin. */
export async function readHeader(file: Blob): Promise<{ header: BackupHeader; bytes: Uint8Array }> {
	const start = new Uint8Array(await file.slice(0, MAGIC.length + 4).arrayBuffer());
	if (start.length < MAGIC.length + 4 || !MAGIC.every((b, i) => start[i] === b)) {
		throw new BackupError('not-a-backup');
	}
	const length = new DataView(start.buffer).getUint32(MAGIC.length, false);
	if (length > MAX_HEADER_BYTES) throw new BackupError('damaged');
	const end = MAGIC.length + 4 + length;
	const bytes = new Uint8Array(await file.slice(0, end).arrayBuffer());
	if (bytes.length < end) throw new BackupError('truncated');
	let parsed: unknown;
	try {
		parsed = JSON.parse(utf8Decode(bytes.subarray(MAGIC.length + 4)));
	} catch (cause) {
		throw new BackupError('damaged', { cause });
	}
	return { header: checkHeader(parsed), bytes };
}

function checkHeader(value: unknown): BackupHeader {
	const h = value as Partial<Record<keyof BackupHeader, unknown>> | null;
	if (!h || typeof h !== 'object') throw new BackupError('damaged');
	if (typeof h.format !== 'number') throw new BackupError('damaged');
	if (h.format > BACKUP_FORMAT) throw new BackupError('newer-format');
	if (h.format !== BACKUP_FORMAT) throw new BackupError('damaged');
	const kdf = h.kdf as { name?: unknown; iterations?: unknown; salt?: unknown } | undefined;
	const iterations = kdf?.iterations;
	const chunkBytes = h.chunkBytes;
	const ok =
		typeof h.officeId === 'string' &&
		typeof h.createdAt === 'string' &&
		!Number.isNaN(Date.parse(h.createdAt)) &&
		typeof h.counts === 'object' &&
		h.counts !== null &&
		kdf?.name === 'PBKDF2-SHA256' &&
		typeof iterations === 'number' &&
		Number.isInteger(iterations) &&
		iterations >= 1 &&
		iterations <= 10_000_000 &&
		typeof kdf.salt === 'string' &&
		typeof chunkBytes === 'number' &&
		Number.isInteger(chunkBytes) &&
		chunkBytes >= 1 &&
		chunkBytes <= MAX_CHUNK_BYTES;
	if (!ok) throw new BackupError('damaged');
	return {
		format: h.format,
		officeId: h.officeId as string,
		createdAt: h.createdAt as string,
		counts: h.counts as TableCounts,
		kdf: {
			name: 'PBKDF2-SHA256',
			iterations: iterations,
			salt: fromBase64(kdf.salt as string)
		},
		chunkBytes: chunkBytes
	};
}

/** What every chunk of one backup binds: the SHA-256 of its header's bytes. */
export function headerHash(headerBytes: Uint8Array): Promise<Uint8Array> {
	return sha256(headerBytes);
}

/** The associated data of chunk `index`: header hash, index and flags. */
export function chunkAad(hash: Uint8Array, index: number, flags: number): Uint8Array {
	return concatBytes(CHUNK_CONTEXT, hash, u32(index), Uint8Array.of(flags));
}

/** Derives the key a backup's chunks are sealed with from the passphrase. */
export function deriveFileKey(
	passphrase: string,
	salt: Uint8Array,
	iterations: number
): Promise<CryptoKey> {
	return deriveKey(passphrase, salt, iterations);
}

/** A big-endian u32. */
export function u32(n: number): Uint8Array {
	const out = new Uint8Array(4);
	new DataView(out.buffer).setUint32(0, n, false);
	return out;
}
