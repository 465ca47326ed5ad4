/**
 * Who may change an office's devices and admins: an admin of the office (an office manager's
 * personal key), by a signature over the change and a fresh ADMIN_NONCE of the socket that sends
 * it. Being an enrolled device is not enough: that is what protocol v2 is for.
 *
 * `authorize` runs the checks in the protocol's order — the header (checked by the caller),
 * the nonce, the admin, the signature — before the change is queued; `commitChange` checks the
 * sender and the admin again inside the change's transaction, so a device revoked or an admin
 * removed earlier in the same batch cannot act.
 */
import { RelayError } from './errors';
import { encodeFrame, MSG, type Frame } from './protocol';
import type { Session } from './session';
import { adminActionText, verifyWithKey, type AdminAction } from './signatures';
import type { Store } from './store';

/** The fields every admin change carries. */
export interface AdminSigned {
	admin: string;
	nonce: string;
	signature: string;
}

export interface Change {
	action: AdminAction;
	subject: string;
	detail: string;
}

/** ADMIN_CHALLENGE: a new admin nonce for this socket, replacing any outstanding one. */
export function adminChallenge(session: Session): void {
	session.send(encodeFrame(MSG.ADMIN_NONCE, { nonce: session.adminNonce.issue() }));
}

/**
 * Whether `admin` may sign a change of the office now: one of its admins — or, for an office a
 * v1 relay registered, which has none yet, a key adding itself (trust on first use).
 */
function mayAct(store: Store, officeId: string, admin: string, change: Change): boolean {
	if (store.admins.isAdmin(officeId, admin)) return true;
	const adopting = change.action === 'add-admin' && change.subject === admin;
	return adopting && store.admins.count(officeId) === 0;
}

/** Throws `bad-nonce`, `not-admin` or `bad-signature` unless the change is an admin's. */
export function authorize(session: Session, signed: AdminSigned, change: Change): void {
	const { ctx, officeId } = session;
	if (!session.adminNonce.take(signed.nonce)) {
		throw new RelayError('bad-nonce', 'sign a fresh admin nonce (ADMIN_CHALLENGE)');
	}
	if (!mayAct(ctx.store, officeId, signed.admin, change)) {
		throw new RelayError('not-admin', 'the key is not an admin of this office');
	}
	const text = adminActionText({ officeId, nonce: signed.nonce, ...change });
	if (!verifyWithKey(signed.admin, text, signed.signature)) {
		throw new RelayError('bad-signature', 'the admin signature does not verify');
	}
}

/**
 * Queues an authorized change; `apply` returns whether anything changed. After the commit every
 * READY socket of the office gets DEVICES and `changed` runs — or, when nothing changed, the
 * sender alone gets DEVICES.
 */
export function commitChange(
	session: Session,
	frame: Frame,
	signed: AdminSigned,
	change: Change,
	apply: () => boolean,
	changed: () => void
): void {
	const { ctx, officeId, deviceId } = session;
	ctx.queue.run(
		() => {
			ctx.store.devices.requireActive(officeId, deviceId);
			if (!mayAct(ctx.store, officeId, signed.admin, change)) {
				throw new RelayError('not-admin', 'the key is no longer an admin of this office');
			}
			return apply();
		},
		(outcome) => {
			if (!outcome.ok) return session.reject(outcome.error, frame.type, frame);
			const devices = encodeFrame(MSG.DEVICES, ctx.store.roster(officeId));
			if (!outcome.value) return session.send(devices);
			ctx.fanout.broadcast(officeId, devices);
			changed();
		}
	);
}
