/**
 * The demo office’s medical histories: about 470 patients (every 7th by MRN — the ones with
 * vitals, so their charts are full — and every 9th), from a fixed seed. Each had an intake visit
 * in the past three years where a nurse or medical assistant recorded problems fitting their age
 * with the usual medication, allergies (a quarter) or "no known allergies" (almost half), past
 * operations, family and social history. A few items show the history's life: an older social
 * history, an NKA superseded by a later allergy, a medication struck out as entered in error.
 * Nothing here is a real person's history.
 */
import {
	DEMO_ALLERGIES,
	DEMO_FAMILY_CONDITIONS,
	DEMO_PROBLEMS,
	DEMO_SURGERIES
} from './demo-history-catalog';
import { demoId, pick, seededRandom } from './demo-random';
import {
	RELATIVE_KEYS,
	SMOKING_STATUS_KEYS,
	type AlcoholUse,
	type SmokingStatus
} from './history-picklists';
import type { HistoryItem } from './history-schema';

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;

export interface DemoHistoryPatient {
	id: string;
	mrn: string;
	dateOfBirth: string;
	sexAssignedAtBirth?: string;
}

/** Staff who may record a history; nurses and medical assistants do the intake. */
export interface DemoRecorder {
	id: string;
	role: string;
}

const INTAKE_ROLES = new Set(['registered-nurse', 'medical-assistant']);

type Draft = {
	[K in HistoryItem['kind']]: Omit<Extract<HistoryItem, { kind: K }>, Stamp>;
}[HistoryItem['kind']];
type Stamp = 'id' | 'patientId' | 'recordedAt' | 'recordedBy' | 'updatedAt' | 'updatedBy';

