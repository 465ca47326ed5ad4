/**
 * The office's authority on this device: the people document's signed ops, checked and resolved
 * into one state (resolve.ts), open for as long as the app runs — signed in or not, since the
 * sign-in screen lists who can sign in. The document is sealed with the device-held people key
 * (people-keys.ts); what makes the ops trustworthy is not that key but their signatures, checked
 * against a chain that starts at the office's pinned root.
 *
 * Ops arrive as entries of the document's `ops` map (id → { b, s }). Each is checked once; those
 * that pass are kept in this device's own op store too (op-store.ts), and any of them missing or
 * altered in the document is written back. Everything else in the document is ignored, except
 * the records an office made before signed changes kept there, which its migration reads
 * (`legacy`).
 */
import type { DocumentRef } from '../documents/document-id';
import { DocumentStore, type DocumentStoreOptions } from '../documents/document-store';
import type { OfficeDocument } from '../documents/office-document';
import type { AreaKeyring } from '../keys/area-keyring';
import { keyringCipher } from '../keys/document-cipher';
import type { OfficeDatabase } from '../storage/db';
import { fingerprintsOf } from './fingerprints';
import { checkOp, signOp, type CheckedOp, type OpSigner, type StoredOp } from './op-codec';
import type { OpContent } from './op-schema';
import { OpStore } from './op-store';
import { resolveAuthority, type AuthorityRoot, type FailedCheck } from './resolve';
import type { AuthorityState } from './state';

export const PEOPLE_AREA = 'people';
export const PEOPLE_DOCUMENT: DocumentRef = { area: PEOPLE_AREA };
const OPS = 'ops';

export class AuthorityLog {
	readonly #listeners = new Set<() => void>();
	readonly #checked = new Map<string, CheckedOp>();
	readonly #failed = new Map<string, FailedCheck & { text: string }>();
	readonly #fingerprints = new Map<string, string>();
	readonly #opStore: OpStore;
	#state: AuthorityState | null = null;
	#root: AuthorityRoot | null;
	#refreshing: Promise<void> = Promise.resolve();
	#dirty = false;
	#closed = false;

