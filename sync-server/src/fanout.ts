/**
 * The READY sockets of each office. Newly stored items go to every other socket of the office
 * that follows the document live; a pending snapshot is offered to the sockets of every other
 * device; device list changes go to all of them; a revoked device's sockets are closed.
 */
import type { RelayError } from './errors';

export interface OfficePeer {
	readonly deviceId: string;
	readonly deviceKey: number;
	/** Sends a newly stored item of `docId` if this socket follows that document live. */
	deliver(docId: string, frame: Buffer): void;
	/** Sends a SNAPSHOT_OFFER if this socket takes offers live and has room; whether it did. */
	offer(frame: Buffer): boolean;
	send(frame: Buffer): void;
	/** Sends a fatal ERROR and closes the socket. */
	fail(error: RelayError): void;
}

export class Fanout {
	private readonly offices = new Map<string, Set<OfficePeer>>();

	join(officeId: string, peer: OfficePeer): void {
		let peers = this.offices.get(officeId);
		if (!peers) {
			peers = new Set();
			this.offices.set(officeId, peers);
		}
		peers.add(peer);
	}

	leave(officeId: string, peer: OfficePeer): void {
		const peers = this.offices.get(officeId);
		if (!peers) return;
		peers.delete(peer);
		if (peers.size === 0) this.offices.delete(officeId);
	}

	/** READY sockets of the office. */
	count(officeId: string): number {
		return this.offices.get(officeId)?.size ?? 0;
	}

	/** Forwards an item frame to every socket of the office but the writer's; returns how many. */
	publish(officeId: string, from: OfficePeer, docId: string, frame: Buffer): number {
		let sent = 0;
		for (const peer of this.offices.get(officeId) ?? []) {
			if (peer === from) continue;
			peer.deliver(docId, frame);
			sent += 1;
		}
		return sent;
	}

	/** Offers a pending snapshot to the sockets of every device but its writer; returns how many. */
	offer(officeId: string, writerKey: number, frame: Buffer): number {
		let sent = 0;
		for (const peer of this.offices.get(officeId) ?? []) {
			if (peer.deviceKey !== writerKey && peer.offer(frame)) sent += 1;
		}
		return sent;
	}

	/** Sends a frame to every READY socket of one device. */
	toDevice(officeId: string, deviceId: string, frame: Buffer): number {
		let sent = 0;
		for (const peer of this.offices.get(officeId) ?? []) {
			if (peer.deviceId !== deviceId) continue;
			peer.send(frame);
			sent += 1;
		}
		return sent;
	}

	/** Sends a frame to every READY socket of the office. */
	broadcast(officeId: string, frame: Buffer): void {
		for (const peer of this.offices.get(officeId) ?? []) peer.send(frame);
	}

	/** Closes every socket of one device with a fatal error (after revocation). */
	expel(officeId: string, deviceId: string, error: RelayError): number {
		const peers = [...(this.offices.get(officeId) ?? [])].filter((p) => p.deviceId === deviceId);
		for (const peer of peers) peer.fail(error);
		return peers.length;
	}
}
