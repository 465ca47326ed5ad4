/**
 * The keys a signed-in person holds, in memory only: per area, one key per epoch — or a few,
 * when two managers made keys for the same epoch offline, told apart by their key ids. Data is
 * written with the newest key (highest epoch, then highest key id, as every device orders them)
 * and read with whichever key its link names. A writer never writes under a key it knows is not
 * the newest: when the office has a newer key the person has not received yet, writing waits
 * (StaleKeyError) rather than sealing data for people who may have lost the area.
 */

export interface KeyRef {
	epoch: number;
	keyId: string;
}

export class MissingKeyError extends Error {
	override name = 'MissingKeyError';
	/** `epoch` undefined: no key of the area is held at all, not just this one epoch. */
	constructor(
		readonly area: string,
		readonly epoch?: number
	) {
		super(
			epoch === undefined
				? `You do not hold the key for "${area}" on this device.`
				: `You do not hold key ${epoch} for "${area}" on this device.`
		);
	}
}

/** The office has a newer key for the area than this person holds yet. */
export class StaleKeyError extends Error {
	override name = 'StaleKeyError';
	constructor(readonly area: string) {
		super(
			'The keys for this part of the office were just changed and the new one has not reached you yet. Your change is kept on screen; try again in a moment, or ask an office manager to sign in.'
		);
	}
}

/** Orders keys as every device does: higher epoch, then higher key id. */
export function compareKeyRefs(a: KeyRef, b: KeyRef): number {
	return a.epoch - b.epoch || (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0);
}

export class AreaKeyring {
	readonly #keys = new Map<string, Map<string, { ref: KeyRef; key: CryptoKey }>>();
	#newestKnown: ((area: string) => KeyRef | null) | null = null;

	/** Adds one key of an area. */
	add(area: string, ref: KeyRef, key: CryptoKey): void {
		let keys = this.#keys.get(area);
		if (!keys) this.#keys.set(area, (keys = new Map<string, { ref: KeyRef; key: CryptoKey }>()));
		keys.set(`${ref.epoch}|${ref.keyId}`, { ref: { epoch: ref.epoch, keyId: ref.keyId }, key });
	}

	/** Tells the keyring which key the office says is newest per area (see the header). */
	followNewest(newestKnown: ((area: string) => KeyRef | null) | null): void {
		this.#newestKnown = newestKnown;
	}

	/** The newest key of an area, used for writing. */
	current(area: string): KeyRef & { key: CryptoKey } {
		const keys = this.#keys.get(area);
		if (!keys || keys.size === 0) throw new MissingKeyError(area);
		let newest: { ref: KeyRef; key: CryptoKey } | undefined;
		for (const entry of keys.values()) {
			if (!newest || compareKeyRefs(entry.ref, newest.ref) > 0) newest = entry;
		}
		const known = this.#newestKnown?.(area);
		if (known && compareKeyRefs(known, newest!.ref) > 0) throw new StaleKeyError(area);
		return { ...newest!.ref, key: newest!.key };
	}

	/**
	 * The key of an epoch (and key id) of an area, used for reading. Without a key id (items
	 * sealed before key ids) any key of the epoch is returned: then there was only one.
	 */
	get(area: string, epoch: number, keyId?: string): CryptoKey {
		const keys = this.#keys.get(area);
		if (keyId !== undefined) {
			const entry = keys?.get(`${epoch}|${keyId}`);
			if (entry) return entry.key;
		} else {
			for (const entry of keys?.values() ?? []) if (entry.ref.epoch === epoch) return entry.key;
		}
		throw new MissingKeyError(area, epoch);
	}

	/** Whether this key of the area is held. */
	hasKey(area: string, ref: KeyRef): boolean {
		return this.#keys.get(area)?.has(`${ref.epoch}|${ref.keyId}`) ?? false;
	}

	/** Whether any key of the area is held. */
	has(area: string): boolean {
		return (this.#keys.get(area)?.size ?? 0) > 0;
	}

	/** The areas a key is held for. */
	areas(): string[] {
		return [...this.#keys.keys()];
	}

	/** Forgets every key (sign-out, auto-lock). */
	clear(): void {
		this.#keys.clear();
		this.#newestKnown = null;
	}
}
