/** Looks for a string anywhere in a device database: in text, and as UTF-8 inside stored bytes. */
import { utf8Encode } from '../bytes';
import type { OfficeDatabase } from '../storage/db';

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}

function valueContains(value: unknown, text: string, bytes: Uint8Array): boolean {
	if (typeof value === 'string') return value.includes(text);
	if (value instanceof Uint8Array) return containsBytes(value, bytes);
	if (value instanceof ArrayBuffer) return containsBytes(new Uint8Array(value), bytes);
	if (ArrayBuffer.isView(value)) {
		return containsBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), bytes);
	}
	if (Array.isArray(value)) return value.some((item) => valueContains(item, text, bytes));
	if (typeof value === 'object' && value !== null) {
		return Object.entries(value).some(
			([key, item]) => key.includes(text) || valueContains(item, text, bytes)
		);
	}
	return false;
}

/** Every table name and row of the database, read straight from IndexedDB. */
export async function dumpDatabase(db: OfficeDatabase): Promise<Map<string, unknown[]>> {
	const dump = new Map<string, unknown[]>();
	for (const table of db.tables) dump.set(table.name, await table.toArray());
	return dump;
}

/** The tables whose rows hold `text`, as a string or as its UTF-8 bytes. */
export async function tablesContaining(db: OfficeDatabase, text: string): Promise<string[]> {
	const bytes = utf8Encode(text);
	const found: string[] = [];
	for (const [name, rows] of await dumpDatabase(db)) {
		if (rows.some((row) => valueContains(row, text, bytes))) found.push(name);
	}
	return found;
}
