/**
 * Keeps the search and duplicate indexes in step with the patients projection. The table only
 * says "something changed", so each notice compares row objects by identity (the projector
 * replaces a row object whenever the record changes) and re-indexes just those that differ:
 * O(patients) cheap comparisons, O(changed) index work. A record merged into another is in
 * neither index: it is found as the survivor it now belongs to.
 */
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import { DuplicateIndex } from './duplicate-index';
import type { DuplicateMatch, PatientIdentity } from './duplicates';
import type { Patient } from './schema';
import { PatientSearchIndex, type SearchResult } from './search-index';

export interface PatientSearchOptions {
	/** Also find deactivated patients (they rank after active ones). */
	includeInactive?: boolean;
	limit?: number;
}

export class PatientFinder {
	// Two indexes, because search ranks active patients before inactive ones anyway: the default
	// search reads only the first, and "include inactive" appends the second's matches.
	readonly #active: PatientSearchIndex<Patient>;
	readonly #inactive: PatientSearchIndex<Patient>;
	readonly #duplicates: DuplicateIndex<Patient>;
	#indexed = new Map<string, Patient>();
	readonly #unsubscribe: () => void;

	constructor(
		private readonly table: ProjectionTable<Patient>,
		options: { today?: () => string } = {}
	) {
		const rows = table.all();
		const separate = rows.filter((row) => row.mergedInto === '');
		this.#active = new PatientSearchIndex(separate.filter(isCurrent), options);
		this.#inactive = new PatientSearchIndex(
			separate.filter((row) => !isCurrent(row)),
			options
		);
		this.#duplicates = new DuplicateIndex(separate);
		for (const row of rows) this.#indexed.set(row.id, row);
		this.#unsubscribe = table.subscribe(() => this.#refresh());
	}

	/** How many patient records are on file, active, inactive or merged. */
	get size(): number {
		return this.#indexed.size;
	}

	/** Patients matching what was typed (name, DOB, phone, MRN), best first. */
	search(query: string, options: PatientSearchOptions = {}): SearchResult<Patient> {
		const limit = options.limit ?? 50;
		const active = this.#active.search(query, { limit });
		if (!options.includeInactive) return active;
		const rest = this.#inactive.search(query, { limit: limit - active.patients.length });
		return {
			patients: [...active.patients, ...rest.patients],
			total: active.total + rest.total
		};
	}

	/** Patients already on file that the candidate (a form being filled in) probably is. */
	duplicatesOf(candidate: PatientIdentity): DuplicateMatch<Patient>[] {
		return this.#duplicates.check(candidate);
	}

	/** Stops following the table. */
	stop(): void {
		this.#unsubscribe();
	}

	#refresh(): void {
		const next = new Map<string, Patient>();
		for (const row of this.table.all()) {
			next.set(row.id, row);
			if (this.#indexed.get(row.id) === row) continue;
			this.#active.remove(row.id);
			this.#inactive.remove(row.id);
			this.#duplicates.remove(row.id);
			if (row.mergedInto !== '') continue;
			(isCurrent(row) ? this.#active : this.#inactive).upsert(row);
			this.#duplicates.upsert(row);
		}
		for (const id of this.#indexed.keys()) {
			if (next.has(id)) continue;
			this.#active.remove(id);
			this.#inactive.remove(id);
			this.#duplicates.remove(id);
		}
		this.#indexed = next;
	}
}

/** Shown by default: active and not merged into another record. */
function isCurrent(patient: Patient): boolean {
	return patient.active && patient.mergedInto === '';
}
