/** Caveats that several metrics share. */

/** fake-indexeddb is a pure-JS IndexedDB, slower than a browser's native one. */
export const STORAGE_BOUND =
	'Node + fake-indexeddb, slower than Chromium IndexedDB: an upper bound for the storage part.';
