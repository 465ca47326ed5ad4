import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { vitalsToFhirObservations } from './fhir';
import type { Observation } from './fhir-types';
import { NURSE_ID, PATIENT_ID, makeVitalsSet, testId } from './test-support/vitals';

// The R4 rules this export must meet, checked independently of the code that writes them.
const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);
const coding = z.strictObject({ system: z.url(), code: z.string().min(1), display: z.string() });
const concept = z.strictObject({ coding: z.array(coding).min(1), text: z.string().optional() });
const quantity = z.strictObject({
	value: z.number(),
	unit: z.string().min(1),
	system: z.literal('http://unitsofmeasure.org'),
	code: z.string().min(1)
});
const reference = z.strictObject({
	reference: z.string().regex(/^(?:Patient|Practitioner|Observation)\/[A-Za-z0-9\-.]{1,64}$/)
});
const observation = z
	.strictObject({
		resourceType: z.literal('Observation'),
		id: fhirId,
		meta: z.strictObject({ profile: z.array(z.url()).min(1) }).optional(),
		status: z.enum(['final', 'entered-in-error']),
		category: z.array(concept).min(1),
		code: concept,
		subject: reference,
		effectiveDateTime: z.iso.datetime(),
		performer: z.array(reference).min(1),
		valueQuantity: quantity.optional(),
		interpretation: z.array(concept).optional(),
		component: z.array(z.strictObject({ code: concept, valueQuantity: quantity })).optional(),
		hasMember: z.array(reference).min(1).optional(),
		note: z.array(z.strictObject({ text: z.string().min(1) })).optional()
	})
	.refine(
		(o) => [o.valueQuantity, o.component, o.hasMember].filter((x) => x !== undefined).length === 1,
		'An observation has exactly one of a value, components or members.'
	);
const bundleSchema = z.strictObject({
	resourceType: z.literal('Bundle'),
	type: z.literal('collection'),
	entry: z.array(z.strictObject({ fullUrl: z.url().optional(), resource: observation }))
});

const ADULT = { id: PATIENT_ID, birthDate: '1980-03-04' };
const LOINC = 'http://loinc.org';
const PROFILE = 'http://hl7.org/fhir/StructureDefinition/';

function exportOf(...sets: Parameters<typeof vitalsToFhirObservations>[1]): Observation[] {
	const bundle = vitalsToFhirObservations(ADULT, sets);
	return bundleSchema.parse(bundle).entry.map((e) => e.resource as Observation);
}

function find(observations: Observation[], id: string): Observation {
	const found = observations.find((o) => o.id === id);
	if (!found) throw new Error(`No observation ${id}`);
	return found;
}

