/**
 * Pairing mailboxes. A new device and an enrolled one meet in a mailbox named by a hash of the
 * pairing code (64 hex characters) and exchange opaque, end-to-end-encrypted PAIR_MSG payloads
 * through it. A mailbox holds at most two sockets and lives at most `ttlMs` from its creation;
 * it is dropped when its last member leaves. A socket is in at most one mailbox.
 *
 * Unauthenticated sockets may use mailboxes; such a socket lives until its mailbox expires.
 */
import { RelayError } from './errors';
import type { Logger } from './log';
import { encodeFrame, MSG } from './protocol';

export interface PairPeer {
	/** The mailbox this socket is in, kept by Pairing. */
	mailbox: string | undefined;
	send(frame: Buffer): void;
	/** Called when the socket's mailbox expired (it is no longer in it). */
	mailboxExpired(): void;
}

interface Mailbox {
	members: PairPeer[];
	timer: NodeJS.Timeout;
}

const peerFrame = (mailbox: string, present: boolean) =>
	encodeFrame(MSG.PAIR_PEER, { mailbox, present });

export class Pairing {
	private readonly boxes = new Map<string, Mailbox>();

	constructor(
		private readonly ttlMs: number,
		private readonly log: Logger
	) {}

	/** Puts the socket in the mailbox (leaving any other) and tells both sides who is there. */
	open(peer: PairPeer, id: string): void {
		if (peer.mailbox === id) {
			const box = this.boxes.get(id);
			peer.send(peerFrame(id, (box?.members.length ?? 0) > 1));
			return;
		}
		const existing = this.boxes.get(id);
		if (existing && existing.members.length >= 2) {
			throw new RelayError('mailbox-full', 'this mailbox already has two members');
		}
		this.leave(peer);
		const box = existing ?? this.create(id);
		box.members.push(peer);
		peer.mailbox = id;
		const other = box.members.find((member) => member !== peer);
		if (other) other.send(peerFrame(id, true));
		peer.send(peerFrame(id, other !== undefined));
	}

	/** Forwards a payload to the other member of the sender's mailbox. */
	forward(peer: PairPeer, id: string, payload: Buffer): void {
		if (peer.mailbox !== id) throw new RelayError('not-in-mailbox', 'open this mailbox first');
		const other = this.boxes.get(id)?.members.find((member) => member !== peer);
		if (!other) throw new RelayError('no-peer', 'nobody else is in this mailbox yet');
		other.send(encodeFrame(MSG.PAIR_MSG, { mailbox: id }, payload));
	}

	/** Takes the socket out of its mailbox, telling the other member. */
	leave(peer: PairPeer): void {
		const id = peer.mailbox;
		if (id === undefined) return;
		peer.mailbox = undefined;
		const box = this.boxes.get(id);
		if (!box) return;
		box.members = box.members.filter((member) => member !== peer);
		if (box.members.length === 0) {
			clearTimeout(box.timer);
			this.boxes.delete(id);
			return;
		}
		for (const member of box.members) member.send(peerFrame(id, false));
	}

	get size(): number {
		return this.boxes.size;
	}

	/** Drops every mailbox (shutdown). */
	close(): void {
		for (const box of this.boxes.values()) clearTimeout(box.timer);
		this.boxes.clear();
	}

	private create(id: string): Mailbox {
		const box: Mailbox = { members: [], timer: setTimeout(() => this.expire(id), this.ttlMs) };
		this.boxes.set(id, box);
		this.log('mailbox-open', { mailbox: id });
		return box;
	}

	private expire(id: string): void {
		const box = this.boxes.get(id);
		if (!box) return;
		this.boxes.delete(id);
		this.log('mailbox-expired', { mailbox: id, count: box.members.length });
		for (const member of box.members) {
			member.mailbox = undefined;
			member.mailboxExpired();
		}
	}
}
