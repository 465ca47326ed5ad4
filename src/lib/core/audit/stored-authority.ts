/**
 * The office's authority as this device has stored it, opened on first use: for an AuditLog
 * whose Workspace was not handed the session's authority (tools, tests, office setup). The app
 * passes its own, which follows sync; this one reads what other stores wrote before each use.
 */
import type { AuthorityLog } from '../authority/authority-log';
import type { AuthorityState } from '../authority/state';
import { openAuthority } from '../keys/vault';
import type { OfficeDatabase } from '../storage/db';

export class StoredAuthority {
	#log: Promise<AuthorityLog | null> | null = null;
	#closed = false;

	constructor(private readonly db: OfficeDatabase) {}

	/** The authority now, or null when this device has no office with signed changes. */
	async state(): Promise<AuthorityState | null> {
		if (this.#closed) return null;
		this.#log ??= openAuthority(this.db, { channelName: null });
		const log = await this.#log;
		if (!log) {
			// No office yet: look again next time.
			this.#log = null;
			return null;
		}
		await log.refresh();
		return log.state;
	}

	/** Closes the log, if it was opened. */
	async close(): Promise<void> {
		this.#closed = true;
		const log = await this.#log?.catch(() => null);
		await log?.close();
	}
}
