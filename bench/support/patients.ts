/**
 * Patient-shaped records (~300 bytes of JSON each) for filling a document to a realistic size.
 * Generated from a fixed seed; every name, number and address is synthetic.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import type { CollectionSpec } from '$lib/core/projection/projector';
import { zodValidator } from '$lib/core/validation/validator';
import { seededRandom } from '$lib/directory/demo';
import { isRealIsoDate, isValidEmail, normalizePhone } from '$lib/directory/rules';
import { FAMILY, GIVEN } from './names';

/** Lives in the directory document, next to staff and rooms, but is never projected there. */
export const PATIENTS_COLLECTION = 'bench-records';

const STREETS = ['Maple Avenue', 'Oak Street', 'Lincoln Road', 'Cedar Lane', 'Jefferson Blvd'];
const CITIES = ['Springfield', 'Chatham', 'Rochester', 'Sherman', 'Riverton', 'Auburn'];
const NOTES = [
	'Prefers morning appointments. Needs a reminder call the day before.',
	'Allergic to penicillin (rash, 2019). Bring inhaler to every visit.',
	'Spanish-speaking; interpreter requested for visits longer than 15 minutes.',
	'Daughter is emergency contact and may discuss scheduling, not results.',
	''
];
const SEXES = ['female', 'male', 'other', 'unknown'] as const;

const str = (max: number) => z.string().trim().max(max);

/** A validator as strict as the directory's, so projecting it costs what a real area would. */
export const patientSchema = z.object({
	id: z.string().regex(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
	givenName: str(60).min(1),
	familyName: str(60).min(1),
	dateOfBirth: z.string().refine(isRealIsoDate),
	sex: z.enum(SEXES),
	phone: str(30).transform((s) => normalizePhone(s) ?? s),
	email: str(254).refine((s) => s === '' || isValidEmail(s)),
	addressLine1: str(120),
	city: str(60),
	state: z.string().length(2),
	zip: z.string().regex(/^\d{5}(?:-\d{4})?$/),
	notes: str(2000).default(''),
	active: z.boolean()
});

export type Patient = z.output<typeof patientSchema>;

export const patientsCollection: CollectionSpec<Patient> = {
	collection: PATIENTS_COLLECTION,
	validate: zodValidator(patientSchema),
	indexes: ['active', 'familyName']
};

const EPOCH_2015 = Date.UTC(2015, 0, 1);
const TEN_YEARS = 10 * 365 * 24 * 3600 * 1000;

/** `count` patients from a fixed seed; the same seed gives the same patients. */
export function* patients(count: number, seed = 30_000): Generator<Patient> {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
	for (let n = 0; n < count; n++) {
		const givenName = pick(GIVEN);
		const familyName = pick(FAMILY);
		const year = 1930 + Math.floor(random() * 94);
		const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
		const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
		// Ids made over ten years, as a practice accumulates them; ULIDs carry that time.
		const created = EPOCH_2015 + Math.floor(random() * TEN_YEARS);
		const handle = `${givenName}.${familyName}`.normalize('NFD').replace(/\p{M}/gu, '');
		yield {
			id: ulid(created, random),
			givenName,
			familyName,
			dateOfBirth: `${year}-${month}-${day}`,
			sex: pick(SEXES),
			phone: `(217) 555-${digits(4)}`,
			email: random() < 0.7 ? `${handle.toLowerCase()}${year % 100}@example.com` : '',
			addressLine1: `${1 + Math.floor(random() * 9000)} ${pick(STREETS)}`,
			city: pick(CITIES),
			state: 'IL',
			zip: `627${digits(2)}`,
			notes: pick(NOTES),
			active: random() < 0.95
		};
	}
}
