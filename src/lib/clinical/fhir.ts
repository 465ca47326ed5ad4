// Export of a patient's vitals as FHIR R4 Observations following the core vital-signs profiles
// (hl7.org/fhir/R4/observation-vitalsigns.html): LOINC codes, UCUM units, category
// 'vital-signs', blood pressure as one Observation with systolic and diastolic components, and
// one 85353-1 panel per set whose members are that set's vital signs. Pain has no core profile
// and is sent as a 'survey' Observation. Ids derive from the set id, so a re-export is identical.
//
// A set entered in error is exported, not left out, with status 'entered-in-error' on each of its
// observations and the reason as a note. R4 defines that status for a record "withdrawn
// following previous final release" that "should never have existed", and marks status a
// modifier element so no receiver may ignore it. Because ids are stable, a receiver that imported
// an earlier export gets the same Observation ids withdrawn; leaving the set out would leave the
// wrong readings standing there. Sets of patient records merged into this one are exported with
// this patient as their subject.
import { ageAtMeasurement } from './age';
import { chartPatientIds } from './clinical-patient';
import type {
	Bundle,
	CodeableConcept,
	Coding,
	Observation,
	ObservationComponent,
	Quantity
} from './fhir-types';
import type { VitalFlag } from './reference-range';
import {
	BLOOD_PRESSURE_PANEL,
	PULSE_OXIMETRY,
	VITALS,
	VITAL_KEYS,
	VITAL_SIGNS_PANEL
} from './vitals-catalog';
import type { Code, VitalKey } from './vitals-catalog';
import { flagVitals } from './vitals-flags';
import type { VitalFlags } from './vitals-flags';
import { computeBmi } from './vitals-rules';
import type { VitalsSet } from './vitals-schema';

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const CATEGORIES = 'http://terminology.hl7.org/CodeSystem/observation-category';
const INTERPRETATIONS = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const PROFILE_BASE = 'http://hl7.org/fhir/StructureDefinition/';

/** What a set exports: its panel, blood pressure as a pair, and each other vital. */
type Part = 'panel' | 'bloodPressure' | Exclude<VitalKey, 'systolic' | 'diastolic'>;

/** The core profile of each exported observation; pain has none. */
export const VITAL_SIGN_PROFILES: Record<Part, string | null> = {
	panel: `${PROFILE_BASE}vitalspanel`,
	bloodPressure: `${PROFILE_BASE}bp`,
	pulse: `${PROFILE_BASE}heartrate`,
	respiratoryRate: `${PROFILE_BASE}resprate`,
	temperature: `${PROFILE_BASE}bodytemp`,
	spo2: `${PROFILE_BASE}oxygensat`,
	height: `${PROFILE_BASE}bodyheight`,
	weight: `${PROFILE_BASE}bodyweight`,
	bmi: `${PROFILE_BASE}bmi`,
	headCircumference: `${PROFILE_BASE}headcircum`,
	pain: null
};

/** The v3 ObservationInterpretation code for each flag. */
export const INTERPRETATION_CODES: Record<VitalFlag, Coding> = {
	low: { system: INTERPRETATIONS, code: 'L', display: 'Low' },
	high: { system: INTERPRETATIONS, code: 'H', display: 'High' },
	'critical-low': { system: INTERPRETATIONS, code: 'LL', display: 'Critical low' },
	'critical-high': { system: INTERPRETATIONS, code: 'HH', display: 'Critical high' }
};

/** Who the vitals belong to; the date of birth lets the export flag readings for age. */
export interface FhirPatient {
	id: string;
	birthDate?: string;
	/** Ids of patient records merged into this one, whose sets are this patient's too. */
	mergedIds?: readonly string[];
}

/** `baseUrl` gives entries absolute fullUrls; `timeZone` is the office's, for ages. */
export interface FhirExportOptions {
	baseUrl?: string;
	timeZone?: string;
}

const loinc = (code: Code, text?: string): CodeableConcept => ({
	coding: [{ system: LOINC, code: code.code, display: code.display }],
	...(text ? { text } : {})
});

const CATEGORY_DISPLAYS = { 'vital-signs': 'Vital Signs', survey: 'Survey' } as const;

const category = (code: keyof typeof CATEGORY_DISPLAYS): CodeableConcept[] => [
	{ coding: [{ system: CATEGORIES, code, display: CATEGORY_DISPLAYS[code] }] }
];

function quantity(key: VitalKey, value: number): Quantity {
	const unit = VITALS[key].unit;
	return { value, unit: unit.display, system: UCUM, code: unit.ucum };
}

