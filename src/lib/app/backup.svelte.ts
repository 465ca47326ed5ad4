/**
 * Backups and the recovery sheet as the app sees them: making a backup and saving its file,
 * when the last one was made, whether to remind the person (no backup in 7 days, or no recovery
 * sheet; "Not today" hides the reminder until tomorrow), and the recovery key of a sheet just
 * made — held in memory only until the sheet is closed, never stored.
 */
import {
	exportBackup,
	LAST_BACKUP_META_KEY,
	RESTORED_META_KEY,
	type BackupProgress,
	type RestoredFrom
} from '$lib/core/backup';
import { createRecoveryKey, hasRecoveryKey } from '$lib/core/keys/recovery';
import { readMeta, writeMeta, type OfficeDatabase } from '$lib/core/storage/db';
import type { AuthorityLog } from '$lib/core/authority/authority-log';
import type { PassphraseWrapped } from '$lib/core/crypto/passphrase';
import type { PersonKeys } from '$lib/core/keys/person-secret';

/** A backup older than this many days is reminded of. */
export const REMIND_AFTER_DAYS = 7;
const DISMISSED_META_KEY = 'backup:reminderDismissedOn';
const DAY_MS = 24 * 60 * 60 * 1000;

/** `practice-office-<office>-<YYYY-MM-DD>.pobackup`, the office name made safe for any disk. */
export function backupFileName(officeName: string, at: Date): string {
	const slug = officeName
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40);
	return `practice-office-${slug || 'office'}-${localDate(at)}.pobackup`;
}

function localDate(at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Whether a backup made at `last` (or never) is due for renewal at `now`. */
export function backupIsDue(last: string | null, now: Date): boolean {
	return last === null || now.getTime() - Date.parse(last) > REMIND_AFTER_DAYS * DAY_MS;
}

/** Whole days between `iso` and `now`. */
export function daysSince(iso: string, now: Date): number {
	return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS));
}

/** Hands a file to the browser's download (the person's Downloads folder, or a save dialog). */
function saveFile(file: Blob, name: string): void {
	const url = URL.createObjectURL(file);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked later: some browsers read the URL after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type Reminder = 'recovery-sheet' | 'backup' | null;

class Backups {
	#last = $state<string | null>(null);
	#restored = $state.raw<RestoredFrom | null>(null);
	#hasSheet = $state(true);
	#dismissedOn = $state<string | null>(null);
	#sheetKey = $state<string | null>(null);

	/** When the last backup was made (or the backup this office was restored from). */
	get last(): string | null {
		return this.#last;
	}

	/** Set when this device's office was restored from a backup. */
	get restored(): RestoredFrom | null {
		return this.#restored;
	}

	/** Whether a recovery sheet exists for the person signed in here. */
	get hasRecoverySheet(): boolean {
		return this.#hasSheet;
	}

	/** The key of the sheet just made, until `closeSheet`. */
	get sheetKey(): string | null {
		return this.#sheetKey;
	}

	/** Reads the device's backup state and whether this person made a recovery sheet. */
	async load(db: OfficeDatabase, log: AuthorityLog, personId: string): Promise<void> {
		this.#last = await readMeta<string | null>(db, LAST_BACKUP_META_KEY, null);
		this.#restored = await readMeta<RestoredFrom | null>(db, RESTORED_META_KEY, null);
		this.#dismissedOn = await readMeta<string | null>(db, DISMISSED_META_KEY, null);
		this.#hasSheet = hasRecoveryKey(log, personId);
	}

	/** What to remind of now, if anything: a missing recovery sheet first, then an old backup. */
	reminder(now = new Date()): Reminder {
		if (this.#dismissedOn === localDate(now)) return null;
		if (!this.#hasSheet) return 'recovery-sheet';
		return backupIsDue(this.#last, now) ? 'backup' : null;
	}

	/** Hides the reminder until tomorrow. */
	async dismiss(db: OfficeDatabase, now = new Date()): Promise<void> {
		this.#dismissedOn = localDate(now);
		await writeMeta(db, DISMISSED_META_KEY, this.#dismissedOn);
	}

	/** Makes a backup, saves it as a download and remembers when; returns the file's name and size. */
	async backUp(
		db: OfficeDatabase,
		options: {
			passphrase: string;
			/** The signed-in person's wrapped secret, which the passphrase must open. */
			wrappedPrivateKey: PassphraseWrapped;
			personId: string;
			officeName: string;
			onProgress?: (progress: BackupProgress) => void;
		}
	): Promise<{ fileName: string; size: number }> {
		const { file, header } = await exportBackup(db, options);
		const fileName = backupFileName(options.officeName, new Date(header.createdAt));
		saveFile(file, fileName);
		await writeMeta(db, LAST_BACKUP_META_KEY, header.createdAt);
		this.#last = header.createdAt;
		return { fileName, size: file.size };
	}

	/**
	 * Makes a new recovery key (with new keys for the person: an older sheet stops working) and
	 * keeps it for the sheet; returns the person's new keys.
	 */
	async makeRecoverySheet(
		log: AuthorityLog,
		personId: string,
		passphrase: string
	): Promise<PersonKeys> {
		const { recoveryKey, keys } = await createRecoveryKey(log, personId, passphrase);
		this.#sheetKey = recoveryKey;
		this.#hasSheet = true;
		return keys;
	}

	/** Forgets the key of the sheet just shown. */
	closeSheet(): void {
		this.#sheetKey = null;
	}
}

export const backups = new Backups();
