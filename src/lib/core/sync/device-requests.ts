/**
 * ADD_DEVICE and REVOKE_DEVICE requests waiting for their answer. The relay answers a change with
 * a DEVICES list (sent to every socket of the office, so a list may also arrive unasked) and a
 * refusal with an ERROR whose `ref.type` names the message: a request resolves with the first
 * list that shows its change, and fails with the first refusal of its type.
 */
import { toBase64 } from '../bytes';
import type { Connection } from './connection';
import type { ClientMessage, DeviceStatus } from './messages';
import { MESSAGE_TYPES } from './protocol';

interface Pending {
	type: number;
	done: (devices: DeviceStatus[]) => boolean;
	resolve: (devices: DeviceStatus[]) => void;
	reject: (error: Error) => void;
	timer: ReturnType<typeof setTimeout>;
}

const TIMEOUT_MS = 15_000;

export class DeviceRequests {
	#pending: Pending[] = [];

	/** ADD_DEVICE: resolves once the list shows the device enrolled. */
	add(connection: Connection | null, deviceId: string, publicRaw: Uint8Array) {
		return this.request(
			connection,
			{ type: 'ADD_DEVICE', header: { deviceId, publicKey: toBase64(publicRaw) } },
			(devices) => devices.some((d) => d.deviceId === deviceId && !d.revoked)
		);
	}

	/** REVOKE_DEVICE: resolves once the list shows the device revoked. */
	revoke(connection: Connection | null, deviceId: string) {
		return this.request(connection, { type: 'REVOKE_DEVICE', header: { deviceId } }, (devices) =>
			devices.some((d) => d.deviceId === deviceId && d.revoked)
		);
	}

	/** Sends a device change and resolves with the device list that shows it done. */
	request(
		connection: Connection | null,
		message: Extract<ClientMessage, { type: 'ADD_DEVICE' | 'REVOKE_DEVICE' }>,
		done: (devices: DeviceStatus[]) => boolean
	): Promise<DeviceStatus[]> {
		return new Promise((resolve, reject) => {
			if (!connection?.send(message)) {
				return reject(new Error('Not connected to the sync server.'));
			}
			const entry: Pending = {
				type: MESSAGE_TYPES[message.type],
				done,
				resolve,
				reject,
				timer: setTimeout(() => {
					this.#remove(entry);
					reject(new Error('The sync server did not answer.'));
				}, TIMEOUT_MS)
			};
			this.#pending.push(entry);
		});
	}

	/** A DEVICES list arrived. */
	devices(devices: DeviceStatus[]): void {
		for (const entry of [...this.#pending]) {
			if (!entry.done(devices)) continue;
			this.#remove(entry);
			entry.resolve(devices);
		}
	}

	/** A refusal of a message of `type` arrived; returns whether a request took it. */
	refused(type: unknown, message: string): boolean {
		const entry = this.#pending.find((candidate) => candidate.type === type);
		if (!entry) return false;
		this.#remove(entry);
		entry.reject(new Error(message));
		return true;
	}

	/** Fails everything still waiting (the connection ended). */
	failAll(message: string): void {
		for (const entry of this.#pending) {
			clearTimeout(entry.timer);
			entry.reject(new Error(message));
		}
		this.#pending = [];
	}

	#remove(entry: Pending): void {
		clearTimeout(entry.timer);
		this.#pending = this.#pending.filter((candidate) => candidate !== entry);
	}
}