function interpretation(flags: VitalFlags, key: keyof VitalFlags): Partial<Observation> {
	const assessment = flags[key];
	if (!assessment?.flag) return {};
	const coding = INTERPRETATION_CODES[assessment.flag];
	return { interpretation: [{ coding: [coding], text: assessment.message }] };
}

/** The shared frame of the observation of `part` of `set`. */
function frame(patientId: string, set: VitalsSet, part: Part, code: CodeableConcept): Observation {
	const profile = VITAL_SIGN_PROFILES[part];
	return {
		resourceType: 'Observation',
		id: `${set.id}-${part}`,
		...(profile ? { meta: { profile: [profile] } } : {}),
		status: set.enteredInError ? 'entered-in-error' : 'final',
		category: category(part === 'pain' ? 'survey' : 'vital-signs'),
		code,
		subject: { reference: `Patient/${patientId}` },
		effectiveDateTime: set.takenAt,
		performer: [{ reference: `Practitioner/${set.takenBy}` }]
	};
}

function component(key: 'systolic' | 'diastolic', value: number): ObservationComponent {
	return { code: loinc(VITALS[key].loinc, VITALS[key].label), valueQuantity: quantity(key, value) };
}

/** The panel's notes: the set's own, and why it was entered in error. */
function notes(set: VitalsSet): Partial<Observation> {
	const texts = [set.notes, set.enteredInError && `Entered in error: ${set.enteredInError.reason}`];
	const note = texts.filter((text): text is string => !!text).map((text) => ({ text }));
	return note.length > 0 ? { note } : {};
}

/** The Observations of one set: the panel, blood pressure, each single vital, then pain. */
function setObservations(
	patient: FhirPatient,
	set: VitalsSet,
	options: FhirExportOptions
): Observation[] {
	const age = ageAtMeasurement(patient.birthDate, set.takenAt, options.timeZone);
	const bmi = computeBmi(set.values.height, set.values.weight, age);
	const values: Partial<Record<VitalKey, number>> = {
		...set.values,
		...(bmi === null ? {} : { bmi })
	};
	const flags = flagVitals(set.values, bmi, age);
	const members: Observation[] = [];
	const surveys: Observation[] = [];
	const { systolic, diastolic } = values;
	if (systolic != null && diastolic != null) {
		members.push({
			...frame(patient.id, set, 'bloodPressure', loinc(BLOOD_PRESSURE_PANEL, 'Blood pressure')),
			...interpretation(flags, 'bloodPressure'),
			component: [component('systolic', systolic), component('diastolic', diastolic)]
		});
	}
	for (const key of VITAL_KEYS) {
		const value = values[key];
		if (value == null || key === 'systolic' || key === 'diastolic') continue;
		const code = loinc(VITALS[key].loinc, VITALS[key].label);
		if (key === 'spo2') code.coding.push({ system: LOINC, ...PULSE_OXIMETRY });
		(key === 'pain' ? surveys : members).push({
			...frame(patient.id, set, key, code),
			valueQuantity: quantity(key, value),
			...interpretation(flags, key)
		});
	}
	if (members.length === 0) return surveys;
	const panel: Observation = {
		...frame(patient.id, set, 'panel', loinc(VITAL_SIGNS_PANEL, 'Vital signs')),
		hasMember: members.map((member) => ({ reference: `Observation/${member.id}` })),
		...notes(set)
	};
	return [panel, ...members, ...surveys];
}

/** Oldest first; sets taken at the same instant in id order, so output never varies. */
function byTime(a: VitalsSet, b: VitalsSet): number {
	return Date.parse(a.takenAt) - Date.parse(b.takenAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A patient's vitals as a FHIR R4 collection Bundle of Observations, oldest set first. */
export function vitalsToFhirObservations(
	patient: FhirPatient,
	sets: VitalsSet[],
	options: FhirExportOptions = {}
): Bundle {
	const base = options.baseUrl?.replace(/\/+$/, '');
	const ids = chartPatientIds({ id: patient.id, mergedIds: patient.mergedIds });
	const entry = [...sets].sort(byTime).flatMap((set) => {
		if (!ids.includes(set.patientId)) {
			throw new Error(`Vitals set ${set.id} belongs to another patient.`);
		}
		return setObservations(patient, set, options).map((resource) => ({
			...(base ? { fullUrl: `${base}/Observation/${resource.id}` } : {}),
			resource
		}));
	});
	return { resourceType: 'Bundle', type: 'collection', entry };
}
