/**
 * BLOB_PUT and BLOB_GET (docs/sync-protocol.md, "Blobs"). A put is checked (header, size, the
 * device's signature over the exact bytes to store) before it is queued, and acknowledged only
 * after its batch has committed. A get is answered with the blob, or BLOB_MISSING when this
 * office holds no blob under the id (not uploaded yet, or never): a reply the client can tell
 * apart from a refusal. Blobs are not fanned out: devices ask for the ones they need.
 */
import type { KeyObject } from 'node:crypto';
import { RelayError } from './errors';
import * as H from './headers';
import { encodeFrame, MSG, type Frame } from './protocol';
import type { Session } from './session';
import { blobData, verifySignature } from './signatures';

export function blobPut(session: Session, frame: Frame): void {
	const header = H.parseHeader(H.BLOB_PUT, frame.header);
	const { blobId, size } = header;
	if (size !== frame.payload.length) {
		throw new RelayError('bad-header', 'size is not the length of the payload');
	}
	const key = session.publicKey as KeyObject;
	if (!verifySignature(key, blobData(header, frame.payload), header.signature)) {
		throw new RelayError('bad-signature', 'the blob signature does not verify');
	}
	const { ctx, conn, officeId, deviceKey } = session;
	const input = {
		officeId,
		deviceKey,
		blobId,
		epoch: header.epoch,
		nonce: Buffer.from(header.nonce, 'base64'),
		signature: Buffer.from(header.signature, 'base64'),
		link: header.link,
		payload: frame.payload
	};
	ctx.queue.run(
		() => ctx.store.blobs.put(input, ctx.limits.officeQuotaBytes),
		(outcome) => {
			if (!outcome.ok) return session.reject(outcome.error, MSG.BLOB_PUT, frame);
			const event = outcome.value.duplicate ? 'blob-put-duplicate' : 'blob-put';
			ctx.log(event, { conn, officeId, blobId, size });
			session.send(encodeFrame(MSG.BLOB_ACK, { blobId }));
		}
	);
}

export function blobGet(session: Session, frame: Frame): void {
	const { blobId } = H.parseHeader(H.BLOB_GET, frame.header);
	const { ctx, conn, officeId, deviceId } = session;
	// A device revoked while connected is expelled; this guards the moment in between.
	ctx.store.devices.requireActive(officeId, deviceId);
	const blob = ctx.store.blobs.get(officeId, blobId);
	if (!blob) {
		ctx.log('blob-missing', { conn, officeId, blobId });
		return session.send(encodeFrame(MSG.BLOB_MISSING, { blobId }));
	}
	// Backpressure: a device asking for blobs faster than it reads them is told to slow down.
	if (!session.hasRoomFor(blob.size)) {
		throw new RelayError('rate-limited', 'too many blobs requested at once; slow down');
	}
	const { deviceId: owner, epoch, nonce, signature, link, v, size, payload } = blob;
	const out = {
		blobId,
		deviceId: owner,
		epoch,
		nonce: nonce.toString('base64'),
		signature: signature.toString('base64'),
		link,
		v,
		size
	};
	session.send(encodeFrame(MSG.BLOB, out, payload));
	ctx.log('blob-get', { conn, officeId, blobId, size });
}
