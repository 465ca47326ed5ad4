// An in-memory index for searching patients as a name, date of birth, phone number or MRN is
// typed. Each query word must match some field of a patient; matches rank by points (exact >
// prefix > inside, summed over the words), then active before inactive before merged, then name.
//
// Speed over 30,000 patients comes from precomputing: folded name words sit in a PrefixMap
// (sorted words, binary search for a prefix); patients sorted by date of birth and by MRN make
// any prefix of those one contiguous slice (SortedEntries); every patient carries a number that
// sorts like its name (NameOrder); all phone numbers sit in one string for indexOf (PhoneText).
// A query collects the candidates of its most selective word only, scores each against every
// word using the precomputed fields, and keeps the best `limit` (TopMatches) without sorting
// all matches.
import { localIsoDate } from './dates';
import { NameOrder } from './name-order';
import { PhoneText } from './phone-text';
import { PrefixMap } from './prefix-map';
import { SortedEntries, type Slice } from './sorted-entries';
import { parseQuery, type SearchTerm } from './search-query';
import { entryOf, type FoldedName, type SearchEntry, type SearchablePatient } from './search-entry';
import { termScore } from './search-scoring';
import { TopMatches } from './top-matches';

export type { SearchablePatient } from './search-entry';

/** One search's answer. */
export interface SearchResult<P> {
	/** The best matches, best first, at most `limit`. */
	patients: P[];
	/** How many patients matched in all. */
	total: number;
}

/** How the index reads dates relative to today. */
export interface SearchIndexOptions {
	/** Today as 'YYYY-MM-DD', for reading two-digit years; defaults to this device's date. */
	today?: () => string;
}

/** Patients searchable by any part of a name, date of birth, phone digits or MRN. */
export class PatientSearchIndex<P extends SearchablePatient> {
	readonly #entries = new Map<string, SearchEntry<P>>();
	readonly #names = new PrefixMap<SearchEntry<P>>();
	readonly #births = new SortedEntries<SearchEntry<P>>((entry) => entry.dob);
	readonly #mrns = new SortedEntries<SearchEntry<P>>((entry) => entry.mrn);
	readonly #order = new NameOrder<SearchEntry<P>>();
	readonly #phones = new PhoneText<SearchEntry<P>>();
	readonly #foldCache = new Map<string, FoldedName>();
	readonly #today: () => string;
	#bulk = false;
	#pass = 0;

	constructor(patients: Iterable<P> = [], options: SearchIndexOptions = {}) {
		this.#today = options.today ?? (() => localIsoDate());
		this.upsertAll(patients);
	}

	/** How many patients are indexed. */
	get size(): number {
		return this.#entries.size;
	}

	/** Adds or re-indexes many patients at once, sorting once at the end. */
	upsertAll(patients: Iterable<P>): void {
		this.#names.deferSorting();
		this.#bulk = true;
		try {
			for (const patient of patients) this.upsert(patient);
		} finally {
			this.#bulk = false;
			for (const sorted of [this.#order, this.#births, this.#mrns]) {
				sorted.rebuild(this.#entries.values());
			}
			this.#names.keys();
		}
	}

	/** Adds a patient, or re-indexes one that changed. */
	upsert(patient: P): void {
		this.remove(patient.id);
		const entry = entryOf(patient, this.#foldCache);
		this.#entries.set(patient.id, entry);
		for (const word of entry.words) this.#names.add(word, entry);
		this.#phones.add(entry, entry.phones);
		if (this.#bulk) return;
		for (const sorted of [this.#order, this.#births, this.#mrns]) sorted.insert(entry);
	}

	/** Forgets a patient; unknown ids are ignored. */
	remove(id: string): void {
		const entry = this.#entries.get(id);
		if (!entry) return;
		this.#entries.delete(id);
		for (const word of entry.words) this.#names.delete(word, entry);
		this.#phones.remove(entry);
		if (this.#bulk) return;
		for (const sorted of [this.#order, this.#births, this.#mrns]) sorted.remove(entry);
	}

	/** The patients matching `query`, best first. */
	search(query: string, { limit = 50 }: { limit?: number } = {}): SearchResult<P> {
		const terms = parseQuery(query, this.#today());
		if (terms.length === 0) return { patients: [], total: 0 };
		const candidates = terms
			.map((term) => this.#sources(term))
			.reduce((a, b) => (b.estimate < a.estimate ? b : a));
		const top = new TopMatches<SearchEntry<P>>(limit);
		// Each pass stamps the entries it has seen, so a patient under several keys counts once.
		const pass = ++this.#pass;
		let total = 0;
		for (const { items, from, to } of candidates.slices) {
			for (let i = from; i < to; i++) {
				const entry = items[i];
				if (entry.pass === pass) continue;
				entry.pass = pass;
				let score = 0;
				for (const term of terms) {
					const points = termScore(term, entry);
					if (points === 0) {
						score = 0;
						break;
					}
					score += points;
				}
				if (score === 0) continue;
				total++;
				top.offer(entry, score);
			}
		}
		return { patients: top.best().map((entry) => entry.patient), total };
	}

	/** The slices holding every patient one term can match, and how many entries they hold. */
	#sources(term: SearchTerm): { slices: Slice<SearchEntry<P>>[]; estimate: number } {
		const slices: Slice<SearchEntry<P>>[] = [];
		const use = (slice: Slice<SearchEntry<P>>) => {
			if (slice.to > slice.from) slices.push(slice);
		};
		if (term.name !== undefined) {
			for (const key of this.#nameKeys(term.name)) {
				const items = this.#names.get(key);
				if (items) use({ items, from: 0, to: items.length });
			}
		}
		if (term.dob?.kind === 'prefix') use(this.#births.withPrefix(term.dob.prefix));
		if (term.dob?.kind === 'dates') {
			for (const date of term.dob.dates) use(this.#births.withKey(date));
		}
		if (term.mrn !== undefined) use(this.#mrns.withPrefix(term.mrn));
		if (term.phone !== undefined) {
			const items = this.#phones.find(term.phone);
			use({ items, from: 0, to: items.length });
		}
		const estimate = slices.reduce((sum, { from, to }) => sum + to - from, 0);
		return { slices, estimate };
	}

	/** Name words starting with `word`, then (for 3+ letters) those containing it. */
	#nameKeys(word: string): string[] {
		const keys = this.#names.keysWithPrefix(word);
		if (word.length < 3) return keys;
		for (const key of this.#names.keys()) {
			if (key.includes(word) && !key.startsWith(word)) keys.push(key);
		}
		return keys;
	}
}
