/**
 * RelayTestClient: a device talking to the relay over a real WebSocket, the way the app's sync
 * client will: register or authenticate, subscribe, push and snapshot with real signatures, and
 * — with an office manager's admin key signed in (`device.admin`) — change devices and admins
 * (admin-socket.ts).
 * `next(type)` takes the first received frame of a type (see frame-queue.ts).
 */
import { randomBytes } from 'node:crypto';
import type WebSocket from 'ws';
import { MSG } from '../src/protocol';
import { AdminTestSocket } from './admin-socket';
import type { Received } from './frame-queue';
import type * as F from './frames';
import {
	countersignSnapshot,
	createAdmin,
	createDevice,
	proveAdminKey,
	signBlob,
	signChallenge,
	signItem,
	type AdminIdentity,
	type DeviceIdentity
} from './identity';
import { DEFAULT_TIMEOUT_MS, openWebSocket } from './test-socket';

export interface WriteOptions {
	epoch?: number;
	link?: string;
}

export interface SnapshotOptions extends WriteOptions {
	/** The admin who countersigns it; the one signed in on this device by default. */
	admin?: AdminIdentity;
}

export class RelayTestClient extends AdminTestSocket {
	private constructor(
		ws: WebSocket,
		readonly device: DeviceIdentity
	) {
		super(ws);
	}

	/** Opens a socket to the relay for a device (a new device of a new office by default). */
	static async connect(
		url: string,
		device: DeviceIdentity = createDevice()
	): Promise<RelayTestClient> {
		return new RelayTestClient(await openWebSocket(url), device);
	}

	/** HELLO, answered by CHALLENGE; returns the nonce. */
	async hello(device: DeviceIdentity = this.device): Promise<string> {
		this.send(MSG.HELLO, { v: 2, officeId: device.officeId, deviceId: device.deviceId });
		return (await this.next<{ nonce: string }>(MSG.CHALLENGE)).header.nonce;
	}

	/** The REGISTER header for a challenge: this device, and `admin` as the office's first admin. */
	registerHeader(nonce: string, admin: AdminIdentity): Record<string, unknown> {
		const { publicKey, officeId } = this.device;
		const proof = proveAdminKey(admin, officeId);
		const signature = signChallenge(this.device, nonce);
		return { publicKey, signature, admin: { key: admin.key, proof } };
	}

	/**
	 * HELLO + REGISTER (a new office with this device) up to READY. The admin (a new one unless
	 * the device has one) becomes the office's first admin and stays signed in on this device.
	 */
	async register(admin = this.device.admin ?? createAdmin()): Promise<F.DevicesHeader> {
		const nonce = await this.hello();
		this.send(MSG.REGISTER, this.registerHeader(nonce, admin));
		const ready = (await this.next<F.DevicesHeader>(MSG.READY)).header;
		this.device.admin = admin;
		return ready;
	}

	/** HELLO + AUTH up to READY. */
	async auth(): Promise<F.DevicesHeader> {
		const nonce = await this.hello();
		this.send(MSG.AUTH, { signature: signChallenge(this.device, nonce) });
		return (await this.next<F.DevicesHeader>(MSG.READY)).header;
	}

	/** SUBSCRIBE, then every UPDATES page until CAUGHT_UP. */
	async subscribe(cursors: Record<string, number> = {}, timeoutMs = 10_000): Promise<F.Backlog> {
		const from = this.queue.count;
		this.send(MSG.SUBSCRIBE, { cursors });
		const caughtUp = await this.next(MSG.CAUGHT_UP, () => true, timeoutMs);
		const backlog = (f: Received) => f.type === MSG.UPDATES && f.n >= from && f.n < caughtUp.n;
		const pages = this.queue
			.takeAll(backlog)
			.map((f) => toPage(f as unknown as Received<F.UpdatesHeader>));
		return { pages, items: pages.flatMap((page) => page.items) };
	}

	/** The next UPDATES frame as a page (a live item arrives as a one-item page). */
	async nextPage(
		where: (h: F.UpdatesHeader) => boolean = () => true,
		timeoutMs?: number
	): Promise<F.Page> {
		return toPage(await this.next<F.UpdatesHeader>(MSG.UPDATES, where, timeoutMs));
	}

	/** Sends a signed PUSH. */
	push(
		docId: string,
		deviceSeq: number,
		payload: Uint8Array,
		{ epoch = 1, link = '' }: WriteOptions = {}
	): F.PushHeader {
		const nonce = randomBytes(12).toString('base64');
		const fields = { docId, deviceSeq, epoch, nonce, link };
		const header = {
			...fields,
			signature: signItem(this.device, { kind: 'update', ...fields }, payload)
		};
		this.send(MSG.PUSH, header, payload);
		return header;
	}

	/** Sends a signed PUSH and waits for its ACK. */
	async pushAndAck(docId: string, deviceSeq: number, payload: Uint8Array): Promise<F.AckHeader> {
		this.push(docId, deviceSeq, payload);
		const where = (h: F.AckHeader) => h.docId === docId && h.deviceSeq === deviceSeq;
		return (await this.next<F.AckHeader>(MSG.ACK, where)).header;
	}

