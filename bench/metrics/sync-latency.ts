/**
 * Edit on device A → applied on device B, through a relay process on 127.0.0.1: what a person
 * waits for before a colleague's screen shows their change. The same edits also go through a
 * plain websocket as bare Yjs updates, in the same run and alternating in blocks (so both see the
 * same machine load), which says what encryption, signatures, storage and the relay's checks cost
 * on top of moving the bytes at all.
 */
import type { Measurement } from '../measurement';
import { withCleanup } from '../support/cleanup';
import type { EditPath } from '../support/edit-path';
import { EDITED_RECORDS } from '../support/edit-stream';
import { encryptedPath } from '../support/encrypted-path';
import { collectGarbage } from '../support/gc';
import { STORAGE_BOUND } from '../support/notes';
import { plainPath } from '../support/plain-path';
import { progress } from '../support/progress';
import { median, percentile } from '../support/stats';

const WARM_UP = 40;
const EDITS = 600;
// Blocks of edits alternate between the paths, so drift in machine load hits both alike.
const BLOCK = 50;

export function measure(): Promise<Measurement[]> {
	return withCleanup(async (cleanup) => {
		progress('starting a relay process, two synced devices and a plain forwarder…');
		const encrypted = await encryptedPath(cleanup);
		const plain = await plainPath(cleanup);
		let n = 0;
		for (; n < WARM_UP; n++) {
			await encrypted.edit(n);
			await plain.edit(n);
		}
		collectGarbage();
		const encryptedMs: number[] = [];
		const plainMs: number[] = [];
		for (; n < WARM_UP + EDITS; n += BLOCK) {
			encryptedMs.push(...(await editBlock(encrypted, n)));
			plainMs.push(...(await editBlock(plain, n)));
		}
		progress(`sync latency: ${EDITS} edits on each path`);
		return report(encryptedMs, plainMs, encrypted, plain);
	});
}

async function editBlock(path: EditPath, from: number): Promise<number[]> {
	const times: number[] = [];
	// Sequential: each edit waits until B applied the one before, so no two share a frame.
	for (let n = from; n < from + BLOCK; n++) times.push(await path.edit(n));
	return times;
}

function report(
	encryptedMs: number[],
	plainMs: number[],
	encrypted: EditPath,
	plain: EditPath
): Measurement[] {
	const meanBytes = (path: EditPath) => mean(path.updateBytes.slice(-EDITS)).toFixed(0);
	const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
	const edits = `${EDITS} sequential one-field edits of ${EDITED_RECORDS} patient-sized records (mean Yjs update ${meanBytes(encrypted)} B encrypted path, ${meanBytes(plain)} B plain), after ${WARM_UP} warm-up edits`;
	const path = `device A transact → sealed, stored, pushed → relay process on 127.0.0.1 (signature check, SQLite commit fsynced to disk) → device B stores the row, its open document decrypts and applies it (timed at B's document change event)`;
	const plainNote = `the same edits as bare Yjs updates over a ws forwarder process on 127.0.0.1, applied with Y.applyUpdate: no encryption, signatures, IndexedDB or relay storage on either side (deliberately, that is what the ratio prices)`;
	return [
		{
			metric: 'sync_latency_p50_ms',
			value: percentile(encryptedMs, 50),
			unit: 'ms',
			goal: { atMost: 30 },
			note: `${path}; ${edits}. ${STORAGE_BOUND}`
		},
		{
			metric: 'sync_latency_p99_ms',
			value: percentile(encryptedMs, 99),
			unit: 'ms',
			goal: { atMost: 150 },
			note: `p99 of the same ${EDITS} edits as sync_latency_p50_ms`
		},
		{
			metric: 'plain_latency_p50_ms',
			value: percentile(plainMs, 50),
			unit: 'ms',
			note: `${plainNote}; p50 of the same ${EDITS} edits, in alternating blocks of ${BLOCK} with the encrypted path`
		},
		{
			metric: 'e2e_overhead_ratio',
			value: median(encryptedMs) / median(plainMs),
			unit: '×',
			goal: { atMost: 1.3 },
			note: `median encrypted-path latency / median plain-path latency over the same edits (ratio of means: ${(mean(encryptedMs) / mean(plainMs)).toFixed(1)}). The plain path has no persistence at all, so this prices storage + crypto + relay checks together`
		}
	];
}
