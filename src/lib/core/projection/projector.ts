/**
 * Keeps a ProjectionTable in step with one collection of one document: a full build when the
 * document opens (or on demand), then only the records each transaction touched. Every record is
 * validated on the way in; invalid ones go to quarantine instead of the table.
 */
import type * as Y from 'yjs';
import { collection, readRecord } from '../documents/records';
import type { OfficeDocument } from '../documents/office-document';
import type { QuarantineList } from '../validation/quarantine';
import type { Validator } from '../validation/validator';
import type { ProjectionTable, Row } from './projection-table';

export interface CollectionSpec<T extends Row> {
	/** The collection's name in the document. */
	collection: string;
	validate: Validator<T>;
	/** Fields the table indexes for equality lookups. */
	indexes?: (keyof T)[];
}

export class Projector<T extends Row> {
	readonly #records: Y.Map<Y.Map<unknown>>;
	readonly #observer: (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void;

	constructor(
		private readonly document: OfficeDocument,
		private readonly spec: CollectionSpec<T>,
		private readonly table: ProjectionTable<T>,
		private readonly quarantine: QuarantineList
	) {
		this.#records = collection(document.doc, spec.collection);
		this.#observer = (events) => this.#apply(this.#touchedIds(events));
		this.#records.observeDeep(this.#observer);
		this.rebuild();
	}

	/** Drops the table's rows and derives them again from the document. */
	rebuild(): void {
		this.table.clear();
		this.#apply([...this.#records.keys()]);
	}

	/** Stops following the document. */
	stop(): void {
		this.#records.unobserveDeep(this.#observer);
	}

	#touchedIds(events: Y.YEvent<Y.AbstractType<unknown>>[]): string[] {
		const ids = new Set<string>();
		for (const event of events) {
			if (event.target === this.#records) {
				for (const key of event.changes.keys.keys()) ids.add(key);
			} else {
				const id = event.path[0];
				if (typeof id === 'string') ids.add(id);
			}
		}
		return [...ids];
	}

	#apply(ids: string[]): void {
		const valid: T[] = [];
		const gone: string[] = [];
		const { docId, name } = { docId: this.document.id, name: this.spec.collection };
		for (const id of ids) {
			const stored = this.#records.get(id);
			if (stored === undefined) {
				gone.push(id);
				this.quarantine.release(docId, name, id);
				continue;
			}
			const raw = readRecord(stored);
			const result = this.spec.validate(raw);
			if (result.ok && result.value.id === id) {
				valid.push(result.value);
				this.quarantine.release(docId, name, id);
			} else {
				gone.push(id);
				const issues = result.ok ? ['id: does not match the record key'] : result.issues;
				this.quarantine.add({ docId, collection: name, id, issues, raw });
			}
		}
		this.table.remove(gone);
		this.table.upsert(valid);
	}
}
