/**
 * The link of a sealed item: which key sealed it, and where it stands in its writer's chain.
 *
 * Every update a device writes to a document is numbered (`chainSeq`, 1, 2, 3, … per device and
 * document) and names the hash of the device's previous update there (`prev`), so a receiver can
 * tell when one is missing — held back by the relay, say — and the writer cannot tell two devices
 * two different stories. `authSeq` is how far the writer's own chain in the people document had
 * got: a receiver that has less of it knows people or keys changes are missing. `at` is the
 * writer's clock (when a device was last heard from). A snapshot instead carries `heads`: the
 * chain position of every device whose updates it folds in.
 *
 * The link travels as one text (the relay stores and signs it without reading it) and is bound
 * into the item's associated data, so it cannot be changed without the item failing to open.
 * An empty link marks an item sealed before links existed.
 */
import { toBase64Url } from '../crypto/key-id';

export interface ChainHead {
	deviceId: string;
	seq: number;
	/** Short hash (itemHash) of that device's update at `seq`. */
	hash: string;
}

export interface ItemLink {
	/** Id of the key that sealed the item (key-id.ts). */
	keyId: string;
	/** Position in the writer's chain for this document; 0 for items outside it (snapshots). */
	chainSeq: number;
	/** itemHash of the writer's previous update in this document; '' for the first. */
	prev: string;
	/** The writer's own chain position in the people document when it sealed this. */
	authSeq: number;
	/** The writer's clock, ms since 1970. */
	at: number;
	/** For snapshots: the chains folded in. */
	heads: ChainHead[];
}

const VERSION = '2';
const ID = /^[A-Za-z0-9_-]{0,64}$/;
const HASH = /^[A-Za-z0-9_-]{0,22}$/;

/** A link that names only a key (projection caches, local snapshots before sync, files). */
export function keyOnlyLink(keyId: string, at = Date.now()): ItemLink {
	return { keyId, chainSeq: 0, prev: '', authSeq: 0, at, heads: [] };
}

/** The text form: `2.<keyId>.<chainSeq>.<prev>.<authSeq>.<at>.<device:seq:hash,…>`. */
export function encodeLink(link: ItemLink): string {
	const heads = [...link.heads]
		.sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0))
		.map((head) => `${head.deviceId}:${head.seq}:${head.hash}`)
		.join(',');
	return [VERSION, link.keyId, link.chainSeq, link.prev, link.authSeq, link.at, heads].join('.');
}

/** Reads a link; null for the empty link of older items or anything malformed. */
export function parseLink(text: string | undefined): ItemLink | null {
	if (!text) return null;
	const parts = text.split('.');
	if (parts.length !== 7 || parts[0] !== VERSION) return null;
	const [, keyId, chainSeq, prev, authSeq, at, heads] = parts;
	const numbers = [chainSeq, authSeq, at].map(Number);
	if (!ID.test(keyId) || !HASH.test(prev) || !numbers.every(Number.isSafeInteger)) return null;
	const parsedHeads: ChainHead[] = [];
	for (const entry of heads ? heads.split(',') : []) {
		const [deviceId, seq, hash, extra] = entry.split(':');
		const n = Number(seq);
		if (
			extra !== undefined ||
			!ID.test(deviceId) ||
			!HASH.test(hash ?? '') ||
			!Number.isSafeInteger(n)
		) {
			return null;
		}
		parsedHeads.push({ deviceId, seq: n, hash });
	}
	return {
		keyId,
		chainSeq: numbers[0],
		prev,
		authSeq: numbers[1],
		at: numbers[2],
		heads: parsedHeads
	};
}

/**
 * The short hash chains use for an item: SHA-256 of its link, nonce and ciphertext, first 16
 * bytes, base64url — what the next item's `prev` names.
 */
export async function itemHash(sealed: {
	link?: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
}): Promise<string> {
	const link = new TextEncoder().encode(sealed.link ?? '');
	const bytes = new Uint8Array(link.length + sealed.nonce.length + sealed.ciphertext.length);
	bytes.set(link);
	bytes.set(sealed.nonce, link.length);
	bytes.set(sealed.ciphertext, link.length + sealed.nonce.length);
	const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
	return toBase64Url(digest.subarray(0, 16));
}
