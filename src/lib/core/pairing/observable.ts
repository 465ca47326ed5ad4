/**
 * A value that changes over time, readable the Svelte store way (`$session` in a component):
 * subscribe calls back at once with the current value, then on every change.
 */
export interface Readable<T> {
	subscribe(run: (value: T) => void): () => void;
}

export class Observable<T> implements Readable<T> {
	#value: T;
	readonly #subscribers = new Set<(value: T) => void>();

	constructor(initial: T) {
		this.#value = initial;
	}

	get value(): T {
		return this.#value;
	}

	set(value: T): void {
		this.#value = value;
		for (const run of [...this.#subscribers]) run(value);
	}

	subscribe(run: (value: T) => void): () => void {
		this.#subscribers.add(run);
		run(this.#value);
		return () => this.#subscribers.delete(run);
	}
}
