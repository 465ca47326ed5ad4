/**
 * The area keys a signed-in person holds, in memory only. Each area has numbered epochs: data is
 * written with the newest epoch's key, and older epochs stay readable until their data is
 * re-encrypted (key rotation, when someone leaves).
 */

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

export class AreaKeyring {
	readonly #keys = new Map<string, Map<number, CryptoKey>>();

	/** Adds the key of one epoch of an area. */
	add(area: string, epoch: number, key: CryptoKey): void {
		let epochs = this.#keys.get(area);
		if (!epochs) this.#keys.set(area, (epochs = new Map<number, CryptoKey>()));
		epochs.set(epoch, key);
	}

	/** The newest key of an area, used for writing. */
	current(area: string): { epoch: number; key: CryptoKey } {
		const epochs = this.#keys.get(area);
		if (!epochs || epochs.size === 0) throw new MissingKeyError(area);
		const epoch = Math.max(...epochs.keys());
		return { epoch, key: epochs.get(epoch)! };
	}

	/** The key of a given epoch of an area, used for reading. */
	get(area: string, epoch: number): CryptoKey {
		const key = this.#keys.get(area)?.get(epoch);
		if (!key) throw new MissingKeyError(area, epoch);
		return key;
	}

	/** Whether the key of one epoch of an area is held. */
	hasEpoch(area: string, epoch: number): boolean {
		return this.#keys.get(area)?.has(epoch) ?? false;
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
	}
}
