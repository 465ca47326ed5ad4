/**
 * Checking what the relay hands on. Every item, snapshot and blob carries its writer's device
 * signature (over the v2 text, or the v1 text for rows a v1 relay stored). The relay checked it
 * against the key it holds for the device; a receiver checks it again against the key the
 * office's own chain of authority lists, so a relay that forges, alters or re-labels an item —
 * or enrols a device of its own — gets nothing applied here.
 *
 * `ItemTrust` answers per device: a key (verify with it), `null` (the office does not list the
 * device, yet: hold what it wrote), or `undefined` (this device has no chain of authority — an
 * office not migrated yet: accept unverified, as protocol v1 did). A device the office removed
 * keeps its key for its history: what it says it wrote after its removal is held instead. (Its
 * clock is its own word; the relay refusing it once a manager's device connects is what stops
 * a thief who backdates.)
 */
import { asBuffer, fromBase64, toHex } from '../bytes';
import { parseLink } from '../documents/item-link';
import {
	blobText,
	itemText,
	type BlobFacts,
	type ItemFacts,
	type SignatureVersion
} from './signing-text';

export interface ItemTrust {
	/** The device's raw Ed25519 public key; null: not listed (yet); undefined: no authority here. */
	deviceKey(deviceId: string): Uint8Array | null | undefined;
	/** When the office removed the device (ms since 1970), or null while it belongs. */
	removedAt?(deviceId: string): number | null;
}

/** What a signature check says: apply it, or hold it and why. */
export type Verdict = 'ok' | 'unknown-device' | 'removed-device' | 'bad-signature';

/** Verifies signatures against the trust of the moment, importing each device key once. */
export class SignatureCheck {
	readonly #keys = new Map<string, Promise<CryptoKey | null>>();

	constructor(private readonly trust: () => ItemTrust | undefined) {}

	/** Whether the item's signature is its device's (an UPDATES item or an offered snapshot). */
	item(
		deviceId: string,
		facts: ItemFacts,
		ciphertext: Uint8Array,
		signature: string,
		v: SignatureVersion
	): Promise<Verdict> {
		return this.#check(deviceId, () => itemText(facts, ciphertext, v), signature).then((verdict) =>
			verdict === 'ok' && this.#writtenAfterRemoval(deviceId, facts.link)
				? 'removed-device'
				: verdict
		);
	}

	/** Items without a link predate links, and so the removal. */
	#writtenAfterRemoval(deviceId: string, link: string): boolean {
		const removedAt = this.trust()?.removedAt?.(deviceId) ?? null;
		if (removedAt === null) return false;
		const at = parseLink(link)?.at;
		return at !== undefined && at > removedAt;
	}

	/** Whether the blob's signature is its device's. */
	blob(
		deviceId: string,
		facts: BlobFacts,
		ciphertext: Uint8Array,
		signature: string,
		v: SignatureVersion
	): Promise<Verdict> {
		return this.#check(deviceId, () => blobText(facts, ciphertext, v), signature);
	}

	async #check(deviceId: string, text: () => Uint8Array, signature: string): Promise<Verdict> {
		const trust = this.trust();
		const raw = trust?.deviceKey(deviceId);
		if (raw === undefined) return 'ok';
		if (raw === null) return 'unknown-device';
		const key = await this.#import(raw);
		if (!key) return 'bad-signature';
		try {
			const valid = await globalThis.crypto.subtle.verify(
				'Ed25519',
				key,
				fromBase64(signature),
				asBuffer(text())
			);
			return valid ? 'ok' : 'bad-signature';
		} catch {
			// A signature that is not even 64 bytes of base64 vouches for nothing.
			return 'bad-signature';
		}
	}

	#import(raw: Uint8Array): Promise<CryptoKey | null> {
		const name = toHex(raw);
		let key = this.#keys.get(name);
		if (!key) {
			key = globalThis.crypto.subtle
				.importKey('raw', asBuffer(raw), 'Ed25519', false, ['verify'])
				.catch(() => null);
			this.#keys.set(name, key);
		}
		return key;
	}
}
