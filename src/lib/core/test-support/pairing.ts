/**
 * Pairing in tests: wires between host and joiner that record or tamper with what passes, waiting
 * for a session to reach a state, and a look at everything a database holds.
 */
import { decodeMessage, encodeMessage, type PairingMessage } from '../pairing/messages';
import type { Readable } from '../pairing/observable';
import { memoryTransportPair, type PairingTransport } from '../pairing/transport';
import type { OfficeDatabase } from '../storage/db';

export type Direction = 'to-host' | 'to-joiner';

/** Rewrites (or, returning null, drops) a message on its way; return it unchanged to pass it on. */
export type Tamper = (
	message: PairingMessage,
	direction: Direction,
	raw: Uint8Array
) => Uint8Array | PairingMessage | null;

export interface Wire {
	host: PairingTransport;
	joiner: PairingTransport;
	/** Every message that left either side, decoded, in order. */
	sent: { direction: Direction; message: PairingMessage }[];
	/** The type of every message sent, in order. */
	types(direction?: Direction): string[];
}

/** Host and joiner joined by a wire in memory that records, and optionally tampers with, traffic. */
export function wire(tamper?: Tamper): Wire {
	const [host, hostSide] = memoryTransportPair();
	const [joinerSide, joiner] = memoryTransportPair();
	const sent: Wire['sent'] = [];
	const relay = (from: PairingTransport, to: PairingTransport, direction: Direction) => {
		from.onMessage((raw) => {
			const message = decodeMessage(raw);
			if (message) sent.push({ direction, message });
			const out = message && tamper ? tamper(message, direction, raw) : raw;
			if (out === null) return;
			to.send(out instanceof Uint8Array ? out : encodeMessage(out));
		});
		from.onPeer((present) => {
			if (!present) to.close();
		});
	};
	relay(hostSide, joinerSide, 'to-joiner');
	relay(joinerSide, hostSide, 'to-host');
	return {
		host,
		joiner,
		sent,
		types: (direction) =>
			sent
				.filter((s) => direction === undefined || s.direction === direction)
				.map((s) => s.message.t)
	};
}

/** Resolves with the state once it has the given status; rejects if the session fails first. */
export function reach<S extends { status: string }, K extends S['status']>(
	session: Readable<S>,
	status: K
): Promise<Extract<S, { status: K }>> {
	return new Promise((resolve, reject) => {
		let done = false;
		// subscribe calls back at once, before it has returned the unsubscribe.
		const stops: (() => void)[] = [];
		const stopAll = () => stops.forEach((stop) => stop());
		stops.push(
			session.subscribe((state) => {
				if (done) return;
				if (state.status === status) resolve(state as Extract<S, { status: K }>);
				else if (state.status === 'failed') reject(new Error(`Failed: ${JSON.stringify(state)}`));
				else return;
				done = true;
				stopAll();
			})
		);
		if (done) stopAll();
	});
}

/** Every status a session passes through, in order. */
export function statuses(session: Readable<{ status: string }>): string[] {
	const seen: string[] = [];
	session.subscribe((state) => seen.push(state.status));
	return seen;
}

/** Row counts of every table: what a test checks to say "nothing was written". */
export async function rowCounts(db: OfficeDatabase): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of db.tables) counts[table.name] = await table.count();
	return counts;
}

/** A pause long enough for any message in flight to arrive. */
export function settle(ms = 50): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
