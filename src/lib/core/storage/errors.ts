/** Storage failures translated into messages a person can act on. */

export class StorageFullError extends Error {
	override name = 'StorageFullError';
	constructor() {
		super(
			'This device is out of storage space, so the last change is kept in memory but not yet saved. ' +
				'Free up space (or ask your IT person to), then keep this window open — it will save again.'
		);
	}
}

export class StorageWriteError extends Error {
	override name = 'StorageWriteError';
	constructor(cause: unknown) {
		super(
			'The last change could not be saved on this device yet. It is kept in memory and will be ' +
				'saved again automatically; keep this window open.',
			{ cause }
		);
	}
}

/** Wraps a failed IndexedDB write in the error a person should see. */
export function storageError(cause: unknown): Error {
	return quotaExceeded(cause) ? new StorageFullError() : new StorageWriteError(cause);
}

/** Whether the error, or one it wraps (Dexie nests them: a transaction's abort, then the write), is a full disk. */
function quotaExceeded(error: unknown, depth = 0): boolean {
	if (typeof error !== 'object' || error === null || depth > 4) return false;
	const { name, inner } = error as { name?: string; inner?: unknown };
	return name === 'QuotaExceededError' || quotaExceeded(inner, depth + 1);
}
