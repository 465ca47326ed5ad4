/**
 * Who is signed in on this device, as the app sees it. States:
 *   starting   – reading the device database
 *   no-office  – nothing set up yet: offer Create office / Open demo office
 *   locked     – an office exists, no keys in memory (after sign-out, auto-lock, a switch or reload)
 *   unlocked   – one person's keys in memory, a Workspace open
 * The office's authority (the people document's signed ops: who can sign in) stays open in every
 * state but `no-office`: the sign-in screen lists its people, and the device takes up people keys
 * wrapped to it. Locking closes the workspace, which forgets keys, documents and projections; the
 * layout then unmounts every page, so nothing of the office stays on screen. A signed-in person
 * whose sign-in is turned off or whose roles change elsewhere is signed out as soon as the change
 * arrives; keys granted to them meanwhile are taken up at once, and a manager's device keeps the
 * keys in line with people and roles (authority-upkeep.ts).
 */
import type { AuthorityLog } from '$lib/core/authority/authority-log';
import { newestAuditKey, type PersonState } from '$lib/core/authority/state';
import { discardInterruptedRestore, restoreBackup, type BackupProgress } from '$lib/core/backup';
import { WrongPassphraseError } from '$lib/core/crypto/errors';
import { defaultDeviceName, ensureDevice } from '$lib/core/keys/device';
import { adoptPeopleKeys, publishDeviceKey } from '$lib/core/keys/people-key-wraps';
import type { PersonKeys } from '$lib/core/keys/person-secret';
import { SecretMismatchError } from '$lib/core/keys/person-secret';
import {
	adoptMigration,
	legacyPersons,
	migrateOffice,
	NotMigratedError
} from '$lib/core/keys/migration';
import { OutdatedPinError, removePin, unlockWithPin } from '$lib/core/keys/pin';
import { recoverWithKey } from '$lib/core/keys/recovery';
import {
	openAuthority,
	readOffice,
	unlockPerson,
	type OfficeRecord,
	type SignInSecret
} from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { openDatabase, readMeta, writeMeta, type OfficeDatabase } from '$lib/core/storage/db';
import { reconcileKeys } from '$lib/core/keys/reconcile';
import { keepersOf, roleOverrides, type PeopleContext } from '$lib/people/admin';
import { ALL_AREAS, areasOfPerson, isManager } from '$lib/people/roles';
import { completeSignIn, KeyKeeper } from './authority-upkeep';
import { adminSigner, reconcileRelay } from './office-devices';
import { officeSync } from './office-sync.svelte';
import { setUpDemoOffice, setUpOffice, type NewOffice } from './office-setup';
import { rotation } from './rotation.svelte';
import { APP_WORKSPACE_OPTIONS } from './workspace-options';

/** Device-only: who signed in last (an id, no name), offered first on the sign-in screen. */
const LAST_PERSON_META_KEY = 'signin:last-person';

export type SessionState = 'starting' | 'no-office' | 'locked' | 'unlocked';
export type LockReason = 'idle' | 'signed-out' | 'manual' | 'switch' | 'access-changed' | null;

class OfficeSession {
	#state = $state<SessionState>('starting');
	#lockReason = $state<LockReason>(null);
	#office = $state.raw<OfficeRecord | null>(null);
	#workspace = $state.raw<Workspace | null>(null);
	#people = $state.raw<PersonState[]>([]);
	#lastPersonId = $state<string | null>(null);
	#version = $state(0);
	#log: AuthorityLog | null = null;
	#stopFollowing: (() => void) | null = null;
	#keeper: KeyKeeper | null = null;
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

	/** Everyone who can or could sign in (the sign-in screen shows the active ones), by name. */
	get people(): PersonState[] {
		return this.#people;
	}

	/** Changes with every change of the authority (for views that read it). */
	get version(): number {
		return this.#version;
	}