describe('vitalsToFhirObservations', () => {
	const set = makeVitalsSet(1);
	const observations = exportOf(set);

	it('writes a valid R4 collection: the panel, then each vital in catalog order', () => {
		expect(observations.map((o) => o.id.slice(27))).toEqual([
			'panel',
			'bloodPressure',
			'pulse',
			'respiratoryRate',
			'temperature',
			'spo2',
			'height',
			'weight',
			'bmi',
			'pain'
		]);
	});

	it.each([
		['pulse', 'heartrate', '8867-4', '/min', 72],
		['respiratoryRate', 'resprate', '9279-1', '/min', 14],
		['temperature', 'bodytemp', '8310-5', 'Cel', 36.8],
		['spo2', 'oxygensat', '2708-6', '%', 98],
		['height', 'bodyheight', '8302-2', 'cm', 172.5],
		['weight', 'bodyweight', '29463-7', 'kg', 68.4],
		['bmi', 'bmi', '39156-5', 'kg/m2', 23]
	])('codes %s with the %s profile, LOINC %s and UCUM %s', (key, profile, loinc, ucum, value) => {
		const o = find(observations, `${set.id}-${key}`);
		expect(o.meta?.profile).toEqual([`${PROFILE}${profile}`]);
		expect(o.code.coding[0]).toMatchObject({ system: LOINC, code: loinc });
		expect(o.valueQuantity).toMatchObject({
			system: 'http://unitsofmeasure.org',
			code: ucum,
			value
		});
		expect(o.category[0].coding[0]).toEqual({
			system: 'http://terminology.hl7.org/CodeSystem/observation-category',
			code: 'vital-signs',
			display: 'Vital Signs'
		});
		expect(o).toMatchObject({
			status: 'final',
			subject: { reference: `Patient/${PATIENT_ID}` },
			performer: [{ reference: `Practitioner/${NURSE_ID}` }],
			effectiveDateTime: set.takenAt
		});
	});

	it('sends blood pressure as one observation with systolic and diastolic components', () => {
		const bp = find(observations, `${set.id}-bloodPressure`);
		expect(bp.meta?.profile).toEqual([`${PROFILE}bp`]);
		expect(bp.code.coding[0].code).toBe('85354-9');
		expect(bp.valueQuantity).toBeUndefined();
		expect(
			bp.component?.map((c) => [c.code.coding[0].code, c.valueQuantity.value, c.valueQuantity.code])
		).toEqual([
			['8480-6', 118, 'mm[Hg]'],
			['8462-4', 76, 'mm[Hg]']
		]);
	});

	it('codes SpO₂ both as oxygen saturation and as pulse oximetry', () => {
		const codes = find(observations, `${set.id}-spo2`).code.coding.map((c) => c.code);
		expect(codes).toEqual(['2708-6', '59408-5']);
	});

	it('groups the vital signs of a set in a panel, leaving pain out', () => {
		const panel = find(observations, `${set.id}-panel`);
		expect(panel.meta?.profile).toEqual([`${PROFILE}vitalspanel`]);
		expect(panel.code.coding[0].code).toBe('85353-1');
		const members = panel.hasMember?.map((m) => m.reference.replace('Observation/', ''));
		expect(members).toHaveLength(8);
		expect(members).not.toContain(`${set.id}-pain`);
		members?.forEach((id) => expect(find(observations, id)).toBeDefined());
	});

	it('sends pain as a survey observation without a vital-signs profile', () => {
		const pain = find(observations, `${set.id}-pain`);
		expect(pain.meta).toBeUndefined();
		expect(pain.category[0].coding[0].code).toBe('survey');
		expect(pain.code.coding[0].code).toBe('72514-3');
		expect(pain.valueQuantity).toMatchObject({ code: '{score}', value: 0 });
	});

	it.each([
		['pulse', { pulse: 110 }, 'H', 'High'],
		['respiratoryRate', { respiratoryRate: 10 }, 'L', 'Low'],
		['spo2', { spo2: 89 }, 'LL', 'Critical low'],
		['bloodPressure', { systolic: 190, diastolic: 110 }, 'HH', 'Critical high']
	])('interprets a flagged %s as %s', (key, values, code, display) => {
		const [flagged] = exportOf(makeVitalsSet(2, { values })).filter((o) => o.id.endsWith(key));
		expect(flagged.interpretation?.[0].coding).toEqual([
			{
				system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
				code,
				display
			}
		]);
	});

	it('leaves interpretation out of readings within range', () => {
		expect(observations.every((o) => o.interpretation === undefined)).toBe(true);
	});

	it.each([
		['a child under 2', { id: PATIENT_ID, birthDate: '2024-01-01' }],
		['a patient whose date of birth is unknown', { id: PATIENT_ID }]
	])('leaves BMI out for %s', (_who, patient) => {
		const bundle = vitalsToFhirObservations(patient, [makeVitalsSet(3)]);
		expect(bundle.entry.map((e) => e.resource.id)).not.toContain(`${makeVitalsSet(3).id}-bmi`);
	});

	it('gives entries full URLs under the base URL when one is given', () => {
		const bundle = vitalsToFhirObservations(ADULT, [set], { baseUrl: 'https://fhir.example/r4/' });
		expect(bundle.entry[0].fullUrl).toBe(`https://fhir.example/r4/Observation/${set.id}-panel`);
		expect(vitalsToFhirObservations(ADULT, [set]).entry[0]).not.toHaveProperty('fullUrl');
	});

	it('orders sets oldest first and writes the same bundle every time', () => {
		const later = makeVitalsSet(4, { takenAt: '2025-03-04T15:30:00.500Z', values: { pulse: 80 } });
		const earlier = makeVitalsSet(5, { takenAt: '2025-03-04T15:30:00Z', values: { pulse: 70 } });
		const ids = exportOf(later, earlier).map((o) => o.id);
		expect(ids).toEqual([
			`${earlier.id}-panel`,
			`${earlier.id}-pulse`,
			`${later.id}-panel`,
			`${later.id}-pulse`
		]);
		expect(vitalsToFhirObservations(ADULT, [later, earlier])).toEqual(
			vitalsToFhirObservations(ADULT, [earlier, later])
		);
	});

	it('keeps the notes on the panel and sends a pain-only set without one', () => {
		const noted = exportOf(makeVitalsSet(6, { values: { pulse: 70 }, notes: 'After exercise' }));
		expect(noted[0].note).toEqual([{ text: 'After exercise' }]);
		expect(exportOf(makeVitalsSet(7, { values: { pain: 5 } })).map((o) => o.id.slice(27))).toEqual([
			'pain'
		]);
	});

	it('withdraws every observation of a set entered in error, keeping its ids, with the reason', () => {
		const enteredInError = {
			at: '2025-03-05T10:00:00.000Z',
			by: NURSE_ID,
			reason: 'Wrong patient'
		};
		const struck = exportOf(makeVitalsSet(1, { enteredInError }));
		expect(struck.map((o) => o.id)).toEqual(observations.map((o) => o.id));
		expect(new Set(struck.map((o) => o.status))).toEqual(new Set(['entered-in-error']));
		expect(struck[0].note).toEqual([{ text: 'Entered in error: Wrong patient' }]);
		expect(observations.every((o) => o.status === 'final')).toBe(true);
	});

	it('exports the sets of a merged record with this patient as their subject', () => {
		const merged = makeVitalsSet(9, { patientId: testId(99), values: { pulse: 70 } });
		const bundle = vitalsToFhirObservations({ ...ADULT, mergedIds: [testId(99)] }, [merged]);
		expect(bundle.entry.map((e) => e.resource.subject.reference)).toEqual([
			`Patient/${PATIENT_ID}`,
			`Patient/${PATIENT_ID}`
		]);
	});

	it('refuses a set that belongs to another patient', () => {
		const other = makeVitalsSet(8, { patientId: '01J00000000000000000000999' });
		expect(() => vitalsToFhirObservations(ADULT, [other])).toThrow(
			`Vitals set ${other.id} belongs to another patient.`
		);
	});
});
