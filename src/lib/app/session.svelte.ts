/**
 * Who is signed in on this device, as the app sees it. States:
 *   starting   – reading the device database
 *   no-office  – nothing set up yet: offer Create office / Open demo office
 *   locked     – an office exists, no keys in memory (after sign-out, auto-lock, a switch or reload)
 *   unlocked   – one person's keys in memory, a Workspace open
 * The office's people document (who can sign in) stays open in every state but `no-office`:
 * the sign-in screen lists its people. Locking closes the workspace, which forgets keys,
 * documents and projections; the layout then unmounts every page, so nothing of the office stays
 * on screen. A signed-in person whose sign-in is turned off or whose roles change elsewhere is
 * signed out as soon as the change arrives; keys granted to them meanwhile are taken up at once.
 */
import { discardInterruptedRestore, restoreBackup, type BackupProgress } from '$lib/core/backup';
import { WrongPassphraseError } from '$lib/core/crypto/errors';
import { readPeopleKey } from '$lib/core/keys/people-key';
import { removePin, unlockWithPin } from '$lib/core/keys/pin';
import { recoverWithKey } from '$lib/core/keys/recovery';
import {
	adoptGrants,
	ensureDevice,
	OutdatedPinError,
	readOffice,
	unlockPerson,
	type OfficeRecord,
	type SignInSecret
} from '$lib/core/keys/vault';
import { PeopleDirectory } from '$lib/core/people/people-directory';
import type { PersonRecord } from '$lib/core/people/people-schema';
import { Workspace } from '$lib/core/session/workspace';
import { openDatabase, readMeta, writeMeta, type OfficeDatabase } from '$lib/core/storage/db';
import { ensureOfficeAreaKeys, roleOverrides, type PeopleContext } from '$lib/people/admin';
import { areasOfPerson, isManager } from '$lib/people/roles';
import { APP_WORKSPACE_OPTIONS } from './workspace-options';
import { officeSync } from './office-sync.svelte';
import { setUpDemoOffice, setUpOffice, type NewOffice } from './office-setup';
import { rotation } from './rotation.svelte';

/** Device-only: who signed in last (an id, no name), offered first on the sign-in screen. */
const LAST_PERSON_META_KEY = 'signin:last-person';

export type SessionState = 'starting' | 'no-office' | 'locked' | 'unlocked';
export type LockReason = 'idle' | 'signed-out' | 'manual' | 'switch' | 'access-changed' | null;

class OfficeSession {
	#state = $state<SessionState>('starting');
	#lockReason = $state<LockReason>(null);
	#office = $state.raw<OfficeRecord | null>(null);
	#workspace = $state.raw<Workspace | null>(null);
	#people = $state.raw<PersonRecord[]>([]);
	#lastPersonId = $state<string | null>(null);
	#directory: PeopleDirectory | null = null;
	#stopWatching: (() => void) | null = null;
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

	/** Everyone who can or could sign in (the sign-in screen shows the active ones). */
	get people(): PersonRecord[] {
		return this.#people;
	}