/** The demo histories of some of `patients`, over the three years before `now`. */
export function demoHistory(
	patients: readonly DemoHistoryPatient[],
	staff: readonly DemoRecorder[],
	now: Date,
	seed = 20261205
): HistoryItem[] {
	const random = seededRandom(seed);
	const chance = (p: number) => random() < p;
	const intakeStaff = staff.filter((member) => INTAKE_ROLES.has(member.role));
	const recorders = (intakeStaff.length > 0 ? intakeStaff : staff).map((member) => member.id);
	const items: HistoryItem[] = [];
	const chosen = [...patients]
		.sort((a, b) => a.mrn.localeCompare(b.mrn))
		.filter((_patient, index) => index % 7 === 0 || index % 9 === 0);
	for (const patient of chosen) {
		const born = Date.parse(`${patient.dateOfBirth}T00:00:00Z`);
		const daysAgo = 30 + Math.floor(random() * 3 * 365);
		const day = Math.floor(now.getTime() / DAY_MS) - daysAgo;
		const intake = day * DAY_MS + (14 + Math.floor(random() * 8)) * 3_600_000;
		// A baby born after the day drawn has no history yet.
		if (intake < born + 30 * DAY_MS) continue;
		const age = (intake - born) / YEAR_MS;
		const by = pick(random, recorders);
		let second = 0;
		const add = (draft: Draft, at = intake + second++ * 1000) => {
			const item = {
				...draft,
				id: demoId(random, at),
				patientId: patient.id,
				recordedAt: new Date(at).toISOString(),
				recordedBy: by,
				updatedAt: null,
				updatedBy: null
			} as HistoryItem;
			items.push(item);
			return item;
		};
		/** A partial date between age `from` and the intake: a year, sometimes with the month. */
		const when = (from: number) => {
			const start = Math.max(born + from * YEAR_MS, intake - 20 * YEAR_MS);
			const date = new Date(start + random() * Math.max(intake - start, 0)).toISOString();
			return chance(0.6) ? date.slice(0, 4) : date.slice(0, 7);
		};
		const live = { notes: '', enteredInError: null } as const;

		for (const problem of DEMO_PROBLEMS) {
			if (!chance(problem.chance(age))) continue;
			const onset = when(problem.resolves ? Math.max(age - 3, 0) : Math.min(age, 18));
			const resolved = problem.resolves ? onset : '';
			add({
				kind: 'problem',
				name: problem.name,
				icd10: problem.icd10,
				onset,
				status: problem.resolves ? 'resolved' : 'active',
				resolved,
				...live
			});
			const medication = problem.medication;
			if (!medication || problem.resolves) continue;
			const error = chance(0.03);
			add({
				kind: 'medication',
				name: medication.name,
				dose: medication.dose,
				route: medication.route ?? 'oral',
				frequency: medication.frequency,
				start: '',
				stop: '',
				status: chance(0.1) ? 'stopped' : 'active',
				notes: '',
				enteredInError: error
					? { at: new Date(intake + 600_000).toISOString(), by, reason: 'Duplicate entry' }
					: null
			});
		}

		const allergyRoll = random();
		if (allergyRoll < 0.25) {
			let earlierNka: HistoryItem | null = null;
			if (chance(0.15)) {
				const at = intake - (200 + Math.floor(random() * 300)) * DAY_MS;
				if (at > born)
					earlierNka = add({ kind: 'no-known-allergies', ...live, superseded: null }, at);
			}
			const count = chance(0.25) ? 2 : 1;
			const first = random();
			for (let n = 0; n < count; n++) {
				const allergy =
					DEMO_ALLERGIES[Math.floor(first * DEMO_ALLERGIES.length + n * 3) % DEMO_ALLERGIES.length];
				const item = add({
					kind: 'allergy',
					substance: allergy.substance,
					category: allergy.category,
					reactions: allergy.reactions,
					reaction: allergy.reaction ?? '',
					severity: allergy.severity,
					onset: chance(0.5) ? when(1) : '',
					...live
				});
				if (earlierNka?.kind === 'no-known-allergies' && earlierNka.superseded === null) {
					earlierNka.superseded = { at: item.recordedAt, by, itemId: item.id };
				}
			}
		} else if (allergyRoll < 0.7) {
			add({ kind: 'no-known-allergies', ...live, superseded: null });
		}

		for (const surgery of DEMO_SURGERIES) {
			if (age < surgery.fromAge || (surgery.sex && surgery.sex !== patient.sexAssignedAtBirth)) {
				continue;
			}
			if (chance(0.07))
				add({
					kind: 'surgery',
					procedure: surgery.procedure,
					performed: when(surgery.fromAge),
					...live
				});
		}

		const relatives = chance(0.6) ? 1 + Math.floor(random() * 3) : 0;
		for (let n = 0; n < relatives; n++) {
			const relative = pick(random, RELATIVE_KEYS.slice(0, 10));
			add({
				kind: 'family',
				relative,
				condition: pick(random, DEMO_FAMILY_CONDITIONS),
				ageAtOnset: chance(0.6) ? 40 + Math.floor(random() * 35) : null,
				...live
			});
		}

		if (age >= 13) {
			const smoking = pick<SmokingStatus>(random, [
				...SMOKING_STATUS_KEYS,
				'never',
				'never',
				'never',
				'former'
			]);
			const alcohol: AlcoholUse =
				age < 21 ? 'none' : pick(random, ['none', 'occasional', 'occasional', 'weekly', 'daily']);
			const drinksPerWeek = {
				none: 0,
				occasional: null,
				weekly: 2 + Math.floor(random() * 8),
				daily: 7 + Math.floor(random() * 14)
			}[alcohol];
			if (smoking === 'former' && chance(0.4)) {
				// The visit before they quit.
				const at = intake - (300 + Math.floor(random() * 400)) * DAY_MS;
				if (at > born + 13 * YEAR_MS) {
					add(
						{ kind: 'social', smoking: 'current-every-day', alcohol, drinksPerWeek, ...live },
						at
					);
				}
			}
			add({ kind: 'social', smoking, alcohol, drinksPerWeek, ...live });
		}
	}
	return items;
}
