/**
 * Makes a core table or list readable reactively from Svelte: reading `.version` inside an effect
 * or template subscribes to the source's change notices, and Svelte re-runs what depends on it.
 */
import { createSubscriber } from 'svelte/reactivity';

interface Subscribable {
	subscribe(listener: () => void): () => void;
}

/** A reactive view of a subscribable source. */
export class Live<S extends Subscribable> {
	readonly #subscribe: () => void;
	#version = 0;

	constructor(readonly source: S) {
		this.#subscribe = createSubscriber((update) =>
			source.subscribe(() => {
				this.#version++;
				update();
			})
		);
	}

	/** Read this (e.g. in $derived) to depend on the source. */
	get version(): number {
		this.#subscribe();
		return this.#version;
	}

	/** The source, after subscribing the caller to its changes. */
	get current(): S {
		this.#subscribe();
		return this.source;
	}
}
