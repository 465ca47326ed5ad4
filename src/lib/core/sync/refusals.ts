/**
 * What a non-fatal ERROR from the relay does on this side. The relay names the refused message
 * in `ref` (its type, and for writes the document and deviceSeq or the blob id), so each part
 * settles exactly what was refused: a push is moved to a fresh id (outbox.ts), a snapshot stops
 * waiting, an admin change fails with the reason, a blob is tried again later. Rate limits and
 * the quota pause the senders; a refused SUBSCRIBE starts the connection over.
 */
import type { BlobSync } from './blob-sync';
import type { Connection } from './connection';
import type { DeviceRequests } from './device-requests';
import type { ErrorHeader } from './messages';
import type { Outbox } from './outbox';
import { MESSAGE_TYPES } from './protocol';
import type { RelaySnapshots } from './relay-snapshots';
import { describeError, type StatusStore } from './sync-status';

const RATE_LIMIT_PAUSE_MS = 1000;
const QUOTA_PAUSE_MS = 60_000;

/** The admin changes an ERROR can name; their refusals go to the waiting change. */
const ADMIN_TYPES: ReadonlySet<unknown> = new Set([
	MESSAGE_TYPES.ADMIN_CHALLENGE,
	MESSAGE_TYPES.ADD_DEVICE,
	MESSAGE_TYPES.REVOKE_DEVICE,
	MESSAGE_TYPES.RESTORE_DEVICE,
	MESSAGE_TYPES.ADD_ADMIN,
	MESSAGE_TYPES.REMOVE_ADMIN
]);

export interface RefusalTargets {
	connection: Connection;
	outbox: Outbox;
	blobs: BlobSync;
	snapshots: RelaySnapshots;
	requests: DeviceRequests;
	status: StatusStore;
}

interface Ref {
	type?: unknown;
	docId?: unknown;
	deviceSeq?: unknown;
	blobId?: unknown;
}

/** Settles whatever the refusal names, and slows down when asked to. */
export function handleRefusal(error: ErrorHeader, targets: RefusalTargets): void {
	const { outbox, blobs, snapshots, requests, status, connection } = targets;
	const ref = (typeof error.ref === 'object' && error.ref !== null ? error.ref : {}) as Ref;
	if (ref.type === MESSAGE_TYPES.PUSH) {
		if (typeof ref.deviceSeq === 'number') outbox.refuse(ref.deviceSeq);
		else outbox.refuseUnnamed();
	}
	if (ref.type === MESSAGE_TYPES.SNAPSHOT && typeof ref.docId === 'string') {
		snapshots.refused(ref.docId, error.code);
	}
	if (ADMIN_TYPES.has(ref.type)) {
		// A change naming a device the relay does not list is not about this device.
		const message =
			error.code === 'unknown-device'
				? 'The sync server does not list that device.'
				: describeError(error.code, error.message);
		requests.refused(ref.type, message);
	}
	if (error.code === 'rate-limited') {
		outbox.pause(RATE_LIMIT_PAUSE_MS);
		blobs.pause(RATE_LIMIT_PAUSE_MS);
	}
	// A device enrolment over the office's device limit says nothing about storage.
	if (error.code === 'quota' && !ADMIN_TYPES.has(ref.type)) {
		outbox.pause(QUOTA_PAUSE_MS);
		blobs.pause(QUOTA_PAUSE_MS);
		status.update({ error: describeError('quota') });
	}
	const blobId = typeof ref.blobId === 'string' ? ref.blobId : undefined;
	if (ref.type === MESSAGE_TYPES.BLOB_PUT) blobs.refused('put', blobId, error.code);
	if (ref.type === MESSAGE_TYPES.BLOB_GET) blobs.refused('get', blobId, error.code);
	// A refused SUBSCRIBE (rate limited) would leave the backlog unsent: start over.
	if (ref.type === MESSAGE_TYPES.SUBSCRIBE) {
		connection.close({ kind: 'invalid', detail: 'subscribe refused' });
	}
}