	/** Pushes payloads with consecutive deviceSeqs from `firstDeviceSeq`, then awaits every ACK. */
	async pushMany(
		docId: string,
		firstDeviceSeq: number,
		payloads: readonly Uint8Array[]
	): Promise<F.AckHeader[]> {
		payloads.forEach((payload, i) => this.push(docId, firstDeviceSeq + i, payload));
		const acks: F.AckHeader[] = [];
		for (let i = 0; i < payloads.length; i++) {
			const deviceSeq = firstDeviceSeq + i;
			const where = (h: F.AckHeader) => h.docId === docId && h.deviceSeq === deviceSeq;
			acks.push((await this.next<F.AckHeader>(MSG.ACK, where, 20_000)).header);
		}
		return acks;
	}

	/** A SNAPSHOT header signed by this device and countersigned by an admin (not sent). */
	signSnapshot(
		docId: string,
		covers: number,
		deviceSeq: number,
		payload: Uint8Array,
		{ epoch = 1, link = '', admin = this.signedInAdmin() }: SnapshotOptions = {}
	): F.SnapshotHeader {
		const nonce = randomBytes(12).toString('base64');
		const fields = { docId, covers, deviceSeq, epoch, nonce, link };
		const signature = signItem(this.device, { kind: 'snapshot', ...fields }, payload);
		const { officeId } = this.device;
		const adminSignature = countersignSnapshot(admin, officeId, docId, covers, signature);
		return { ...fields, signature, admin: admin.key, adminSignature };
	}

	/** Sends a SNAPSHOT signed by this device and countersigned by an admin. */
	snapshot(
		docId: string,
		covers: number,
		deviceSeq: number,
		payload: Uint8Array,
		options?: SnapshotOptions
	): F.SnapshotHeader {
		const header = this.signSnapshot(docId, covers, deviceSeq, payload, options);
		this.send(MSG.SNAPSHOT, header, payload);
		return header;
	}

	/** Sends a SNAPSHOT and waits for its SNAPSHOT_ACK (stored as pending). */
	async snapshotAndAck(
		docId: string,
		covers: number,
		deviceSeq: number,
		payload: Uint8Array,
		options?: SnapshotOptions
	): Promise<F.SnapshotHeader> {
		const header = this.snapshot(docId, covers, deviceSeq, payload, options);
		const acked = (h: F.SnapshotAck) => h.docId === docId && h.covers === covers;
		await this.next<F.SnapshotAck>(MSG.SNAPSHOT_ACK, acked);
		return header;
	}

	/** SNAPSHOT_CONFIRM: this device opened the pending snapshot. */
	confirmSnapshot({ docId, covers, nonce }: F.SnapshotName): void {
		this.send(MSG.SNAPSHOT_CONFIRM, { docId, covers, nonce });
	}

	/** SNAPSHOT_DISPUTE: this device could not open the pending snapshot. */
	disputeSnapshot({ docId, covers, nonce }: F.SnapshotName): void {
		this.send(MSG.SNAPSHOT_DISPUTE, { docId, covers, nonce });
	}

	/** Sends a signed BLOB_PUT. */
	putBlob(
		blobId: string,
		payload: Uint8Array,
		{ epoch = 1, link = '' }: WriteOptions = {}
	): F.BlobPutHeader {
		const nonce = randomBytes(12).toString('base64');
		const fields = { blobId, epoch, nonce, size: payload.length, link };
		const header = { ...fields, signature: signBlob(this.device, fields, payload) };
		this.send(MSG.BLOB_PUT, header, payload);
		return header;
	}

	/** Sends a signed BLOB_PUT and waits for its BLOB_ACK. */
	async putBlobAndAck(
		blobId: string,
		payload: Uint8Array,
		options?: WriteOptions
	): Promise<F.BlobPutHeader> {
		const header = this.putBlob(blobId, payload, options);
		await this.next<{ blobId: string }>(MSG.BLOB_ACK, (h) => h.blobId === blobId);
		return header;
	}

	/** BLOB_GET, answered by BLOB or BLOB_MISSING. */
	async getBlob(blobId: string): Promise<F.BlobReply> {
		this.send(MSG.BLOB_GET, { blobId });
		const reply = await this.queue.take(
			(f) =>
				(f.type === MSG.BLOB || f.type === MSG.BLOB_MISSING) &&
				(f.header as { blobId?: unknown }).blobId === blobId,
			DEFAULT_TIMEOUT_MS,
			'BLOB or BLOB_MISSING'
		);
		if (reply.type === MSG.BLOB_MISSING) return { missing: true };
		return { blob: reply.header as unknown as F.BlobHeader, payload: reply.payload };
	}
}

function toPage(frame: Received<F.UpdatesHeader>): F.Page {
	let offset = 0;
	const items = frame.header.items.map((item) => {
		const payload = frame.payload.subarray(offset, offset + item.size);
		offset += item.size;
		return { ...item, docId: frame.header.docId, payload };
	});
	return { ...frame.header, items };
}
