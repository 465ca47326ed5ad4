/**
 * The office's people document, open for as long as the app runs — signed in or not, because the
 * sign-in screen needs it: who can sign in here and their wrapped keys. It is sealed with the
 * office's people key, a device-held key every enrolled device receives at pairing
 * (people-key.ts), not with any person's area key. It syncs like every other document.
 *
 * Records that fail validation (another version, damage) are left in the document, never used,
 * and counted in `setAside`.
 */
import type * as Y from 'yjs';
import { AreaKeyring } from '../keys/area-keyring';
import { keyringCipher } from '../keys/document-cipher';
import type { DocumentRef } from '../documents/document-id';
import { DocumentStore, type DocumentStoreOptions } from '../documents/document-store';
import type { OfficeDocument } from '../documents/office-document';
import { collection, readRecord, writeRecord } from '../documents/records';
import type { OfficeDatabase } from '../storage/db';
import {
	grantSchema,
	personSchema,
	roleSchema,
	type GrantRecord,
	type PersonRecord,
	type RoleRecord
} from './people-schema';

export const PEOPLE_AREA = 'people';
export const PEOPLE_DOCUMENT: DocumentRef = { area: PEOPLE_AREA };
/** The people key never rotates (docs/architecture.md, "People and roles"): one epoch. */
export const PEOPLE_KEY_EPOCH = 1;

/** The collection of people in the people document. */
export const PERSONS_COLLECTION = 'persons';
const PERSONS = PERSONS_COLLECTION;
const GRANTS = 'grants';
const ROLES = 'roles';

interface Snapshot {
	persons: PersonRecord[];
	grants: GrantRecord[];
	roles: RoleRecord[];
	setAside: number;
}

/** The writes a change to the people document may make, in one transaction. */
export interface PeopleWriter {
	putPerson(person: PersonRecord): void;
	patchPerson(id: string, fields: Partial<Omit<PersonRecord, 'id'>>): void;
	putGrant(grant: GrantRecord): void;
	putRole(role: RoleRecord): void;
}

export class PeopleDirectory {
	readonly #listeners = new Set<() => void>();
	#snapshot: Snapshot | null = null;

	private constructor(
		private readonly store: DocumentStore,
		private readonly document: OfficeDocument
	) {
		document.onChange(() => {
			this.#snapshot = null;
			for (const listener of this.#listeners) listener();
		});
	}

	/** Opens the people document of the office on this device with the people key. */
	static async open(
		db: OfficeDatabase,
		peopleKey: CryptoKey,
		deviceId: string,
		options: DocumentStoreOptions = {}
	): Promise<PeopleDirectory> {
		const keyring = new AreaKeyring();
		keyring.add(PEOPLE_AREA, PEOPLE_KEY_EPOCH, peopleKey);
		const store = new DocumentStore(db, keyringCipher(keyring, deviceId), deviceId, options);
		return new PeopleDirectory(store, await store.open(PEOPLE_DOCUMENT));
	}

	/** Everyone who was ever given a sign-in, active or not. */
	persons(): PersonRecord[] {
		return this.#read().persons;
	}

	/** One person, if known. */
	person(id: string): PersonRecord | undefined {
		return this.persons().find((person) => person.id === id);
	}

	/** Every area key grant. */
	grants(): GrantRecord[] {
		return this.#read().grants;
	}

	/** The area keys wrapped to one person. */
	grantsOf(personId: string): GrantRecord[] {
		return this.grants().filter((grant) => grant.personId === personId);
	}

	/** Role definitions the office changed from the app's defaults. */
	roles(): RoleRecord[] {
		return this.#read().roles;
	}

	/** Records that did not validate and are left alone. */
	get setAside(): number {
		return this.#read().setAside;
	}

	/** Calls the listener after every change, local or received; returns an unsubscribe. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Makes one change and resolves once it is durably stored. */
	async write(change: (writer: PeopleWriter) => void): Promise<void> {
		this.document.transact((doc) => change(writerFor(doc)));
		await this.store.flush();
	}

	/** Reads rows stored by another tab or the sync client that the document has not seen. */
	async refresh(): Promise<void> {
		await this.store.catchUp(this.document.id);
	}

	/** Flushes and closes the document. */
	async close(): Promise<void> {
		this.#listeners.clear();
		await this.store.close();
	}

	#read(): Snapshot {
		if (this.#snapshot) return this.#snapshot;
		const doc = this.document.doc;
		let setAside = 0;
		const read = <T>(name: string, parse: (raw: unknown) => T | null): T[] => {
			const out: T[] = [];
			for (const value of collection(doc, name).values()) {
				const record = parse(readRecord(value));
				if (record) out.push(record);
				else setAside += 1;
			}
			return out;
		};
		const persons = read(PERSONS, (raw) => personSchema.safeParse(raw).data ?? null);
		const grants = read(GRANTS, (raw) => grantSchema.safeParse(raw).data ?? null);
		const roles = read(ROLES, (raw) => roleSchema.safeParse(raw).data ?? null);
		persons.sort((a, b) => a.name.localeCompare(b.name));
		this.#snapshot = { persons, grants, roles, setAside };
		return this.#snapshot;
	}
}

function writerFor(doc: Y.Doc): PeopleWriter {
	return {
		putPerson: (person) => writeRecord(doc, PERSONS, person.id, person),
		patchPerson: (id, fields) => writeRecord(doc, PERSONS, id, fields),
		putGrant: (grant) => writeRecord(doc, GRANTS, grant.id, grant),
		putRole: (role) => writeRecord(doc, ROLES, role.id, role)
	};
}
