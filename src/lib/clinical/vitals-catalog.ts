// The vital signs the office records: what each is called, its LOINC code (as the FHIR R4
// vital-signs profiles require) and its units in UCUM. Values are stored in the canonical unit;
// the imperial unit is only for entry and display. BMI is derived from height and weight.

/** The two ways a person can enter and read measurements. */
export const UNIT_SYSTEMS = ['metric', 'imperial'] as const;

export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

/** Every vital in display order; BMI is computed, the others are measured. */
export const VITAL_KEYS = [
	'systolic',
	'diastolic',
	'pulse',
	'respiratoryRate',
	'temperature',
	'spo2',
	'height',
	'weight',
	'bmi',
	'headCircumference',
	'pain'
] as const;

export type VitalKey = (typeof VITAL_KEYS)[number];

/** The vitals a person measures and enters; BMI is left out because it is computed. */
export type MeasuredVitalKey = Exclude<VitalKey, 'bmi'>;

/** The measured vitals in display order. */
export const MEASURED_VITAL_KEYS = VITAL_KEYS.filter(
	(key): key is MeasuredVitalKey => key !== 'bmi'
);

/** A code from a code system, with the display text the system gives it. */
export interface Code {
	code: string;
	display: string;
}

/** A UCUM unit code and the text a person reads. */
export interface Unit {
	ucum: string;
	display: string;
}

/** How one vital is named, coded and measured. */
export interface VitalDefinition {
	key: VitalKey;
	label: string;
	loinc: Code;
	unit: Unit;
	/** The unit used for entry and display in imperial mode, when it differs from `unit`. */
	imperialUnit: Unit | null;
}

const MM_HG: Unit = { ucum: 'mm[Hg]', display: 'mm Hg' };
const CM: Unit = { ucum: 'cm', display: 'cm' };
const INCH: Unit = { ucum: '[in_i]', display: 'in' };

/** Each vital's label, LOINC code and units, keyed by vital. */
export const VITALS: Record<VitalKey, VitalDefinition> = {
	systolic: {
		key: 'systolic',
		label: 'Systolic pressure',
		loinc: { code: '8480-6', display: 'Systolic blood pressure' },
		unit: MM_HG,
		imperialUnit: null
	},
	diastolic: {
		key: 'diastolic',
		label: 'Diastolic pressure',
		loinc: { code: '8462-4', display: 'Diastolic blood pressure' },
		unit: MM_HG,
		imperialUnit: null
	},
	pulse: {
		key: 'pulse',
		label: 'Pulse',
		loinc: { code: '8867-4', display: 'Heart rate' },
		unit: { ucum: '/min', display: 'beats/min' },
		imperialUnit: null
	},
	respiratoryRate: {
		key: 'respiratoryRate',
		label: 'Respiratory rate',
		loinc: { code: '9279-1', display: 'Respiratory rate' },
		unit: { ucum: '/min', display: 'breaths/min' },
		imperialUnit: null
	},
	temperature: {
		key: 'temperature',
		label: 'Temperature',
		loinc: { code: '8310-5', display: 'Body temperature' },
		unit: { ucum: 'Cel', display: '°C' },
		imperialUnit: { ucum: '[degF]', display: '°F' }
	},
	spo2: {
		key: 'spo2',
		label: 'SpO₂',
		loinc: { code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
		unit: { ucum: '%', display: '%' },
		imperialUnit: null
	},
	height: {
		key: 'height',
		label: 'Height',
		loinc: { code: '8302-2', display: 'Body height' },
		unit: CM,
		imperialUnit: INCH
	},
	weight: {
		key: 'weight',
		label: 'Weight',
		loinc: { code: '29463-7', display: 'Body weight' },
		unit: { ucum: 'kg', display: 'kg' },
		imperialUnit: { ucum: '[lb_av]', display: 'lb' }
	},
	bmi: {
		key: 'bmi',
		label: 'BMI',
		loinc: { code: '39156-5', display: 'Body mass index (BMI) [Ratio]' },
		unit: { ucum: 'kg/m2', display: 'kg/m²' },
		imperialUnit: null
	},
	headCircumference: {
		key: 'headCircumference',
		label: 'Head circumference',
		loinc: { code: '9843-4', display: 'Head Occipital-frontal circumference' },
		unit: CM,
		imperialUnit: INCH
	},
	pain: {
		key: 'pain',
		label: 'Pain score',
		loinc: {
			code: '72514-3',
			display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported'
		},
		unit: { ucum: '{score}', display: 'score' },
		imperialUnit: null
	}
};

/** The LOINC panel that groups one visit's vital signs. */
export const VITAL_SIGNS_PANEL: Code = {
	code: '85353-1',
	display: 'Vital signs, weight, height, head circumference, oxygen saturation and BMI panel'
};

/** The LOINC panel for a blood pressure reading (systolic and diastolic as components). */
export const BLOOD_PRESSURE_PANEL: Code = {
	code: '85354-9',
	display: 'Blood pressure panel with all children optional'
};

/** The more specific LOINC code for SpO₂ read by a pulse oximeter, sent beside 2708-6. */
export const PULSE_OXIMETRY: Code = {
	code: '59408-5',
	display: 'Oxygen saturation in Arterial blood by Pulse oximetry'
};

/** The unit a vital is entered and shown in for the given unit system. */
export function displayUnit(key: VitalKey, system: UnitSystem): Unit {
	const vital = VITALS[key];
	return system === 'imperial' && vital.imperialUnit ? vital.imperialUnit : vital.unit;
}
