/**
 * Who is signed in on this device, as the app sees it. States:
 *   starting   – reading the device database
 *   no-office  – nothing set up yet: offer Create office / Open demo office
 *   locked     – an office exists, no keys in memory (after sign-out, auto-lock or reload)
 *   unlocked   – keys in memory, a Workspace open
 * Locking closes the workspace, which forgets keys, documents and projections; the layout then
 * unmounts every page, so nothing of the office stays on screen.
 */
import { discardInterruptedRestore, restoreBackup, type BackupProgress } from '$lib/core/backup';
import { recoverWithKey } from '$lib/core/keys/recovery';
import { readOffice, unlockOffice, type OfficeRecord } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { APP_WORKSPACE_OPTIONS } from './workspace-options';
import { openDatabase, type OfficeDatabase } from '$lib/core/storage/db';
import { AREAS_WITH_KEYS } from './areas';
import { officeSync } from './office-sync.svelte';
import { setUpDemoOffice, setUpOffice, type NewOffice } from './office-setup';

export type SessionState = 'starting' | 'no-office' | 'locked' | 'unlocked';
export type LockReason = 'idle' | 'signed-out' | 'manual' | null;

class OfficeSession {
	#state = $state<SessionState>('starting');
	#lockReason = $state<LockReason>(null);
	#office = $state.raw<OfficeRecord | null>(null);
	#workspace = $state.raw<Workspace | null>(null);
	#db: OfficeDatabase | null = null;

	get state(): SessionState {
		return this.#state;
	}

	get lockReason(): LockReason {
		return this.#lockReason;
	}

	get office(): OfficeRecord | null {
		return this.#office;
	}

	/** The open workspace; only while unlocked. */
	get workspace(): Workspace | null {
		return this.#workspace;
	}

	/** The device database (after `start`). */
	get db(): OfficeDatabase {
		return this.#database();
	}

	/** Opens the device database, finds out whether an office exists, resumes its sync. */
	async start(databaseName?: string): Promise<void> {
		this.#db ??= openDatabase(databaseName);
		// A restore cut short (tab closed, crash) left staged rows and no office: drop them.
		await discardInterruptedRestore(this.#db).catch(() => undefined);
		this.#office = await readOffice(this.#db);
		this.#state = this.#office ? 'locked' : 'no-office';
		if (this.#office) await officeSync.resume(this.#db, this.#office).catch(() => undefined);
	}

	/** Called once pairing stored the office on this device: sync it, then ask to sign in. */
	async joined(): Promise<void> {
		const db = this.#database();
		this.#office = await readOffice(db);
		if (!this.#office) throw new Error('Joining did not store the office on this device.');
		this.#lockReason = null;
		this.#state = 'locked';
		await officeSync.startJoined(db, this.#office);
	}

	/** Creates a new office and signs its creator in. */
	async createOffice(office: NewOffice): Promise<void> {
		this.#enter(await setUpOffice(this.#database(), office));
		this.#office = await readOffice(this.#database());
	}

	/** Creates the demo office and signs in to it. */
	async openDemoOffice(): Promise<void> {
		this.#enter(await setUpDemoOffice(this.#database()));
		this.#office = await readOffice(this.#database());
	}

	/** Restores a backup on this device (which has no office), then signs in with its passphrase. */
	async restore(
		file: Blob,
		passphrase: string,
		onProgress?: (progress: BackupProgress & { phase: 'checking' | 'restoring' }) => void
	): Promise<void> {
		const db = this.#database();
		await restoreBackup(db, file, passphrase, { onProgress });
		this.#office = await readOffice(db);
		this.#lockReason = null;
		this.#state = 'locked';
		await this.unlock(passphrase);
	}

	/** Sets a new passphrase with the recovery key (recovery.ts), then signs in with it. */
	async recover(recoveryKey: string, newPassphrase: string): Promise<void> {
		await recoverWithKey(this.#database(), recoveryKey, newPassphrase);
		await this.unlock(newPassphrase);
	}

	/** Signs in; throws WrongPassphraseError on a wrong passphrase. */
	async unlock(passphrase: string): Promise<void> {
		const db = this.#database();
		const keys = await unlockOffice(db, passphrase, { areas: [...AREAS_WITH_KEYS] });
		const workspace = new Workspace(db, keys, APP_WORKSPACE_OPTIONS);
		await workspace.audit.record({ action: 'sign-in', target: 'session', detail: 'Signed in' });
		this.#enter(workspace);
	}

	/** Drops keys and clears the screen; the same person signs in again to continue. */
	async lock(reason: Exclude<LockReason, null>): Promise<void> {
		const workspace = this.#workspace;
		if (!workspace) return;
		// The screen clears first: nothing waits on storage before office data is off screen.
		this.#workspace = null;
		this.#state = 'locked';
		this.#lockReason = reason;
		const action = reason === 'signed-out' ? 'sign-out' : 'lock';
		await workspace.audit
			.record({ action, target: 'session', detail: reason })
			.catch(() => undefined);
		await workspace.close();
		// Detached only now, so the last writes were announced to sync; then send them.
		officeSync.attach(null);
		officeSync.syncNow();
	}

	#enter(workspace: Workspace): void {
		officeSync.attach(workspace);
		this.#workspace = workspace;
		this.#lockReason = null;
		this.#state = 'unlocked';
	}

	#database(): OfficeDatabase {
		if (!this.#db) throw new Error('The session has not started.');
		return this.#db;
	}
}

export const session = new OfficeSession();
