// Every indexed phone number in one string, so that digits typed anywhere in a number are found
// with String.indexOf over a few hundred kilobytes instead of a loop over every patient:
//   '2175550101|3125550123|----------|7735550199|…'
// Each number takes a fixed-width slot (10 digits + '|'), so a match's position gives its slot
// and the slot its owner. A removed number leaves a dashed slot for reuse. The string is rebuilt
// from the slots at the first search after a change.

const WIDTH = 11;
const EMPTY = '----------|';

/** Phone numbers (10 digits each) of many owners, searchable by any run of digits. */
export class PhoneText<E> {
	readonly #slots: string[] = [];
	readonly #owners: (E | undefined)[] = [];
	readonly #free: number[] = [];
	readonly #slotsOf = new Map<E, number[]>();
	#text: string | null = '';

	/** Files `owner`'s numbers (each exactly 10 digits). */
	add(owner: E, phones: readonly string[]): void {
		if (phones.length === 0) return;
		const taken = phones.map((phone) => {
			const slot = this.#free.pop() ?? this.#slots.length;
			this.#slots[slot] = `${phone}|`;
			this.#owners[slot] = owner;
			return slot;
		});
		this.#slotsOf.set(owner, taken);
		this.#text = null;
	}

	/** Forgets `owner`'s numbers. */
	remove(owner: E): void {
		const taken = this.#slotsOf.get(owner);
		if (!taken) return;
		for (const slot of taken) {
			this.#slots[slot] = EMPTY;
			this.#owners[slot] = undefined;
			this.#free.push(slot);
		}
		this.#slotsOf.delete(owner);
		this.#text = null;
	}

	/** Owners with a number containing `digits` (an owner may appear once per matching number). */
	find(digits: string): E[] {
		if (!/^\d+$/.test(digits)) return [];
		this.#text ??= this.#slots.join('');
		const found: E[] = [];
		for (let at = this.#text.indexOf(digits); at >= 0; at = this.#text.indexOf(digits, at + 1)) {
			const owner = this.#owners[Math.floor(at / WIDTH)];
			if (owner !== undefined) found.push(owner);
		}
		return found;
	}
}
