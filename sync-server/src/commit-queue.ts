/**
 * Group commit. Writes requested while the event loop is busy run together in one SQLite
 * transaction on the next turn; each write is a savepoint of its own, so a refused write (quota,
 * stale snapshot, …) rolls back alone. Only after COMMIT has returned — with `synchronous = FULL`
 * the batch is on disk — does each write's `done` run, in request order: that is where ACKs are
 * sent and items fanned out, so nothing is acknowledged or forwarded that a crash could lose.
 */
import type Database from 'better-sqlite3';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Job {
	write: () => unknown;
	done: (outcome: Outcome<unknown>) => void;
}

/** Thrown inside the batch when SQLite has already rolled the whole transaction back. */
class BatchAborted extends Error {}

export class CommitQueue {
	private jobs: Job[] = [];
	private scheduled = false;

	constructor(
		private readonly db: Database.Database,
		private readonly onCallbackError: (error: unknown) => void = () => {}
	) {}

	/** Runs `write` in the next batch; `done` gets its result once the batch has committed. */
	run<T>(write: () => T, done: (outcome: Outcome<T>) => void): void {
		this.jobs.push({ write, done: done as (outcome: Outcome<unknown>) => void });
		if (!this.scheduled) {
			this.scheduled = true;
			setImmediate(() => this.flush());
		}
	}

	/** Commits everything queued now (also called on shutdown). */
	flush(): void {
		this.scheduled = false;
		const jobs = this.jobs;
		this.jobs = [];
		if (jobs.length === 0) return;
		let outcomes: Outcome<unknown>[] = [];
		try {
			this.db.transaction(() => {
				for (const job of jobs) outcomes.push(this.attempt(job));
			})();
		} catch (error) {
			// The commit itself failed (disk full, I/O error): nothing of this batch is stored.
			outcomes = jobs.map(() => ({ ok: false, error }));
		}
		jobs.forEach((job, i) => {
			try {
				job.done(outcomes[i]);
			} catch (error) {
				this.onCallbackError(error);
			}
		});
	}

	get pending(): number {
		return this.jobs.length;
	}

	private attempt(job: Job): Outcome<unknown> {
		try {
			return { ok: true, value: this.db.transaction(job.write)() };
		} catch (error) {
			if (!this.db.inTransaction) throw new BatchAborted('transaction rolled back by SQLite');
			return { ok: false, error };
		}
	}
}