	/** The person signed in now, while unlocked. */
	get person(): PersonRecord | null {
		const id = this.#workspace?.keys.personId;
		return (id && this.#people.find((person) => person.id === id)) || null;
	}

	/** Whoever signed in last on this device: the sign-in screen offers them first. */
	get lastPersonId(): string | null {
		return this.#lastPersonId;
	}

	/**
	 * An office made before people had sign-ins of their own (no people key): nobody can sign in.
	 * Otherwise an office with nobody listed yet is waiting for its people document by sync.
	 */
	get legacyOffice(): boolean {
		return this.#office !== null && this.#directory === null;
	}

	/** The office's people document (after `start` found an office). */
	get directory(): PeopleDirectory {
		if (!this.#directory) throw new Error('No office is open on this device.');
		return this.#directory;
	}

	/** What people changes run with; only while unlocked. */
	peopleContext(): PeopleContext {
		const workspace = this.#workspace;
		if (!workspace) throw new Error('Sign in first.');
		return {
			directory: this.directory,
			keys: workspace.keys,
			audit: workspace.audit,
			now: workspace.now
		};
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
		if (this.#office) await this.#openPeople();
		this.#lastPersonId = await readMeta<string | null>(this.#db, LAST_PERSON_META_KEY, null);
		this.#state = this.#office ? 'locked' : 'no-office';
		if (this.#office) await officeSync.resume(this.#db, this.#office).catch(() => undefined);
	}

	/** Called once pairing stored the office on this device: sync it, then ask to sign in. */
	async joined(): Promise<void> {
		const db = this.#database();
		this.#office = await readOffice(db);
		if (!this.#office) throw new Error('Joining did not store the office on this device.');
		await this.#openPeople();
		this.#lockReason = null;
		this.#state = 'locked';
		await officeSync.startJoined(db, this.#office);
	}

	/** Creates a new office and signs its creator in. */
	async createOffice(office: NewOffice): Promise<void> {
		const workspace = await setUpOffice(this.#database(), office);
		await this.#afterCreate(workspace);
	}

	/** Creates the demo office and signs in to it. */
	async openDemoOffice(): Promise<void> {
		await this.#afterCreate(await setUpDemoOffice(this.#database()));
	}

	/**
	 * Restores a backup on this device (which has no office), then signs in the office manager
	 * whose passphrase it was made with (or leaves the sign-in screen to choose).
	 */
	async restore(
		file: Blob,
		passphrase: string,
		onProgress?: (progress: BackupProgress & { phase: 'checking' | 'restoring' }) => void
	): Promise<void> {
		const db = this.#database();
		await restoreBackup(db, file, passphrase, { onProgress });
		this.#office = await readOffice(db);
		await this.#openPeople();
		this.#lockReason = null;
		this.#state = 'locked';
		for (const person of this.#people.filter(isManager)) {
			try {
				return await this.unlock(person.id, passphrase);
			} catch (error) {
				if (!(error instanceof WrongPassphraseError)) throw error;
			}
		}
	}

	/** Sets a new passphrase with the recovery key (recovery.ts), then signs in with it. */
	async recover(personId: string, recoveryKey: string, newPassphrase: string): Promise<void> {
		await recoverWithKey(this.directory, personId, recoveryKey, newPassphrase);
		await this.unlock(personId, newPassphrase);
	}

	/** Signs a person in; throws WrongPassphraseError on a wrong passphrase. */
	async unlock(personId: string, passphrase: string): Promise<void> {
		await this.#signIn(personId, { passphrase }, 'Signed in');
	}

	/** Signs a person in with their PIN on this device; throws the PIN errors of pin.ts. */
	async unlockWithPin(personId: string, pin: string): Promise<void> {
		const pkcs8 = await unlockWithPin(this.#database(), personId, pin);
		try {
			await this.#signIn(personId, { pkcs8 }, 'Signed in with PIN');
		} catch (error) {
			if (error instanceof OutdatedPinError) await removePin(this.#database(), personId);
			throw error;
		}
	}

	/** Drops keys and clears the screen; someone signs in again to continue. */
	async lock(reason: Exclude<LockReason, null>): Promise<void> {
		const workspace = this.#workspace;
		if (!workspace) return;
		// The screen clears first: nothing waits on storage before office data is off screen.
		this.#stopWatching?.();
		this.#stopWatching = null;
		this.#workspace = null;
		this.#state = 'locked';
		this.#lockReason = reason;
		rotation.detach();
		const action = reason === 'signed-out' ? 'sign-out' : 'lock';
		await workspace.audit
			.record({ action, target: 'session', detail: reason })
			.catch(() => undefined);
		await workspace.close();
		// Detached only now, so the last writes were announced to sync; then send them.
		officeSync.attach(null);
		officeSync.syncNow();
	}

	async #signIn(personId: string, secret: SignInSecret, detail: string): Promise<void> {
		const db = this.#database();
		await this.directory.refresh();
		const keys = await unlockPerson(db, this.directory, personId, secret);
		const workspace = new Workspace(db, keys, APP_WORKSPACE_OPTIONS);
		await workspace.audit.record({ action: 'sign-in', target: 'session', detail });
		this.#lastPersonId = personId;
		await writeMeta(db, LAST_PERSON_META_KEY, personId).catch(() => undefined);
		this.#enter(workspace);
		const me = this.directory.person(personId);
		if (me && isManager(me)) {
			// Areas this version added get their first key from a manager.
			await ensureOfficeAreaKeys(this.peopleContext()).catch(() => undefined);
		}
	}

	async #afterCreate(workspace: Workspace): Promise<void> {
		this.#office = await readOffice(this.#database());
		await this.#openPeople();
		this.#lastPersonId = workspace.keys.personId;
		await writeMeta(this.#database(), LAST_PERSON_META_KEY, workspace.keys.personId);
		this.#enter(workspace);
	}

	#enter(workspace: Workspace): void {
		officeSync.attach(workspace);
		this.#workspace = workspace;
		this.#lockReason = null;
		this.#state = 'unlocked';
		this.#stopWatching = this.#watchAccess(workspace);
		rotation.attach(workspace);
	}

	/**
	 * Follows the people document while someone is signed in: new grants to them are taken up
	 * (a rotation elsewhere), and a sign-in turned off or whose roles now open other areas is
	 * signed out.
	 */
	#watchAccess(workspace: Workspace): () => void {
		const directory = this.directory;
		const personId = workspace.keys.personId;
		// What their roles open (and whether they manage): a manager narrowing a role, or taking
		// a role away, signs its holders out; a role added that opens nothing new does not.
		const access = () => {
			const me = directory.person(personId);
			return me ? JSON.stringify([isManager(me), areasOfPerson(me, roleOverrides(directory))]) : '';
		};
		const atSignIn = access();
		return directory.subscribe(() => {
			const me = directory.person(personId);
			if (!me || !me.active || access() !== atSignIn) {
				void this.lock('access-changed');
				return;
			}
			void adoptGrants(
				workspace.keys.keyring,
				workspace.keys.privateKey,
				directory.grantsOf(personId)
			);
		});
	}

	async #openPeople(): Promise<void> {
		if (this.#directory) return;
		const db = this.#database();
		const peopleKey = await readPeopleKey(db);
		// An office from a version before people existed has no people key; nobody can sign in.
		if (!peopleKey) return;
		const device = await ensureDevice(db);
		this.#directory = await PeopleDirectory.open(db, peopleKey, device.deviceId);
		this.#people = this.#directory.persons();
		this.#directory.subscribe(() => (this.#people = this.#directory?.persons() ?? []));
	}

	#database(): OfficeDatabase {
		if (!this.#db) throw new Error('The session has not started.');
		return this.#db;
	}
}

export const session = new OfficeSession();
