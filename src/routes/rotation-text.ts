/**
 * What the re-encryption panel says. A finished job is gone from storage (rotation-job.ts), so
 * "Done" is told from the last job the panel saw while nothing runs any more.
 */
import type { RotationJob } from '$lib/core/keys/rotation-job';

export interface RotationState {
	job: RotationJob | null;
	running: boolean;
	error: string;
	/** The last job seen, kept after it finished. */
	last: RotationJob | null;
}

export interface RotationText {
	tone: 'busy' | 'waiting' | 'error' | 'done';
	message: string;
	/** Progress to draw, while documents are re-encrypted here. */
	progress?: { done: number; total: number };
	/** Old copies the sync server keeps (too large or unreadable here). */
	note?: string;
}

const documents = (count: number) => `${count} ${count === 1 ? 'document' : 'documents'}`;

function leftAtRelayNote(job: RotationJob): string | undefined {
	if (job.leftAtRelay === 0) return undefined;
	return `Old copies of ${documents(job.leftAtRelay)} stay at the sync server: they are too large to replace, or another person's keys are needed to read them.`;
}

/** The panel's words, or null when there is nothing to show. */
export function rotationText({ job, running, error, last }: RotationState): RotationText | null {
	if (error) {
		return {
			tone: 'error',
			message: `Re-encrypting stopped: ${error} It will try again shortly and at the next sign-in.`
		};
	}
	if (job && job.pending.length > 0) {
		return {
			tone: 'busy',
			message: `Re-encrypting ${job.done} of ${documents(job.total)}…`,
			progress: { done: job.done, total: job.total }
		};
	}
	if (job && job.relayPending.length > 0) {
		return {
			tone: 'waiting',
			message: `Waiting to send ${documents(job.relayPending.length)} to the sync server. They go as soon as this device is connected.`,
			note: leftAtRelayNote(job)
		};
	}
	if (job || running) return { tone: 'busy', message: 'Re-encrypting…' };
	if (last) {
		return {
			tone: 'done',
			message: `Done: ${documents(last.total)} re-encrypted under the new keys.`,
			note: leftAtRelayNote(last)
		};
	}
	return null;
}
