/**
 * Everything that exists while a person is signed in: their keys, the open documents, the
 * in-memory projections, the audit log. `close` flushes what is pending and then forgets it all,
 * which is what sign-out and the idle auto-lock do.
 */
import { AuditLog } from '../audit/audit-log';
import { StoredAuthority } from '../audit/stored-authority';
import type { AuthorityState } from '../authority/state';
import { LocalBlobStore, type LocalBlobStoreOptions } from '../blobs/local-blob-store';
import type { CommandContext } from '../commands/command';
import type { DocumentRef } from '../documents/document-id';
import { DocumentStore, type DocumentStoreOptions } from '../documents/document-store';
import type { DocumentCipher } from '../documents/cipher';
import { keyringCipher } from '../keys/document-cipher';
import type { UnlockedKeys } from '../keys/vault';
import type { ProjectionTable, Row } from '../projection/projection-table';
import type { CollectionSpec } from '../projection/projector';
import type { OfficeDatabase } from '../storage/db';
import { QuarantineList } from '../validation/quarantine';
import type { UnreadableRows } from '../validation/unreadable-rows';
import { Projections, type ProjectionCacheOptions } from './projections';

export interface WorkspaceOptions extends DocumentStoreOptions {
	now?: () => Date;
	blobs?: LocalBlobStoreOptions;
	/** Seal large projections at rest so the next unlock shows them at once (off by default). */
	projectionCache?: ProjectionCacheOptions | null;
	/**
	 * The office's authority now (the session's, which follows sync): the audit log seals to its
	 * audit key and checks signatures against its keys. Without it, the stored one is read.
	 */
	authority?: () => AuthorityState | null;
}

export class Workspace {
	readonly documents: DocumentStore;
	readonly audit: AuditLog;
	/** Encrypted file content of this office (docs/architecture.md, "Files are blobs"). */
	readonly blobs: LocalBlobStore;
	readonly quarantine = new QuarantineList();
	/** Seals and opens this person's documents (sync uses it for relay snapshots). */
	readonly cipher: DocumentCipher;
	readonly #projections: Projections;
	#storedAuthority: StoredAuthority | null;
	#authority: () => AuthorityState | null | Promise<AuthorityState | null>;
	#closed = false;

	constructor(
		readonly db: OfficeDatabase,
		readonly keys: UnlockedKeys,
		options: WorkspaceOptions = {}
	) {
		this.cipher = keyringCipher(keys.keyring, keys.deviceId);
		this.documents = new DocumentStore(db, this.cipher, keys.deviceId, options);
		const stored = options.authority ? null : new StoredAuthority(db);
		this.#storedAuthority = stored;
		this.#authority = options.authority ?? (() => stored?.state() ?? null);
		this.audit = new AuditLog(db, this.documents, {
			officeId: keys.officeId,
			deviceId: keys.deviceId,
			actor: () => keys.personId,
			person: () => keys.person,
			authority: () => this.#authority(),
			keyring: keys.keyring,
			now: options.now
		});
		this.blobs = new LocalBlobStore(db, keys.keyring, keys.deviceId, {
			now: options.now,
			...options.blobs
		});
		this.now = options.now ?? (() => new Date());
		this.#projections = new Projections(
			db,
			this.documents,
			this.quarantine,
			this.cipher,
			options.projectionCache
		);
	}

	readonly now: () => Date;

	/** Stored rows that could not be decrypted: kept, not applied, listed for a person. */
	get unreadable(): UnreadableRows {
		return this.documents.unreadable;
	}

	get closed(): boolean {
		return this.#closed;
	}

	/** What commands run with. */
	commandContext(): CommandContext {
		return {
			documents: this.documents,
			audit: this.audit,
			blobs: this.blobs,
			actor: this.keys.personId,
			now: this.now
		};
	}

	/**
	 * From now on the audit log follows `authority` (the session's, which follows sync) instead
	 * of reading the stored one: for a workspace made before the session had its authority open.
	 */
	followAuthority(authority: () => AuthorityState | null): void {
		this.#authority = authority;
		const stored = this.#storedAuthority;
		this.#storedAuthority = null;
		void stored?.close().catch(() => undefined);
	}

	/** The projection of one collection of one document, built on first use and kept in step. */
	projection<T extends Row>(
		ref: DocumentRef,
		spec: CollectionSpec<T>
	): Promise<ProjectionTable<T>> {
		return this.#projections.table(ref, spec);
	}

	/** Drops every projection's rows and derives them again from the documents. */
	async rebuildProjections(): Promise<void> {
		this.quarantine.clear();
		await this.#projections.rebuild();
	}

	/** Flushes pending writes, then forgets keys, documents and projections. */
	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		try {
			// Large tables are sealed for the next unlock before the documents go.
			await this.#projections.save().catch(() => undefined);
			await this.documents.close();
		} finally {
			this.audit.close();
			await this.#storedAuthority?.close().catch(() => undefined);
			this.blobs.close();
			await this.#projections.close();
			this.quarantine.clear();
			this.keys.keyring.clear();
		}
	}
}
