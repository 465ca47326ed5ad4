/**
 * The demo office's vitals: about 300 patients with 1–6 sets each over the past three years,
 * from a fixed seed. Readings are plausible for the patient's age on the day (babies have a head
 * circumference and no blood pressure); a few adults run high blood pressure or a fever, so the
 * chart shows flags. Nothing here is a real person's reading.
 */
import { ageAtMeasurement, type Age } from './age';
import { demoId, seededRandom } from './demo-random';
import type { VitalValues } from './vitals-rules';
import type { VitalsSet } from './vitals-schema';

/** Every n-th patient (by MRN order) gets vitals: 2,000 / 7 ≈ 290. */
const EVERY_NTH_PATIENT = 7;
const DAY_MS = 86_400_000;
const THREE_YEARS_DAYS = 3 * 365;

export interface DemoVitalsPatient {
	id: string;
	mrn: string;
	dateOfBirth: string;
}

/** What stays the same for a patient from visit to visit. */
interface Build {
	/** Adult height (cm), or how far a child sits from the usual height for age (cm). */
	adultHeight: number;
	childOffset: number;
	bmi: number;
	hypertensive: boolean;
}

function build(random: () => number): Build {
	return {
		adultHeight: 152 + random() * 40,
		childOffset: random() * 8 - 4,
		bmi: 20 + random() * 13,
		hypertensive: random() < 0.2
	};
}

function readings(age: Age, random: () => number, body: Build): VitalValues {
	const between = (low: number, high: number) => low + random() * (high - low);
	const whole = (low: number, high: number) => Math.round(between(low, high));
	const years = age.years + age.months / 12;
	const fever = random() < 0.08;
	const values: VitalValues = {
		temperature: fever ? between(38.1, 39.2) : between(36.3, 37.3),
		spo2: whole(95, 100),
		pain: random() < 0.75 ? 0 : whole(1, 7)
	};
	if (years < 3) {
		values.pulse = whole(100, 150);
		values.respiratoryRate = whole(24, 40);
		values.height =
			50 + 25 * Math.min(years, 1) + 10 * Math.max(years - 1, 0) + body.childOffset / 2;
		values.weight =
			3.4 + 6.5 * Math.min(years, 1) + 2.4 * Math.max(years - 1, 0) + between(-0.4, 0.4);
		values.headCircumference = 35 + 11 * Math.min(years, 1) + 2 * Math.max(years - 1, 0);
		return values;
	}
	const child = years < 18;
	const hypertensive = !child && body.hypertensive;
	values.systolic = hypertensive ? whole(138, 165) : whole(child ? 95 : 105, child ? 115 : 128);
	values.diastolic = hypertensive ? whole(88, 102) : whole(child ? 55 : 65, child ? 75 : 82);
	values.pulse = child ? whole(75, 110) : whole(58, 92);
	values.respiratoryRate = child ? whole(18, 24) : whole(12, 18);
	values.height = child
		? Math.min(95 + 5.5 * (years - 3) + body.childOffset, body.adultHeight)
		: body.adultHeight;
	const bmi = child ? 15 + (body.bmi - 20) / 3 + between(-0.3, 0.3) : body.bmi + between(-0.8, 0.8);
	values.weight = bmi * (values.height / 100) ** 2;
	return values;
}

/** The demo vitals sets for `patients`, taken by `takenBy`, over the three years before `now`. */
export function demoVitals(
	patients: DemoVitalsPatient[],
	takenBy: string,
	now: Date,
	seed = 20261204
): VitalsSet[] {
	const random = seededRandom(seed);
	const sets: VitalsSet[] = [];
	const chosen = [...patients]
		.sort((a, b) => a.mrn.localeCompare(b.mrn))
		.filter((_patient, index) => index % EVERY_NTH_PATIENT === 0);
	for (const patient of chosen) {
		const count = 1 + Math.floor(random() * 6);
		const body = build(random);
		for (let n = 0; n < count; n++) {
			// Office hours, 08:00–16:00 UTC-ish, on a day in the past three years.
			const daysAgo = Math.floor(random() * THREE_YEARS_DAYS) + 1;
			const day = Math.floor(now.getTime() / DAY_MS) - daysAgo;
			const time = day * DAY_MS + Math.floor(random() * 8 + 14) * 3_600_000;
			const takenAt = new Date(time).toISOString();
			const age = ageAtMeasurement(patient.dateOfBirth, takenAt);
			if (!age) continue;
			sets.push({
				id: demoId(random, time),
				patientId: patient.id,
				takenAt,
				takenBy,
				unitSystem: random() < 0.8 ? 'imperial' : 'metric',
				values: readings(age, random, body),
				notes: ''
			});
		}
	}
	return sets;
}
