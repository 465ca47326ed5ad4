/**
 * Which client messages exist, whether they need READY or carry a payload, and who handles them.
 * The authentication and pairing handlers live here; document, compaction, blob and device
 * handlers beside.
 */
import { randomBytes } from 'node:crypto';
import { adminChallenge } from './admin-auth';
import { blobGet, blobPut } from './blob-handlers';
import { confirmSnapshot, disputeSnapshot, snapshot } from './compaction-handlers';
import { addAdmin, addDevice, removeAdmin, restoreDevice, revokeDevice } from './device-handlers';
import { RelayError } from './errors';
import * as H from './headers';
import { encodeFrame, MSG, PROTOCOL_VERSION, type Frame } from './protocol';
import type { Session } from './session';
import {
	adminKeyProofText,
	authText,
	publicKeyFromRaw,
	verifySignature,
	verifyWithKey
} from './signatures';
import { push, subscribe } from './sync-handlers';

export interface Route {
	/** Only after READY. */
	ready: boolean;
	/** May carry a payload. */
	payload: boolean;
	handle: (session: Session, frame: Frame) => void;
}

function hello(session: Session, frame: Frame): void {
	if (session.phase !== 'open') throw new RelayError('bad-state', 'HELLO was already sent');
	if (frame.header.v !== PROTOCOL_VERSION) {
		const message = `this relay speaks protocol version ${PROTOCOL_VERSION}`;
		throw new RelayError('unsupported-version', message, true);
	}
	const { officeId, deviceId } = H.parseHeader(H.HELLO, frame.header);
	session.officeId = officeId;
	session.deviceId = deviceId;
	session.nonce = randomBytes(32).toString('base64');
	session.phase = 'challenged';
	session.send(encodeFrame(MSG.CHALLENGE, { nonce: session.nonce }));
}

/** The signed challenge text of this session; the nonce is single-use. */
function takeChallenge(session: Session): Buffer {
	if (session.phase !== 'challenged') throw new RelayError('bad-state', 'send HELLO first');
	const text = authText(session.officeId, session.deviceId, session.nonce);
	session.nonce = '';
	return text;
}

function auth(session: Session, frame: Frame): void {
	const { signature } = H.parseHeader(H.AUTH, frame.header);
	const text = takeChallenge(session);
	const device = session.ctx.store.device(session.officeId, session.deviceId);
	if (!device) throw new RelayError('unknown-device', 'this device is not enrolled here', true);
	if (device.revoked) {
		throw new RelayError('revoked', 'this device was removed from the office', true);
	}
	const key = publicKeyFromRaw(device.publicKey);
	if (!key || !verifySignature(key, text, signature)) {
		throw new RelayError('bad-signature', 'the challenge signature does not verify', true);
	}
	session.becomeReady(device, key);
}

function register(session: Session, frame: Frame): void {
	const header = H.parseHeader(H.REGISTER, frame.header);
	const text = takeChallenge(session);
	const raw = Buffer.from(header.publicKey, 'base64');
	const key = publicKeyFromRaw(raw);
	if (!key) throw new RelayError('bad-header', 'publicKey is not an Ed25519 key', true);
	if (!verifySignature(key, text, header.signature)) {
		throw new RelayError('bad-signature', 'the challenge signature does not verify', true);
	}
	const { ctx, officeId, deviceId } = session;
	const admin = header.admin.key;
	if (!verifyWithKey(admin, adminKeyProofText(officeId, admin), header.admin.proof)) {
		throw new RelayError('bad-signature', 'the admin key did not sign its proof', true);
	}
	if (ctx.store.officeExists(officeId)) {
		throw new RelayError('office-exists', 'this office is already registered', true);
	}
	session.phase = 'registering';
	ctx.queue.run(
		() => ctx.store.registerOffice(officeId, deviceId, raw, admin, ctx.limits.maxOffices),
		(outcome) => {
			if (session.phase !== 'registering') return;
			if (!outcome.ok) return session.reject(outcome.error, MSG.REGISTER);
			ctx.log('register', { conn: session.conn, officeId, deviceId });
			session.becomeReady(outcome.value, key);
		}
	);
}

function pairOpen(session: Session, frame: Frame): void {
	const { mailbox } = H.parseHeader(H.PAIR, frame.header);
	session.ctx.pairing.open(session, mailbox);
	session.enteredMailbox();
	session.ctx.log('pair-join', { conn: session.conn, mailbox });
}

function pairMessage(session: Session, frame: Frame): void {
	const { mailbox } = H.parseHeader(H.PAIR, frame.header);
	if (frame.payload.length > session.ctx.limits.pairMessageMaxBytes) {
		throw new RelayError('too-large', 'pairing messages are small');
	}
	session.ctx.pairing.forward(session, mailbox, frame.payload);
}

function ping(session: Session): void {
	session.send(encodeFrame(MSG.PONG, {}));
}

const route = (ready: boolean, payload: boolean, handle: Route['handle']): Route => ({
	ready,
	payload,
	handle
});

/** The messages a client may send. */
export const ROUTES: ReadonlyMap<number, Route> = new Map([
	[MSG.HELLO, route(false, false, hello)],
	[MSG.AUTH, route(false, false, auth)],
	[MSG.REGISTER, route(false, false, register)],
	[MSG.SUBSCRIBE, route(true, false, subscribe)],
	[MSG.PUSH, route(true, true, push)],
	[MSG.SNAPSHOT, route(true, true, snapshot)],
	[MSG.SNAPSHOT_CONFIRM, route(true, false, confirmSnapshot)],
	[MSG.SNAPSHOT_DISPUTE, route(true, false, disputeSnapshot)],
	[MSG.BLOB_PUT, route(true, true, blobPut)],
	[MSG.BLOB_GET, route(true, false, blobGet)],
	[MSG.ADMIN_CHALLENGE, route(true, false, adminChallenge)],
	[MSG.ADD_DEVICE, route(true, false, addDevice)],
	[MSG.REVOKE_DEVICE, route(true, false, revokeDevice)],
	[MSG.RESTORE_DEVICE, route(true, false, restoreDevice)],
	[MSG.ADD_ADMIN, route(true, false, addAdmin)],
	[MSG.REMOVE_ADMIN, route(true, false, removeAdmin)],
	[MSG.PAIR_OPEN, route(false, false, pairOpen)],
	[MSG.PAIR_MSG, route(false, true, pairMessage)],
	[MSG.PING, route(false, false, ping)]
]);
