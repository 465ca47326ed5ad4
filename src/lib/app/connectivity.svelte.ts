/**
 * What the status indicator tells: whether this device is online, and how many local changes no
 * relay has acknowledged yet. Until a relay is set up every change is local-only, and the
 * indicator says so rather than pretending to sync.
 */
import type { Workspace } from '$lib/core/session/workspace';

class Connectivity {
	#online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	#unsynced = $state(0);
	#relayConfigured = $state(false);
	#timer: ReturnType<typeof setInterval> | null = null;

	get online(): boolean {
		return this.#online;
	}

	get unsynced(): number {
		return this.#unsynced;
	}

	get relayConfigured(): boolean {
		return this.#relayConfigured;
	}

	/** Starts following the browser's online state; returns a stop function. */
	watchNetwork(): () => void {
		const update = () => (this.#online = navigator.onLine);
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		update();
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		};
	}

	/** Counts unsynced changes of the open workspace now and every few seconds. */
	watchWorkspace(workspace: Workspace): () => void {
		const refresh = () => {
			if (workspace.closed) return;
			workspace.documents.unsyncedCount().then(
				(count) => (this.#unsynced = count),
				() => undefined
			);
		};
		refresh();
		this.#timer = setInterval(refresh, 3000);
		return () => {
			if (this.#timer) clearInterval(this.#timer);
			this.#timer = null;
		};
	}

	/** Call after a change was saved, so the count moves at once. */
	changed(workspace: Workspace): void {
		workspace.documents.unsyncedCount().then(
			(count) => (this.#unsynced = count),
			() => undefined
		);
	}
}

export const connectivity = new Connectivity();
