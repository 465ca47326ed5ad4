/**
 * Answering the relay's pending snapshots (docs/sync-protocol.md, "Compaction at the relay"). The
 * relay cannot tell a document state from random bytes; the devices can, and the relay deletes
 * what a snapshot covers only once another device confirmed that it opens.
 *
 * An offered snapshot whose device signature verifies (item-verify.ts), that decrypts with this
 * person's keys and decodes as a Yjs update is confirmed. One that does not decrypt, or whose
 * signature does not verify, is disputed — the relay drops it and keeps the items — and its
 * document is named in the status until a later snapshot of it opens here. One this device cannot
 * judge gets no answer and stays pending for the others (offered here again on the next
 * SUBSCRIBE): no key of its area, its device not listed yet, or no one signed in.
 */
import * as Y from 'yjs';
import { fromBase64 } from '../bytes';
import { DecryptionError } from '../crypto/errors';
import { parseDocumentId } from '../documents/document-id';
import { itemFacts } from './held-items';
import type { SignatureCheck } from './item-verify';
import type { ClientMessage, SnapshotOfferHeader } from './messages';
import type { SnapshotSource } from './relay-snapshots';

export type OfferAnswer = 'confirm' | 'dispute' | null;

/** Whether the offered snapshot opens here: confirm, dispute, or no answer (null). */
export async function judgeOffer(
	offer: SnapshotOfferHeader,
	payload: Uint8Array,
	source: SnapshotSource | undefined,
	check: SignatureCheck
): Promise<OfferAnswer> {
	if (!source) return null;
	const { docId, deviceId, epoch, nonce, signature, link, v } = offer;
	const facts = itemFacts(docId, { ...offer, kind: 'snapshot' }, nonce);
	const verdict = await check.item(deviceId, facts, payload, signature, v);
	if (verdict === 'unknown-device') return null;
	// A removed device compacts nothing (its snapshot would fold what it wrote after removal).
	if (verdict === 'bad-signature' || verdict === 'removed-device') return 'dispute';
	let state: Uint8Array;
	try {
		const { area } = parseDocumentId(docId);
		const sealed = { epoch, deviceId, nonce: fromBase64(nonce), ciphertext: payload, link };
		state = await source.cipher.open(docId, area, sealed);
	} catch (error) {
		// A missing key says nothing about the snapshot; altered or foreign bytes do.
		return error instanceof DecryptionError ? 'dispute' : null;
	}
	const scratch = new Y.Doc();
	try {
		Y.applyUpdate(scratch, state);
		return 'confirm';
	} catch {
		return 'dispute';
	} finally {
		scratch.destroy();
	}
}

/** Answers offers and remembers the documents whose last offered snapshot did not open. */
export class SnapshotOffers {
	readonly #disputed = new Set<string>();

	constructor(
		private readonly check: SignatureCheck,
		/** The disputed documents changed. */
		private readonly onDisputed: (docIds: string[]) => void
	) {}

	get disputed(): string[] {
		return [...this.#disputed];
	}

	/** Judges one offer and sends the answer, if any. */
	async answer(
		offer: SnapshotOfferHeader,
		payload: Uint8Array,
		source: SnapshotSource | undefined,
		send: (message: ClientMessage) => boolean
	): Promise<OfferAnswer> {
		const answer = await judgeOffer(offer, payload, source, this.check);
		if (!answer) return null;
		const { docId, covers, nonce } = offer;
		const type = answer === 'confirm' ? 'SNAPSHOT_CONFIRM' : 'SNAPSHOT_DISPUTE';
		send({ type, header: { docId, covers, nonce } });
		const before = this.#disputed.size;
		if (answer === 'confirm') this.#disputed.delete(docId);
		else this.#disputed.add(docId);
		if (this.#disputed.size !== before) this.onDisputed(this.disputed);
		return answer;
	}
}