	/** The person signed in now, while unlocked. */
	get person(): PersonState | null {
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
		return this.#office !== null && this.#log === null;
	}

	/** The office's authority (after `start` found an office). */
	get authority(): AuthorityLog {
		if (!this.#log) throw new Error('No office is open on this device.');
		return this.#log;
	}

	/** What people changes run with; only while unlocked. */
	peopleContext(): PeopleContext {
		const workspace = this.#workspace;
		if (!workspace) throw new Error('Sign in first.');
		return {
			db: this.#database(),
			log: this.authority,
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
		await recoverWithKey(this.authority, personId, recoveryKey, newPassphrase);
		await this.unlock(personId, newPassphrase);
	}

	/** Signs a person in; throws WrongPassphraseError on a wrong passphrase. */
	async unlock(personId: string, passphrase: string): Promise<void> {
		await this.#signIn(personId, { passphrase }, 'Signed in', passphrase);
	}

	/** Signs a person in with their PIN on this device; throws the PIN errors of pin.ts. */
	async unlockWithPin(personId: string, pin: string): Promise<void> {
		if (!this.authority.state) throw new NotMigratedError();
		const { secret, version } = await unlockWithPin(this.#database(), personId, pin);
		try {
			await this.#signIn(personId, { secret, version }, 'Signed in with PIN');
		} catch (error) {
			if (!(error instanceof SecretMismatchError) || error.reason !== 'keys') throw error;
			await removePin(this.#database(), personId);
			throw new OutdatedPinError({ cause: error });
		}
	}

	/** The signed-in person's keys changed (a new key pair): use them from now on. */
	replacePersonKeys(keys: PersonKeys): void {
		if (this.#workspace) this.#workspace.keys.person = keys;
	}

	/** Drops keys and clears the screen; someone signs in again to continue. */
	async lock(reason: Exclude<LockReason, null>): Promise<void> {
		const workspace = this.#workspace;
		if (!workspace) return;
		// The screen clears first: nothing waits on storage before office data is off screen.
		this.#stopFollowing?.();
		this.#stopFollowing = null;
		const keeper = this.#keeper;
		keeper?.stop();
		this.#keeper = null;
		officeSync.onConnected(null);
		this.#workspace = null;
		this.#state = 'locked';
		this.#lockReason = reason;
		rotation.detach();
		// A rotation being signed finishes with these keys, so the next sign-in finds its grants.
		await keeper?.idle();
		const action = reason === 'signed-out' ? 'sign-out' : 'lock';
		await workspace.audit
			.record({ action, target: 'session', detail: reason })
			.catch(() => undefined);
		await workspace.close();
		// Detached only now, so the last writes were announced to sync; then send them.
		officeSync.attach(null);
		officeSync.syncNow();
	}

	async #signIn(
		personId: string,
		secret: SignInSecret,
		detail: string,
		passphrase?: string
	): Promise<void> {
		const db = this.#database();
		await this.authority.refresh();
		const moving = !this.authority.state;
		if (moving) {
			// An office made before signed changes: its manager's sign-in moves it (migration.ts).
			if (!passphrase) throw new NotMigratedError();
			await migrateOffice(db, this.authority, personId, passphrase, {
				deviceName: defaultDeviceName(),
				relayDevices: officeSync.enabled ? officeSync.devices : []
			});
			this.#office = await readOffice(db);
		}
		const keys = await unlockPerson(db, this.authority, personId, secret);
		// An office just moved has no audit key until a manager's keys are brought in line, and
		// the sign-in is the log's first entry (for anyone else, the log says to wait for that).
		const { rotated } = newestAuditKey(this.authority.require())
			? { rotated: [] }
			: await reconcileKeys({
					db,
					log: this.authority,
					keys,
					areas: ALL_AREAS,
					keepers: (state, area) => keepersOf(state, area)
				});
		const workspace = new Workspace(db, keys, {
			...APP_WORKSPACE_OPTIONS,
			authority: () => this.authority.state
		});
		await workspace.audit.record({ action: 'sign-in', target: 'session', detail });
		this.#lastPersonId = personId;
		await writeMeta(db, LAST_PERSON_META_KEY, personId).catch(() => undefined);
		this.#enter(workspace);
		if (rotated.length > 0) void rotation.reencrypt(rotated);
		await completeSignIn(this.peopleContext(), {
			passphrase,
			deviceName: defaultDeviceName()
		}).catch(() => undefined);
		this.#keeper?.poke();
		// The old audit log's plaintext entries are sealed to the managers now, in the background;
		// any it misses (synced later) the audit screen offers to carry over.
		if (moving) void workspace.audit.migrateLegacy().catch(() => undefined);
	}

	async #afterCreate(workspace: Workspace): Promise<void> {
		this.#office = await readOffice(this.#database());
		await this.#openPeople();
		this.#lastPersonId = workspace.keys.personId;
		await writeMeta(this.#database(), LAST_PERSON_META_KEY, workspace.keys.personId);
		this.#enter(workspace);
		await completeSignIn(this.peopleContext(), { deviceName: defaultDeviceName() }).catch(
			() => undefined
		);
	}

	#enter(workspace: Workspace): void {
		workspace.followAuthority(() => this.authority.state);
		const me = this.authority.state?.persons.get(workspace.keys.personId);
		const manager = me !== undefined && isManager(me) && workspace.keys.person.signingPrivate;
		officeSync.attach(workspace, manager ? adminSigner(workspace.keys) : undefined);
		this.#workspace = workspace;
		this.#lockReason = null;
		this.#state = 'unlocked';
		this.#stopFollowing = this.#followAccess(workspace);
		const context = this.peopleContext();
		const keepRelay = async () => {
			const relay = officeSync.relay();
			if (relay?.connected) await reconcileRelay(context, relay);
		};
		this.#keeper = new KeyKeeper(context, (areas) => void rotation.reencrypt(areas), keepRelay);
		officeSync.onConnected(() => this.#keeper?.poke());
		rotation.attach(workspace);
	}

	/**
	 * Signs the person out when their sign-in is turned off or their roles now open other areas
	 * (a role added that opens nothing new does not).
	 */
	#followAccess(workspace: Workspace): () => void {
		const log = this.authority;
		const personId = workspace.keys.personId;
		const access = () => {
			const state = log.state;
			const me = state?.persons.get(personId);
			return state && me
				? JSON.stringify([isManager(me), areasOfPerson(me, roleOverrides(state))])
				: '';
		};
		const atSignIn = access();
		return log.subscribe(() => {
			const me = log.state?.persons.get(personId);
			if (!me || !me.active || access() !== atSignIn) void this.lock('access-changed');
		});
	}

	async #openPeople(): Promise<void> {
		if (this.#log) return;
		const db = this.#database();
		const log = await openAuthority(db);
		// An office from a version before people existed has no people key; nobody can sign in.
		if (!log) return;
		this.#log = log;
		officeSync.useAuthority(log);
		const device = await ensureDevice(db);
		const update = () => {
			const state = log.state;
			const people = state ? [...state.persons.values()] : legacyPersons(log);
			this.#people = people.sort((a, b) => a.name.localeCompare(b.name));
			this.#version += 1;
			if (state) {
				void adoptPeopleKeys(db, state, device, log.keyring).catch(() => undefined);
				void publishDeviceKey(log, device).catch(() => undefined);
			}
			// A device of an office still to move onto the chain pins the move once it arrives.
			else
				void adoptMigration(db, log)
					.then(async (root) => {
						if (root) this.#office = await readOffice(db);
					})
					.catch(() => undefined);
		};
		update();
		log.subscribe(update);
	}

	#database(): OfficeDatabase {
		if (!this.#db) throw new Error('The session has not started.');
		return this.#db;
	}
}

export const session = new OfficeSession();
