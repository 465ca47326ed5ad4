/**
 * SNAPSHOT, SNAPSHOT_CONFIRM and SNAPSHOT_DISPUTE (docs/sync-protocol.md, "Compaction at the
 * relay"). A snapshot needs its device's signature and an admin's countersignature; it is stored
 * as pending, acknowledged after the commit and offered to the other devices, which confirm that
 * it opens (applied at `snapshotConfirmations`) or dispute it (dropped). Its writer's sockets
 * hear the outcome as SNAPSHOT_DONE. Confirming or disputing something no longer pending is
 * ignored without an ERROR: the outcome was already decided.
 */
import type { SnapshotName } from './compaction';
import { RelayError } from './errors';
import * as H from './headers';
import { encodeFrame, MSG, type Frame } from './protocol';
import type { Session } from './session';
import { compactionText, verifyWithKey } from './signatures';
import { verifiedWrite } from './sync-handlers';
import { offerFrame } from './updates';

const notAdmin = () => new RelayError('not-admin', 'the countersigning key is not an admin');

const doneFrame = (name: SnapshotName, ok: boolean) =>
	encodeFrame(MSG.SNAPSHOT_DONE, { docId: name.docId, covers: name.covers, nonce: name.nonce, ok });

export function snapshot(session: Session, frame: Frame): void {
	const header = H.parseHeader(H.SNAPSHOT, frame.header);
	const { docId, covers, admin } = header;
	const fields = { kind: 'snapshot' as const, ...header };
	const input = { ...verifiedWrite(session, fields, header.signature, frame.payload), covers };
	const { ctx, conn, officeId, deviceId, deviceKey } = session;
	if (!ctx.store.admins.isAdmin(officeId, admin)) throw notAdmin();
	const approved = compactionText(officeId, docId, covers, header.signature);
	if (!verifyWithKey(admin, approved, header.adminSignature)) {
		throw new RelayError('bad-signature', 'the admin countersignature does not verify');
	}
	const size = frame.payload.length;
	ctx.queue.run(
		() => {
			// An admin removed earlier in this batch no longer approves anything.
			if (!ctx.store.admins.isAdmin(officeId, admin)) throw notAdmin();
			return ctx.store.compaction.propose(input, ctx.limits.officeQuotaBytes);
		},
		(outcome) => {
			if (!outcome.ok) return session.reject(outcome.error, MSG.SNAPSHOT, frame);
			let count = 0;
			if (!outcome.value.duplicate) {
				const offer = offerFrame({ ...input, deviceId, size });
				count = ctx.fanout.offer(officeId, deviceKey, offer);
			}
			ctx.log('snapshot', { conn, officeId, docId, covers, size, count });
			session.send(encodeFrame(MSG.SNAPSHOT_ACK, { docId, covers }));
		}
	);
}

export function confirmSnapshot(session: Session, frame: Frame): void {
	const name = H.parseHeader(H.SNAPSHOT_NAMED, frame.header);
	const { ctx, conn, officeId, deviceKey } = session;
	const needed = ctx.limits.snapshotConfirmations;
	ctx.queue.run(
		() => ctx.store.compaction.confirm(officeId, deviceKey, name, needed),
		(outcome) => {
			if (!outcome.ok) return session.reject(outcome.error, MSG.SNAPSHOT_CONFIRM, frame);
			const result = outcome.value;
			const fields = { conn, officeId, docId: name.docId, covers: name.covers };
			if (result.outcome === 'ignored') return ctx.log('snapshot-confirm-ignored', fields);
			ctx.log('snapshot-confirmed', { ...fields, count: result.confirmations });
			if (result.outcome !== 'applied') return;
			const count = ctx.fanout.toDevice(officeId, result.writer, doneFrame(name, true));
			ctx.log('snapshot-applied', { ...fields, count });
		}
	);
}

export function disputeSnapshot(session: Session, frame: Frame): void {
	const name = H.parseHeader(H.SNAPSHOT_NAMED, frame.header);
	const { ctx, conn, officeId, deviceKey } = session;
	ctx.queue.run(
		() => ctx.store.compaction.dispute(officeId, deviceKey, name),
		(outcome) => {
			if (!outcome.ok) return session.reject(outcome.error, MSG.SNAPSHOT_DISPUTE, frame);
			const fields = { conn, officeId, docId: name.docId, covers: name.covers };
			if (!outcome.value) return ctx.log('snapshot-dispute-ignored', fields);
			const count = ctx.fanout.toDevice(officeId, outcome.value.writer, doneFrame(name, false));
			ctx.log('snapshot-disputed', { ...fields, count });
		}
	);
}
