/**
 * SUBSCRIBE and PUSH (SNAPSHOT and its confirmations are in compaction-handlers.ts). A write is
 * checked (header, then the device's signature over the exact bytes to store, link included)
 * before it is queued, and answered only after its batch has committed.
 */
import type { KeyObject } from 'node:crypto';
import type { WriteInput } from './documents';
import { RelayError } from './errors';
import * as H from './headers';
import { encodeFrame, MSG, type Frame } from './protocol';
import type { Session } from './session';
import { itemData, SIGNATURE_VERSION, verifySignature, type ItemFields } from './signatures';
import { updatesFrame } from './updates';

export function subscribe(session: Session, frame: Frame): void {
	const { cursors } = H.parseHeader(H.SUBSCRIBE, frame.header);
	session.backlog.start(cursors);
}

/** The verified write: throws `bad-signature` unless the device signed exactly this item. */
export function verifiedWrite(
	session: Session,
	fields: ItemFields,
	signature: string,
	payload: Buffer
): WriteInput {
	const key = session.publicKey as KeyObject;
	if (!verifySignature(key, itemData(fields, payload), signature)) {
		throw new RelayError('bad-signature', 'the item signature does not verify');
	}
	return {
		officeId: session.officeId,
		deviceKey: session.deviceKey,
		docId: fields.docId,
		deviceSeq: fields.deviceSeq,
		epoch: fields.epoch,
		nonce: Buffer.from(fields.nonce, 'base64'),
		signature: Buffer.from(signature, 'base64'),
		link: fields.link,
		payload
	};
}

const boundsOf = (session: Session) => ({
	quotaBytes: session.ctx.limits.officeQuotaBytes,
	maxDocuments: session.ctx.limits.officeMaxDocuments
});

export function push(session: Session, frame: Frame): void {
	const header = H.parseHeader(H.PUSH, frame.header);
	const { docId, deviceSeq } = header;
	const input = verifiedWrite(
		session,
		{ kind: 'update', ...header },
		header.signature,
		frame.payload
	);
	const { ctx, conn, officeId, deviceId } = session;
	const size = frame.payload.length;
	ctx.queue.run(
		() => ctx.store.documents.push(input, boundsOf(session)),
		(outcome) => {
			if (!outcome.ok) return session.reject(outcome.error, MSG.PUSH, frame);
			const { seq, duplicate, latest, covers } = outcome.value;
			if (duplicate) {
				ctx.log('push-duplicate', { conn, officeId, docId, deviceSeq, seq });
			} else {
				const item = {
					...input,
					seq,
					kind: 'update' as const,
					deviceId,
					size,
					v: SIGNATURE_VERSION
				};
				const forward = updatesFrame(docId, [item], { latest, covers, more: false });
				const count = ctx.fanout.publish(officeId, session, docId, forward);
				ctx.log('push', { conn, officeId, docId, deviceSeq, seq, size, count });
			}
			session.send(encodeFrame(MSG.ACK, { docId, deviceSeq, seq }));
		}
	);
}
