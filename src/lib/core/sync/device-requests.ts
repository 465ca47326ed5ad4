/**
 * Changes to the office's devices and admins, each signed by an admin (admin-signer.ts). A change
 * needs a fresh admin nonce: ADMIN_CHALLENGE → ADMIN_NONCE, then the signed change. The relay
 * keeps one outstanding nonce per socket and ADMIN_NONCE names no request, so changes go one at a
 * time, in the order asked for.
 *
 * The relay answers a change with a DEVICES list (to every socket of the office when something
 * changed, so a list may also arrive unasked; to the sender alone when nothing did) and a refusal
 * with an ERROR whose `ref.type` names the message: a change resolves with the first list that
 * shows it done, and fails with the first refusal of its type (or of the challenge).
 */
import { signAdminChange, type AdminSigner } from './admin-signer';
import type { Connection } from './connection';
import type { AdminMessage, AdminSigned, DeviceList } from './messages';
import { MESSAGE_TYPES } from './protocol';
import type { AdminChange } from './signing-text';

const TIMEOUT_MS = 15_000;

const listed = (list: DeviceList, deviceId: string, revoked: boolean) =>
	list.devices.some((device) => device.deviceId === deviceId && device.revoked === revoked);

/** The five changes, each with the list that shows it done. */
export const CHANGES = {
	addDevice: (deviceId: string, publicKey: string, admin: AdminSigner): ChangeRequest => ({
		change: { action: 'add-device', subject: deviceId, detail: publicKey },
		admin,
		message: (signed) => ({ type: 'ADD_DEVICE', header: { deviceId, publicKey, ...signed } }),
		done: (list) => listed(list, deviceId, false)
	}),
	revokeDevice: (deviceId: string, admin: AdminSigner): ChangeRequest => ({
		change: { action: 'revoke-device', subject: deviceId, detail: '' },
		admin,
		message: (signed) => ({ type: 'REVOKE_DEVICE', header: { deviceId, ...signed } }),
		done: (list) => listed(list, deviceId, true)
	}),
	restoreDevice: (deviceId: string, admin: AdminSigner): ChangeRequest => ({
		change: { action: 'restore-device', subject: deviceId, detail: '' },
		admin,
		message: (signed) => ({ type: 'RESTORE_DEVICE', header: { deviceId, ...signed } }),
		done: (list) => listed(list, deviceId, false)
	}),
	addAdmin: (key: string, proof: string, admin: AdminSigner): ChangeRequest => ({
		change: { action: 'add-admin', subject: key, detail: '' },
		admin,
		message: (signed) => ({ type: 'ADD_ADMIN', header: { key, proof, ...signed } }),
		done: (list) => list.admins.includes(key)
	}),
	removeAdmin: (key: string, admin: AdminSigner): ChangeRequest => ({
		change: { action: 'remove-admin', subject: key, detail: '' },
		admin,
		message: (signed) => ({ type: 'REMOVE_ADMIN', header: { key, ...signed } }),
		done: (list) => !list.admins.includes(key)
	})
};

/** One change: what to sign, how to send it, and which list shows it done. */
export interface ChangeRequest {
	change: AdminChange;
	admin: AdminSigner;
	message: (signed: AdminSigned) => AdminMessage;
	done: (list: DeviceList) => boolean;
}

interface Waiting {
	/** The message type an ERROR would name: the challenge first, then the change. */
	type: number;
	nonce: (nonce: string) => void;
	list: (list: DeviceList) => boolean;
	fail: (error: Error) => void;
}

export class DeviceRequests {
	#queue: Promise<unknown> = Promise.resolve();
	#current: Waiting | null = null;

	constructor(
		private readonly officeId: string,
		/** The connection of the moment (null while offline). */
		private readonly connection: () => Connection | null
	) {}

	/** Queues a change; resolves with the list that shows it, rejects with the refusal. */
	request(request: ChangeRequest): Promise<DeviceList> {
		const run = this.#queue.then(
			() => this.#run(request),
			() => this.#run(request)
		);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/** ADMIN_NONCE arrived: the change waiting for it is signed and sent. */
	nonce(nonce: string): void {
		this.#current?.nonce(nonce);
	}

	/** A DEVICES list arrived. */
	devices(list: DeviceList): void {
		this.#current?.list(list);
	}

	/** A refusal of a message of `type` arrived; returns whether the waiting change took it. */
	refused(type: unknown, message: string): boolean {
		if (!this.#current || this.#current.type !== type) return false;
		this.#current.fail(new Error(message));
		return true;
	}

	/** Fails the change waiting now (the connection ended); queued ones find no connection. */
	failAll(message: string): void {
		this.#current?.fail(new Error(message));
	}

	#run(request: ChangeRequest): Promise<DeviceList> {
		const connection = this.connection();
		return new Promise<DeviceList>((resolve, reject) => {
			const waiting: Waiting = {
				type: MESSAGE_TYPES.ADMIN_CHALLENGE,
				nonce: (nonce) => void this.#send(connection, request, waiting, nonce),
				list: (list) => {
					if (waiting.type === MESSAGE_TYPES.ADMIN_CHALLENGE || !request.done(list)) {
						return false;
					}
					finish();
					resolve(list);
					return true;
				},
				fail: (error) => {
					finish();
					reject(error);
				}
			};
			const timer = setTimeout(
				() => waiting.fail(new Error('The sync server did not answer.')),
				TIMEOUT_MS
			);
			const finish = () => {
				clearTimeout(timer);
				if (this.#current === waiting) this.#current = null;
			};
			this.#current = waiting;
			if (!connection?.send({ type: 'ADMIN_CHALLENGE', header: {} })) {
				waiting.fail(new Error('Not connected to the sync server.'));
			}
		});
	}

	async #send(
		connection: Connection | null,
		request: ChangeRequest,
		waiting: Waiting,
		nonce: string
	): Promise<void> {
		if (this.#current !== waiting || waiting.type !== MESSAGE_TYPES.ADMIN_CHALLENGE) return;
		let message: AdminMessage;
		try {
			const signed = await signAdminChange(this.officeId, nonce, request.change, request.admin);
			message = request.message(signed);
		} catch (cause) {
			const reason = cause instanceof Error ? cause.message : String(cause);
			return waiting.fail(new Error(`The change could not be signed: ${reason}`));
		}
		if (this.#current !== waiting) return;
		waiting.type = MESSAGE_TYPES[message.type];
		if (!connection?.send(message)) waiting.fail(new Error('Not connected to the sync server.'));
	}
}
