/**
 * Re-encryption after a key rotation: once the keyring holds an area's new epoch (writes use it
 * from then on), every document of the area stored on this device gets a fresh snapshot sealed
 * under it, here and at the relay, so the old ciphertext goes.
 *
 * The job lives in meta `rotation:job`, one at a time: starting one for more areas while one is
 * pending merges them. A run works one document at a time and stores its progress after each, so
 * a closed tab, a crash or an abort resumes at the next document. Every change to the stored job
 * is read-modify-write in one transaction, so a job merged in meanwhile is never overwritten.
 *
 * Per document: compaction seals the whole Yjs state with the current epoch and deletes the rows
 * it folds (DocumentPersister) — also when the log is empty, so a document that is only a
 * snapshot gets a new one. What compaction keeps stays as it was: rows that do not decrypt here
 * (another person's epoch, altered bytes), and on a syncing device the rows no relay has
 * acknowledged yet (the outbox, pushed as they are). A document whose snapshot does not decrypt
 * here is not compacted at all; its relay snapshot then reports 'unreadable'.
 *
 * Then, when `reseal` is given (a syncing device), each document's relay snapshot: 'offline',
 * 'gap' and 'no-admin' keep it for the next run; 'sent' is done; 'too-large' and 'unreadable' are done too but
 * counted in `leftAtRelay`, so a screen can say that old ciphertext of that many documents stays
 * at the relay. A reseal that throws (e.g. this tab does not hold the socket) counts as 'offline'.
 */
import { ulid } from 'ulid';
import { parseDocumentId } from '../documents/document-id';
import type { DocumentStore } from '../documents/document-store';
import type { OfficeDatabase } from '../storage/db';

export const ROTATION_JOB_META_KEY = 'rotation:job';
const ROTATION_LOCK_NAME = 'practice-office:rotation';

/**
 * What became of a fresh snapshot: sent, or why not. 'offline', 'gap' (a device's updates are
 * missing here) and 'no-admin' (no manager signed in where the socket is) are tried again later.
 */
export type ResealOutcome = 'sent' | 'too-large' | 'unreadable' | 'gap' | 'no-admin' | 'offline';

const LATER: ReadonlySet<ResealOutcome> = new Set(['offline', 'gap', 'no-admin']);

export interface RotationJob {
	id: string;
	areas: string[];
	startedAt: string;
	/** Documents still to re-encrypt on this device, in order. */
	pending: string[];
	done: number;
	total: number;
	/** Documents re-encrypted here whose relay snapshot is still to be sent. */
	relayPending: string[];
	/** Documents whose old ciphertext stays at the relay (too large, or unreadable here). */
	leftAtRelay: number;
}

export interface RunOptions {
	reseal?: (docId: string) => Promise<ResealOutcome>;
	onProgress?: (job: RotationJob) => void;
	signal?: AbortSignal;
}

/** The pending re-encryption job, if any. */
export async function readRotationJob(db: OfficeDatabase): Promise<RotationJob | null> {
	const row = await db.meta.get(ROTATION_JOB_META_KEY);
	return row === undefined ? null : (row.value as RotationJob);
}

/** Lists every stored document of these areas and stores the job (merged into a pending one). */
export async function startReencryption(db: OfficeDatabase, areas: string[]): Promise<RotationJob> {
	const wanted = new Set(areas);
	const docIds = (await storedDocumentIds(db)).filter((id) => wanted.has(areaOf(id) ?? ''));
	return db.transaction('rw', db.meta, async () => {
		const job: RotationJob = (await readRotationJob(db)) ?? {
			id: ulid(),
			areas: [],
			startedAt: new Date().toISOString(),
			pending: [],
			done: 0,
			total: 0,
			relayPending: [],
			leftAtRelay: 0
		};
		const added = docIds.filter((id) => !job.pending.includes(id));
		job.areas = [...new Set([...job.areas, ...areas])];
		job.pending = [...job.pending, ...added];
		job.total += added.length;
		await db.meta.put({ key: ROTATION_JOB_META_KEY, value: job });
		return job;
	});
}

/** Works through the pending job; resolves null when it is finished, else the job as left. */
export async function runReencryption(
	db: OfficeDatabase,
	documents: DocumentStore,
	options: RunOptions = {}
): Promise<RotationJob | null> {
	const run = () => runNow(db, documents, options);
	// One tab at a time: two would compact and reseal the same documents twice.
	const locks = globalThis.navigator?.locks;
	if (!locks) return run();
	const { signal } = options;
	try {
		return await locks.request(ROTATION_LOCK_NAME, { signal }, run);
	} catch (cause) {
		// Aborted while another tab held the lock: the job is as it was.
		if (signal?.aborted) return readRotationJob(db);
		throw cause;
	}
}

async function runNow(
	db: OfficeDatabase,
	documents: DocumentStore,
	{ reseal, onProgress, signal }: RunOptions
): Promise<RotationJob | null> {
	for (;;) {
		let job = await readRotationJob(db);
		if (!job) return null;
		for (const docId of job.pending) {
			if (signal?.aborted) return readRotationJob(db);
			await documents.compact(parseDocumentId(docId));
			job = await updateJob(db, (current) => {
				current.pending = current.pending.filter((id) => id !== docId);
				current.done += 1;
				if (reseal && !current.relayPending.includes(docId)) current.relayPending.push(docId);
			});
			onProgress?.(job);
		}
		for (const docId of reseal ? job.relayPending : []) {
			if (signal?.aborted) return readRotationJob(db);
			const outcome = await reseal!(docId).catch((): ResealOutcome => 'offline');
			if (LATER.has(outcome)) continue;
			job = await updateJob(db, (current) => {
				current.relayPending = current.relayPending.filter((id) => id !== docId);
				if (outcome !== 'sent') current.leftAtRelay += 1;
			});
			onProgress?.(job);
		}
		const left = await finish(db);
		// Documents merged in by a rotation meanwhile: work on; otherwise done or left for later.
		if (!left || left.pending.length === 0 || signal?.aborted) return left;
	}
}

/** Applies a change to the stored job in one transaction and returns the job as stored. */
async function updateJob(
	db: OfficeDatabase,
	change: (job: RotationJob) => void
): Promise<RotationJob> {
	return db.transaction('rw', db.meta, async () => {
		const job = await readRotationJob(db);
		if (!job) throw new Error('The re-encryption job is gone.');
		change(job);
		await db.meta.put({ key: ROTATION_JOB_META_KEY, value: job });
		return job;
	});
}

/** Removes the job when nothing is left to do; otherwise returns it. */
function finish(db: OfficeDatabase): Promise<RotationJob | null> {
	return db.transaction('rw', db.meta, async () => {
		const job = await readRotationJob(db);
		if (!job || job.pending.length > 0 || job.relayPending.length > 0) return job;
		await db.meta.delete(ROTATION_JOB_META_KEY);
		return null;
	});
}

/** Every document id with a stored row or snapshot, in order. */
async function storedDocumentIds(db: OfficeDatabase): Promise<string[]> {
	const [logged, snapshotted] = await Promise.all([
		db.updates.orderBy('docId').uniqueKeys(),
		db.snapshots.toCollection().primaryKeys()
	]);
	return [...new Set([...logged, ...snapshotted].map(String))].sort();
}

/** The area of a document id; undefined for ids that name no document (never re-encrypted). */
function areaOf(docId: string): string | undefined {
	try {
		return parseDocumentId(docId).area;
	} catch {
		return undefined;
	}
}
