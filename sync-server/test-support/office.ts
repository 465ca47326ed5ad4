/** Scenario helpers: an office with several devices connected and READY; a confirmed compaction. */
import { MSG } from '../src/protocol';
import { RelayTestClient, type SnapshotOptions } from './client';
import type { DoneHeader, SnapshotHeader } from './frames';
import { createDevice } from './identity';

/**
 * Registers a new office with a first device (its admin signed in there), enrolls `count - 1`
 * more, and authenticates all.
 */
export async function connectOffice(url: string, count = 2): Promise<RelayTestClient[]> {
	const first = await RelayTestClient.connect(url);
	await first.register();
	const clients = [first];
	for (let i = 1; i < count; i++) {
		const device = createDevice(first.device.officeId);
		await first.addDevice(device);
		const client = await RelayTestClient.connect(url, device);
		await client.auth();
		clients.push(client);
	}
	return clients;
}

/** `count` payloads of `size` bytes, each filled with a recognisable byte pattern. */
export function payloads(count: number, size: number, tag = 0): Buffer[] {
	return Array.from({ length: count }, (_, i) => Buffer.alloc(size, `${tag}:${i};`));
}

/**
 * Compacts a document at the relay: `writer` sends a snapshot (countersigned by its admin unless
 * `options.admin`), `confirmer` confirms it, and the writer hears it applied (SNAPSHOT_DONE).
 */
export async function compact(
	writer: RelayTestClient,
	confirmer: RelayTestClient,
	snapshot: { docId: string; covers: number; deviceSeq: number; payload: Uint8Array },
	options?: SnapshotOptions
): Promise<SnapshotHeader> {
	const { docId, covers, deviceSeq, payload } = snapshot;
	const header = await writer.snapshotAndAck(docId, covers, deviceSeq, payload, options);
	confirmer.confirmSnapshot(header);
	const done = await writer.next<DoneHeader>(MSG.SNAPSHOT_DONE, (h) => h.nonce === header.nonce);
	if (!done.header.ok) throw new Error('the snapshot was disputed');
	return header;
}
