/**
 * A device reduced to what the relay sees: one socket, an Ed25519 key (node:crypto) and counters.
 * It loads a relay with a thousand devices from one process, where a thousand SyncClients with
 * their databases would make the benchmark, not the relay, the bottleneck. After setup, frames
 * are counted by their type byte and not decoded (ERRORs excepted, to say what went wrong).
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { decodeFrame, encodeFrame, MSG, type Header } from '../../sync-server/src/protocol';
import { adminChangeFrame, type AdminChange } from '../../sync-server/test-support/admin-actions';
import {
	proveAdminKey,
	signChallenge,
	signItem,
	type AdminIdentity,
	type DeviceIdentity
} from '../../sync-server/test-support/identity';

const SETUP_TIMEOUT_MS = 20_000;

interface Waiter {
	type: number;
	match: (header: Header) => boolean;
	resolve: (header: Header) => void;
}

export class LightDevice {
	/** ACKs of this device's pushes. */
	acks = 0;
	/** Items of other devices forwarded live. */
	received = 0;
	/** Codes of ERROR frames the relay sent. */
	readonly errors: string[] = [];
	#pushes = 0;
	#waiters = new Set<Waiter>();

	private constructor(
		private readonly socket: WebSocket,
		readonly identity: DeviceIdentity
	) {
		socket.on('message', (data: Buffer) => this.#receive(data));
		socket.on('error', () => undefined);
	}

	/** Opens a socket for this device. */
	static async open(url: string, identity: DeviceIdentity): Promise<LightDevice> {
		const socket = new WebSocket(url, { perMessageDeflate: false });
		try {
			await new Promise<void>((resolve, reject) => {
				socket.once('open', () => resolve());
				socket.once('error', reject);
			});
		} catch (error) {
			socket.terminate();
			throw error;
		}
		return new LightDevice(socket, identity);
	}

	/** Pushes sent so far. */
	get pushes(): number {
		return this.#pushes;
	}

	/** HELLO + REGISTER: creates the office with this device and `admin` as its admin, up to READY. */
	async register(admin: AdminIdentity): Promise<void> {
		const nonce = await this.#hello();
		const { officeId, publicKey } = this.identity;
		const signature = signChallenge(this.identity, nonce);
		const proof = proveAdminKey(admin, officeId);
		this.#send(MSG.REGISTER, { publicKey, signature, admin: { key: admin.key, proof } });
		await this.#next(MSG.READY);
	}

	/** HELLO + AUTH, up to READY. */
	async auth(): Promise<void> {
		const nonce = await this.#hello();
		this.#send(MSG.AUTH, { signature: signChallenge(this.identity, nonce) });
		await this.#next(MSG.READY);
	}

	/**
	 * Enrolls the other devices of the office, each ADD_DEVICE signed by `admin` over a fresh
	 * admin nonce (one outstanding per socket, so one device at a time), until the relay lists
	 * them all.
	 */
	async enroll(others: DeviceIdentity[], admin: AdminIdentity): Promise<void> {
		const listed = this.#next(MSG.DEVICES, (header) => {
			const devices = header.devices as { deviceId: string }[];
			return others.every((other) => devices.some((d) => d.deviceId === other.deviceId));
		});
		for (const device of others) {
			const issued = this.#next(MSG.ADMIN_NONCE);
			this.#send(MSG.ADMIN_CHALLENGE, {});
			const nonce = (await issued).nonce as string;
			const change: AdminChange = { action: 'add-device', device };
			const { type, header } = adminChangeFrame(this.identity.officeId, change, admin, nonce);
			this.#send(type, header);
		}
		await listed;
	}

	/** SUBSCRIBE from nothing, up to CAUGHT_UP: from then on other devices' items arrive live. */
	async subscribe(): Promise<void> {
		const caughtUp = this.#next(MSG.CAUGHT_UP);
		this.#send(MSG.SUBSCRIBE, { cursors: {} });
		await caughtUp;
	}

	/** Pushes one signed item (the relay checks the signature before storing). */
	push(docId: string, payload: Uint8Array): void {
		const deviceSeq = ++this.#pushes;
		const nonce = randomBytes(12).toString('base64');
		const fields = { docId, deviceSeq, epoch: 1, nonce, link: '' };
		const signature = signItem(this.identity, { kind: 'update', ...fields }, payload);
		this.#send(MSG.PUSH, { ...fields, signature }, payload);
	}

	close(): void {
		this.socket.terminate();
	}

	async #hello(): Promise<string> {
		const { officeId, deviceId } = this.identity;
		const challenge = this.#next(MSG.CHALLENGE);
		this.#send(MSG.HELLO, { v: 2, officeId, deviceId });
		return (await challenge).nonce as string;
	}

	#send(type: number, header: object, payload?: Uint8Array): void {
		this.socket.send(encodeFrame(type, header, payload));
	}

	#next(type: number, match: (header: Header) => boolean = () => true): Promise<Header> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#waiters.delete(waiter);
				reject(new Error(`No frame 0x${type.toString(16)} from the relay in time.`));
			}, SETUP_TIMEOUT_MS);
			const waiter: Waiter = {
				type,
				match,
				resolve: (header) => {
					clearTimeout(timer);
					resolve(header);
				}
			};
			this.#waiters.add(waiter);
		});
	}

	#receive(data: Buffer): void {
		const type = data[0];
		if (type === MSG.ACK) this.acks++;
		else if (type === MSG.UPDATES) this.received++;
		if (type !== MSG.ERROR && this.#waiters.size === 0) return;
		const decoded = decodeFrame(data, () => Number.MAX_SAFE_INTEGER);
		if (!decoded.ok) return;
		const { header } = decoded.frame;
		if (type === MSG.ERROR) this.errors.push(String(header.code));
		for (const waiter of this.#waiters) {
			if (waiter.type !== type || !waiter.match(header)) continue;
			this.#waiters.delete(waiter);
			waiter.resolve(header);
		}
	}
}
