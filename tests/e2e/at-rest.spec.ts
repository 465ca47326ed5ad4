import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/chromium.mjs';
import { RoomsPage, StaffPage, createOffice } from './pages';

/** Typed into the app; none may reach the disk in a readable form. */
const CANARIES = {
	office: 'CANARYOFFICE7Q',
	you: 'CANARYYOU5D',
	given: 'CANARYSTAFF3Z',
	family: 'CANARYFAMILY8K',
	staffNotes: 'CANARYNOTES4W',
	email: 'canarymail6x',
	roomName: 'CANARYROOMNAME2B',
	roomNotes: 'CANARYROOM9P'
};

/** Stored in the clear on purpose (a test database), to show the scans can find things. */
const PROBE = 'PROBEPLAIN5J';

/** Every file below `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

/** The files whose bytes hold `text` as UTF-8, UTF-16LE or UTF-16BE (IndexedDB keys). */
function filesContaining(contents: Map<string, Buffer>, text: string): string[] {
	const patterns = [
		Buffer.from(text, 'utf8'),
		Buffer.from(text, 'utf16le'),
		Buffer.from(text, 'utf16le').swap16()
	];
	return [...contents]
		.filter(([, bytes]) => patterns.some((pattern) => bytes.includes(pattern)))
		.map(([file]) => file);
}

test('no office data typed into the app is readable in IndexedDB or on disk', async ({
	baseURL,
	viewport
}) => {
	const userDataDir = await mkdtemp(join(tmpdir(), 'practice-office-at-rest-'));
	try {
		const context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: findChromium() ?? undefined,
			args: CHROMIUM_FLAGS,
			viewport,
			serviceWorkers: 'allow',
			baseURL
		});
		const page = context.pages()[0] ?? (await context.newPage());

		// An office, a staff member and a room full of canaries
		await createOffice(page, {
			officeName: `Clinic ${CANARIES.office}`,
			firstName: CANARIES.you,
			lastName: 'Owner'
		});
		const staff = new StaffPage(page);
		await staff.add({
			firstName: CANARIES.given,
			lastName: CANARIES.family,
			role: 'Physician',
			email: `${CANARIES.email}@example.com`,
			notes: `Speaks Portuguese ${CANARIES.staffNotes}`
		});
		await expect(staff.row(CANARIES.family)).toBeVisible();
		const rooms = new RoomsPage(page);
		await rooms.goto();
		await rooms.add({
			name: CANARIES.roomName,
			kind: 'Lab',
			notes: `Fridge for samples ${CANARIES.roomNotes}`
		});
		await expect(rooms.row(CANARIES.roomName)).toBeVisible();

		// A plaintext probe, as text and as bytes, in a database of its own
		await page.evaluate(async (probe) => {
			const request = indexedDB.open('e2e-probe', 1);
			request.onupgradeneeded = () => request.result.createObjectStore('probe');
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error ?? new Error('open failed'));
			});
			const tx = db.transaction('probe', 'readwrite');
			tx.objectStore('probe').put({ text: `a ${probe} text` }, 'text');
			tx.objectStore('probe').put(new TextEncoder().encode(`bytes ${probe} bytes`), 'bytes');
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error ?? new Error('write failed'));
			});
			db.close();
		}, PROBE);

		// (a) Every record of every store of every database, read with the raw IndexedDB API
		const dump = await page.evaluate(dumpIndexedDb);
		const stores = new Set(dump.map((row) => `${row.db}/${row.store}`));
		expect(stores).toContain('practice-office/updates');
		expect(stores).toContain('practice-office/meta');
		expect(dump.filter((row) => row.db === 'practice-office').length).toBeGreaterThan(5);
		const dumped = dump.map((row) => `${row.db}/${row.store} ${row.key} ${row.value}`);
		expect(dumped.filter((line) => line.includes(PROBE))).toHaveLength(2);
		for (const canary of Object.values(CANARIES)) {
			expect(
				dumped.filter((line) => line.includes(canary)),
				`${canary} in IndexedDB`
			).toEqual([]);
		}

		// Web Storage holds none of it either
		const webStorage = await page.evaluate(() =>
			JSON.stringify([{ ...localStorage }, { ...sessionStorage }])
		);
		for (const canary of Object.values(CANARIES)) expect(webStorage).not.toContain(canary);

		// (b) The files on disk, after the browser has closed them
		await context.close();
		const indexedDbDir = join(userDataDir, 'Default', 'IndexedDB');
		const files = await filesUnder(indexedDbDir);
		expect(files.length).toBeGreaterThan(0);
		const contents = new Map<string, Buffer>();
		for (const file of files) contents.set(file, await readFile(file));

		// Sanity: the scan finds what is stored in the clear — the database and store names
		// (UTF-16BE in LevelDB's metadata) and the probe record's value
		expect(filesContaining(contents, 'practice-office')).not.toEqual([]);
		expect(filesContaining(contents, 'updates')).not.toEqual([]);
		expect(filesContaining(contents, PROBE)).not.toEqual([]);
		for (const canary of Object.values(CANARIES)) {
			expect(filesContaining(contents, canary), `${canary} on disk`).toEqual([]);
		}
	} finally {
		await rm(userDataDir, { recursive: true, force: true });
	}
});

interface DumpedRecord {
	db: string;
	store: string;
	key: string;
	value: string;
}

/**
 * Runs in the page: every record of every object store of every database, as text. Bytes are
 * spelled out as Latin-1 and as UTF-16LE (both alignments), so text inside them stays findable.
 */
async function dumpIndexedDb(): Promise<DumpedRecord[]> {
	const asText = (bytes: Uint8Array) => {
		let latin1 = '';
		for (let i = 0; i < bytes.length; i += 0x8000) {
			latin1 += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		}
		const utf16 = new TextDecoder('utf-16le');
		return [latin1, utf16.decode(bytes), utf16.decode(bytes.subarray(1))].join('\n');
	};
	const replacer = (_key: string, value: unknown): unknown => {
		if (value instanceof ArrayBuffer) return asText(new Uint8Array(value));
		if (ArrayBuffer.isView(value)) {
			return asText(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
		}
		if (value instanceof CryptoKey) return `[CryptoKey ${value.type} ${value.algorithm.name}]`;
		return value;
	};
	// JSON escapes control bytes, but the printable ASCII of a canary stays one run of characters.
	const text = (value: unknown) => JSON.stringify(value, replacer) ?? String(value);
	const done = (request: IDBRequest) =>
		new Promise<void>((resolve, reject) => {
			request.onsuccess = () => resolve();
			request.onerror = () => reject(request.error ?? new Error('request failed'));
		});

	const records: DumpedRecord[] = [];
	for (const { name } of await indexedDB.databases()) {
		if (!name) continue;
		const opening = indexedDB.open(name);
		await done(opening);
		const db = opening.result;
		for (const store of Array.from(db.objectStoreNames)) {
			const cursor = db.transaction(store, 'readonly').objectStore(store).openCursor();
			await new Promise<void>((resolve, reject) => {
				cursor.onerror = () => reject(cursor.error ?? new Error('cursor failed'));
				cursor.onsuccess = () => {
					const current = cursor.result;
					if (!current) return resolve();
					records.push({
						db: name,
						store,
						key: text(current.key),
						value: text(current.value)
					});
					current.continue();
				};
			});
		}
		db.close();
	}
	return records;
}