	private constructor(
		private readonly store: DocumentStore,
		readonly document: OfficeDocument,
		db: OfficeDatabase,
		/** The people keys the document is sealed and opened with; later ones are added here. */
		readonly keyring: AreaKeyring,
		deviceId: string,
		root: AuthorityRoot | null
	) {
		this.#root = root;
		this.#opStore = new OpStore(db, keyringCipher(keyring, deviceId));
		document.onChange(() => this.#schedule());
	}

	/**
	 * Opens the people document with the people keys in `keyring`. `root` is the office's pinned
	 * root; null for an office made before signed changes (nothing resolves until it migrates).
	 */
	static async open(
		db: OfficeDatabase,
		keyring: AreaKeyring,
		deviceId: string,
		root: AuthorityRoot | null,
		options: DocumentStoreOptions = {}
	): Promise<AuthorityLog> {
		const store = new DocumentStore(db, keyringCipher(keyring, deviceId), deviceId, options);
		const log = new AuthorityLog(
			store,
			await store.open(PEOPLE_DOCUMENT),
			db,
			keyring,
			deviceId,
			root
		);
		await log.#refresh(await log.#opStore.all());
		return log;
	}

	/** The office's authority now; null while the office has no pinned root (not migrated). */
	get state(): AuthorityState | null {
		return this.#state;
	}

	/** The pinned root, if any. */
	get root(): AuthorityRoot | null {
		return this.#root;
	}

	/** The state, for callers that need one (throws for an office not migrated yet). */
	require(): AuthorityState {
		if (!this.#state) throw new Error('This office has not moved to signed changes yet.');
		return this.#state;
	}

	/** Pins the root (creation, migration) and resolves from it. */
	async pin(root: AuthorityRoot): Promise<void> {
		this.#root = root;
		await this.#refresh();
	}

	/** Calls the listener after every change of the state; returns an unsubscribe. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Signs `contents` as one batch (each op after the one before, the first after the current
	 * frontier) — all by `signer`, or each by the signer at its index — stores them durably and
	 * resolves again; returns their ids in order.
	 */
	async append(
		contents: readonly OpContent[],
		signer: OpSigner | readonly OpSigner[],
		now = new Date()
	): Promise<string[]> {
		const office = this.#root?.officeId;
		if (!office) throw new Error('This office has not moved to signed changes yet.');
		await this.settled();
		let parents = this.#state?.frontier ?? [];
		const signed: { id: string; stored: StoredOp }[] = [];
		for (const [index, content] of contents.entries()) {
			const by = isSignerList(signer) ? signer[index] : signer;
			const op = await signOp(content, { office, at: now.toISOString(), parents }, by);
			signed.push(op);
			parents = [op.id];
		}
		this.document.transact((doc) => {
			const ops = doc.getMap<StoredOp>(OPS);
			for (const { id, stored } of signed) ops.set(id, stored);
		});
		await this.store.flush();
		await this.settled();
		return signed.map((op) => op.id);
	}

	/** Writes ops signed elsewhere (a pairing, a migration) into the document as they are. */
	async import(ops: ReadonlyMap<string, StoredOp>): Promise<void> {
		this.document.transact((doc) => {
			const map = doc.getMap<StoredOp>(OPS);
			for (const [id, op] of ops) if (!sameOp(map.get(id), op)) map.set(id, op);
		});
		await this.store.flush();
		await this.settled();
	}

	/** Every op of the document as stored (for pairing and backups). */
	storedOps(): Map<string, StoredOp> {
		return new Map(this.document.doc.getMap<StoredOp>(OPS).entries());
	}

	/** Resolves once changes seen so far are reflected in `state`. */
	async settled(): Promise<void> {
		while (this.#dirty) {
			this.#dirty = false;
			this.#refreshing = this.#refreshing.then(() => this.#refresh());
			await this.#refreshing;
		}
		await this.#refreshing;
	}

	/** Reads rows another tab or the sync client stored that the document has not seen. */
	async refresh(): Promise<void> {
		await this.store.catchUp(this.document.id);
		await this.settled();
	}

	/** Flushes and closes the document. */
	async close(): Promise<void> {
		this.#closed = true;
		this.#listeners.clear();
		await this.#refreshing.catch(() => undefined);
		await this.store.close();
	}

	#schedule(): void {
		if (this.#dirty || this.#closed) return;
		this.#dirty = true;
		queueMicrotask(() => void this.settled().catch(() => undefined));
	}

	/** Checks new entries, keeps and heals ops, resolves, and tells listeners. */
	async #refresh(kept?: Map<string, StoredOp>): Promise<void> {
		const office = this.#root?.officeId;
		if (!office || this.#closed) return;
		const map = this.document.doc.getMap<StoredOp>(OPS);
		const fresh = new Map<string, StoredOp>();
		for (const [id, value] of map.entries()) await this.#check(office, id, value, fresh);
		for (const [id, value] of kept ?? []) await this.#check(office, id, value, fresh);
		await this.#opStore.keep(fresh);
		this.#heal(map);
		const ops = [...this.#checked.values()];
		await fingerprintsOf(ops, this.#fingerprints);
		const failed = [...this.#failed.values()].filter((failure) => !this.#checked.has(failure.id));
		this.#state = resolveAuthority(this.#root!, ops, this.#fingerprints, failed);
		for (const listener of this.#listeners) listener();
	}

	async #check(office: string, id: string, value: unknown, fresh: Map<string, StoredOp>) {
		if (this.#checked.has(id)) return;
		const text = (value as Partial<StoredOp> | null)?.b;
		if (this.#failed.get(id)?.text === text) return;
		const result = await checkOp(office, value, id);
		if (result.ok) {
			this.#checked.set(id, result.op);
			this.#failed.delete(id);
			fresh.set(id, result.op.stored);
		} else {
			this.#failed.set(id, { id, reason: result.reason, text: String(text) });
		}
	}

	/** Puts back into the document every verified op it lost or holds altered. */
	#heal(map: { get(id: string): unknown }): void {
		const missing = [...this.#checked.values()].filter((op) => !sameOp(map.get(op.id), op.stored));
		if (missing.length === 0) return;
		this.document.transact((doc) => {
			const ops = doc.getMap<StoredOp>(OPS);
			for (const op of missing) ops.set(op.id, op.stored);
		});
	}
}

function sameOp(value: unknown, op: StoredOp): boolean {
	const stored = value as Partial<StoredOp> | undefined;
	return stored?.b === op.b && stored?.s === op.s;
}

function isSignerList(signer: OpSigner | readonly OpSigner[]): signer is readonly OpSigner[] {
	return Array.isArray(signer);
}
