/**
 * Re-encrypting after a key rotation, as the app runs it: a rotation (people/admin.ts) leaves
 * the rotated areas' stored documents under old keys; this runner gives each a fresh snapshot
 * under the new epoch, here and at the relay (core/keys/rotation-job.ts), showing progress. The
 * job is stored, so a closed tab or a crash resumes it at the next sign-in of someone who holds
 * every rotated area's key (a manager); documents the relay could not take yet (offline) are
 * retried on the next run.
 */
import {
	readRotationJob,
	runReencryption,
	startReencryption,
	type RotationJob
} from '$lib/core/keys/rotation-job';
import type { Workspace } from '$lib/core/session/workspace';
import { officeSync } from './office-sync.svelte';

const RETRY_MS = 30_000;

class RotationRunner {
	#job = $state.raw<RotationJob | null>(null);
	#running = $state(false);
	#error = $state('');
	#workspace: Workspace | null = null;
	#abort: AbortController | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;

	/** The job in progress (or waiting for the relay), if any. */
	get job(): RotationJob | null {
		return this.#job;
	}

	get running(): boolean {
		return this.#running;
	}

	/** Why the last run stopped early, in words; empty when it did not. */
	get error(): string {
		return this.#error;
	}

	/** Resumes a stored job for the person who just signed in. */
	attach(workspace: Workspace): void {
		this.detach();
		this.#workspace = workspace;
		void readRotationJob(workspace.db).then((job) => {
			// Only someone holding every rotated area's new key can seal its documents.
			if (!job || !job.areas.every((area) => workspace.keys.keyring.has(area))) return;
			this.#job = job;
			void this.#run();
		});
	}

	/** Stops at the next document (sign-out); the stored job resumes later. */
	detach(): void {
		this.#abort?.abort();
		this.#abort = null;
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
		this.#workspace = null;
	}

	/** Re-encrypts the stored documents of these areas (after their keys rotated). */
	async reencrypt(areas: string[]): Promise<void> {
		const workspace = this.#workspace;
		if (!workspace || areas.length === 0) return;
		this.#job = await startReencryption(workspace.db, areas);
		await this.#run();
	}

	async #run(): Promise<void> {
		const workspace = this.#workspace;
		if (!workspace || this.#running) return;
		this.#running = true;
		this.#error = '';
		const abort = (this.#abort = new AbortController());
		try {
			this.#job = await runReencryption(workspace.db, workspace.documents, {
				reseal: officeSync.enabled ? (docId) => officeSync.reseal(docId) : undefined,
				onProgress: (job) => (this.#job = job),
				signal: abort.signal
			});
		} catch (error) {
			if (!abort.signal.aborted)
				this.#error = error instanceof Error ? error.message : String(error);
		} finally {
			this.#running = false;
		}
		// Documents the relay could not take yet: try again while someone stays signed in.
		if (this.#job && this.#workspace === workspace && !abort.signal.aborted)
			this.#retry = setTimeout(() => void this.#run(), RETRY_MS);
	}
}

export const rotation = new RotationRunner();
