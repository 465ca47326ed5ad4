/**
 * What hosting and joining share: one transport, messages handled strictly one at a time and in
 * order, one deadline, and one way to end — done, or failed with a message. A session that ended
 * never moves again; whatever arrives afterwards is ignored.
 */
import { asPairingError, PairingError, type PairingFailure } from './errors';
import { decodeMessage, encodeMessage, type PairingMessage } from './messages';
import { Observable, type Readable } from './observable';
import type { PairingTransport } from './transport';

/** Ten minutes: how long the relay keeps a pairing mailbox. */
export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

export type Failed = { status: 'failed'; failure: PairingFailure; message: string };

/**
 * A session whose progress states are P; it can always end as Failed.
 */
export abstract class PairingSession<P extends { status: string }> implements Readable<P | Failed> {
	/** Resolves with the final state, done or failed. */
	readonly settled: Promise<P | Failed>;
	readonly #state: Observable<P | Failed>;
	#resolve!: (state: P | Failed) => void;
	#transport: PairingTransport | null = null;
	#unsubscribe: (() => void)[] = [];
	#inbox: Promise<void> = Promise.resolve();
	readonly #timers: ReturnType<typeof setTimeout>[] = [];
	#over = false;
	#peerSeen = false;

	constructor(initial: P, timeoutMs: number) {
		this.#state = new Observable<P | Failed>(initial);
		this.settled = new Promise((resolve) => (this.#resolve = resolve));
		this.after(timeoutMs, () => this.fail(new PairingError('timeout')));
	}

	get state(): P | Failed {
		return this.#state.value;
	}

	subscribe(run: (value: P | Failed) => void): () => void {
		return this.#state.subscribe(run);
	}

	/** Stops the pairing; the other side is told. */
	cancel(): void {
		this.fail(new PairingError('cancelled'));
	}

	/** Whether the session has ended, successfully or not. */
	protected get over(): boolean {
		return this.#over;
	}

	/** Handles one message from the other side; throwing fails the session. */
	protected abstract handle(message: PairingMessage): Promise<void>;

	/** The other side is there (the relay said so, or it said so itself). */
	protected abstract peerArrived(): void;

	protected setState(state: P): void {
		if (!this.#over) this.#state.set(state);
	}

	/** Runs callback after ms unless the session has ended by then. */
	protected after(ms: number, callback: () => void): void {
		this.#timers.push(setTimeout(() => this.#over || callback(), ms));
	}

	/** Connects the transport; from now on messages and presence reach this session. */
	protected attach(transport: PairingTransport): void {
		if (this.#over) return transport.close();
		this.#transport = transport;
		// Presence goes through the same queue as messages: a peer that sends `done` and leaves
		// must be seen to do it in that order.
		this.#unsubscribe = [
			transport.onMessage((payload) => this.#enqueue(() => this.#receive(payload))),
			transport.onPeer((present) =>
				this.#enqueue(() => {
					// The relay tells the first to arrive that nobody is there yet; that is no loss.
					if (present) this.peerArrived();
					else if (this.#peerSeen) this.fail(new PairingError('peer-left'), false);
					this.#peerSeen ||= present;
				})
			),
			transport.onClose(() => this.#enqueue(() => this.fail(new PairingError('connection'), false)))
		];
	}

	protected send(message: PairingMessage): void {
		if (!this.#over) this.#transport?.send(encodeMessage(message));
	}

	/** Ends successfully; the transport closes after what was sent has gone out. */
	protected finish(state: P): void {
		if (this.#over) return;
		this.#state.set(state);
		this.#end(state);
	}

	/** Ends with a failure, telling the other side why unless it is the one that left or gave up. */
	protected fail(error: unknown, tellPeer = true, fallback: PairingFailure = 'failed'): void {
		if (this.#over) return;
		const failure = asPairingError(error, fallback);
		if (tellPeer) this.send({ t: 'abort', reason: failure.abortReason });
		const state: Failed = { status: 'failed', failure: failure.failure, message: failure.message };
		this.#state.set(state);
		this.#end(state);
	}

	/** Runs work, failing the session with `fallback` (or its PairingError) if it throws. */
	protected async guard(work: () => Promise<void>, fallback: PairingFailure): Promise<void> {
		try {
			await work();
		} catch (error) {
			this.fail(error, true, fallback);
		}
	}

	#enqueue(event: () => void | Promise<void>): void {
		this.#inbox = this.#inbox
			.then(() => (this.#over ? undefined : event()))
			.catch((error: unknown) => this.fail(error));
	}

	async #receive(payload: Uint8Array): Promise<void> {
		this.#peerSeen = true;
		const message = decodeMessage(payload);
		if (message === null) return this.fail(new PairingError('tampered'));
		if (message.t === 'abort') {
			return this.fail(new PairingError(message.reason, { fromPeer: true }), false);
		}
		await this.guard(() => this.handle(message), 'tampered');
	}

	#end(state: P | Failed): void {
		this.#over = true;
		for (const timer of this.#timers) clearTimeout(timer);
		for (const unsubscribe of this.#unsubscribe) unsubscribe();
		this.#transport?.close();
		this.#resolve(state);
	}
}
