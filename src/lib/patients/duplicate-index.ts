// Finds likely duplicates among every patient of the office without comparing against all of
// them: a match needs the same date of birth or a shared phone, so only the patients filed under
// the candidate's date of birth and phones are compared — O(matches), not O(patients).
import {
	identityPhones,
	likelyDuplicates,
	type DuplicateMatch,
	type DuplicateOptions,
	type PatientIdentity
} from './duplicates';

type Indexed = PatientIdentity & { id: string };

/** Patients filed by date of birth and by phone number, kept in step with upsert and remove. */
export class DuplicateIndex<P extends Indexed> {
	readonly #byId = new Map<string, P>();
	readonly #byBirth = new Map<string, Set<string>>();
	readonly #byPhone = new Map<string, Set<string>>();

	constructor(patients: Iterable<P> = []) {
		for (const patient of patients) this.upsert(patient);
	}

	/** How many patients are indexed. */
	get size(): number {
		return this.#byId.size;
	}

	/** Adds a patient, or refiles one whose date of birth or phones changed. */
	upsert(patient: P): void {
		this.remove(patient.id);
		this.#byId.set(patient.id, patient);
		for (const key of keysOf(patient)) file(this.#keyMap(key), key.value, patient.id);
	}

	/** Forgets a patient; unknown ids are ignored. */
	remove(id: string): void {
		const patient = this.#byId.get(id);
		if (!patient) return;
		this.#byId.delete(id);
		for (const key of keysOf(patient)) unfile(this.#keyMap(key), key.value, id);
	}

	/** Likely duplicates of `candidate` (a form being filled in, or a stored patient). */
	check(candidate: PatientIdentity, options: DuplicateOptions = {}): DuplicateMatch<P>[] {
		const ids = new Set<string>();
		for (const key of keysOf(candidate)) {
			for (const id of this.#keyMap(key).get(key.value) ?? []) ids.add(id);
		}
		const others = [...ids].map((id) => this.#byId.get(id)).filter((p): p is P => p !== undefined);
		return likelyDuplicates(candidate, others, options);
	}

	#keyMap(key: Key): Map<string, Set<string>> {
		return key.kind === 'birth' ? this.#byBirth : this.#byPhone;
	}
}

interface Key {
	kind: 'birth' | 'phone';
	value: string;
}

function keysOf(identity: PatientIdentity): Key[] {
	const keys: Key[] = identityPhones(identity).map((value) => ({ kind: 'phone', value }));
	if (identity.dateOfBirth !== '') keys.push({ kind: 'birth', value: identity.dateOfBirth });
	return keys;
}

function file(map: Map<string, Set<string>>, key: string, id: string): void {
	const ids = map.get(key);
	if (ids) ids.add(id);
	else map.set(key, new Set([id]));
}

function unfile(map: Map<string, Set<string>>, key: string, id: string): void {
	const ids = map.get(key);
	if (!ids) return;
	ids.delete(id);
	if (ids.size === 0) map.delete(key);
}
