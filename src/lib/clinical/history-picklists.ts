// The pick lists of the medical-history intake, so a nurse on a tablet taps instead of types.
// Each list is a const tuple of stored values plus a label map (and codes where a standard
// value set exists: SNOMED CT for smoking status, HL7 v3 RoleCode for relatives).

/** Whether a problem is still present. */
export const PROBLEM_STATUSES = ['active', 'resolved'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
	active: 'Active',
	resolved: 'Resolved'
};

/** How a medication is taken. */
export const MEDICATION_ROUTES = [
	'oral',
	'sublingual',
	'topical',
	'transdermal',
	'inhaled',
	'nasal',
	'ophthalmic',
	'otic',
	'rectal',
	'vaginal',
	'subcutaneous',
	'intramuscular',
	'intravenous',
	'other'
] as const;
export type MedicationRoute = (typeof MEDICATION_ROUTES)[number];
export const MEDICATION_ROUTE_LABELS: Record<MedicationRoute, string> = {
	oral: 'By mouth',
	sublingual: 'Under the tongue',
	topical: 'On the skin',
	transdermal: 'Patch',
	inhaled: 'Inhaled',
	nasal: 'In the nose',
	ophthalmic: 'In the eye',
	otic: 'In the ear',
	rectal: 'Rectal',
	vaginal: 'Vaginal',
	subcutaneous: 'Injection under the skin',
	intramuscular: 'Injection into muscle',
	intravenous: 'Intravenous',
	other: 'Other'
};

/** Frequencies offered as one-tap choices; the field itself is free text. */
export const MEDICATION_FREQUENCY_PICKS = [
	'Once a day',
	'Twice a day',
	'Three times a day',
	'Four times a day',
	'Every morning',
	'At bedtime',
	'Every 4 hours',
	'Every 6 hours',
	'Every 8 hours',
	'Once a week',
	'As needed'
] as const;

/** Whether the patient is taking a medication. */
export const MEDICATION_STATUSES = ['active', 'on-hold', 'stopped', 'completed'] as const;
export type MedicationStatus = (typeof MEDICATION_STATUSES)[number];
export const MEDICATION_STATUS_LABELS: Record<MedicationStatus, string> = {
	active: 'Taking',
	'on-hold': 'On hold',
	stopped: 'Stopped',
	completed: 'Course finished'
};

/** What an allergy is to. */
export const ALLERGY_CATEGORIES = ['drug', 'food', 'environment', 'other'] as const;
export type AllergyCategory = (typeof ALLERGY_CATEGORIES)[number];
export const ALLERGY_CATEGORY_LABELS: Record<AllergyCategory, string> = {
	drug: 'Medication',
	food: 'Food',
	environment: 'Environment (pollen, latex, insects…)',
	other: 'Other'
};

/** Common reactions offered as one-tap choices; anything else goes in the reaction text. */
export const ALLERGY_REACTIONS = [
	'hives',
	'rash',
	'anaphylaxis',
	'swelling',
	'nausea',
	'wheezing'
] as const;
export type AllergyReaction = (typeof ALLERGY_REACTIONS)[number];
export const ALLERGY_REACTION_LABELS: Record<AllergyReaction, string> = {
	hives: 'Hives',
	rash: 'Rash',
	anaphylaxis: 'Anaphylaxis',
	swelling: 'Swelling',
	nausea: 'Nausea or vomiting',
	wheezing: 'Wheezing'
};

/** How bad a reaction was. */
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'life-threatening'] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];
export const ALLERGY_SEVERITY_LABELS: Record<AllergySeverity, string> = {
	mild: 'Mild',
	moderate: 'Moderate',
	severe: 'Severe',
	'life-threatening': 'Life-threatening'
};

/** The SNOMED CT concept for an explicit "no known allergies" entry. */
export const NO_KNOWN_ALLERGIES = { snomed: '716186003', label: 'No known allergies' } as const;

/** Relatives in a family history, with their HL7 v3 RoleCode (as FamilyMemberHistory uses). */
export const RELATIVES = {
	mother: { label: 'Mother', roleCode: 'MTH' },
	father: { label: 'Father', roleCode: 'FTH' },
	sister: { label: 'Sister', roleCode: 'SIS' },
	brother: { label: 'Brother', roleCode: 'BRO' },
	daughter: { label: 'Daughter', roleCode: 'DAUC' },
	son: { label: 'Son', roleCode: 'SONC' },
	'maternal-grandmother': { label: 'Grandmother (mother’s side)', roleCode: 'MGRMTH' },
	'maternal-grandfather': { label: 'Grandfather (mother’s side)', roleCode: 'MGRFTH' },
	'paternal-grandmother': { label: 'Grandmother (father’s side)', roleCode: 'PGRMTH' },
	'paternal-grandfather': { label: 'Grandfather (father’s side)', roleCode: 'PGRFTH' },
	'maternal-aunt': { label: 'Aunt (mother’s side)', roleCode: 'MAUNT' },
	'maternal-uncle': { label: 'Uncle (mother’s side)', roleCode: 'MUNCLE' },
	'paternal-aunt': { label: 'Aunt (father’s side)', roleCode: 'PAUNT' },
	'paternal-uncle': { label: 'Uncle (father’s side)', roleCode: 'PUNCLE' },
	cousin: { label: 'Cousin', roleCode: 'COUSN' },
	other: { label: 'Other relative', roleCode: 'FAMMEMB' }
} as const;
export type Relative = keyof typeof RELATIVES;
/** The relatives' stored values, for z.enum. */
export const RELATIVE_KEYS = Object.keys(RELATIVES) as [Relative, ...Relative[]];

/** Conditions offered as one-tap choices in a family history; the field itself is free text. */
export const FAMILY_CONDITION_PICKS = [
	'Heart disease',
	'High blood pressure',
	'Stroke',
	'Diabetes',
	'High cholesterol',
	'Cancer',
	'Asthma',
	'Depression',
	'Dementia',
	'Kidney disease'
] as const;

/** Smoking status per the CDC / US Core value set, with its SNOMED CT code. */
export const SMOKING_STATUSES = {
	never: { label: 'Never smoker', snomed: '266919005' },
	former: { label: 'Former smoker', snomed: '8517006' },
	'current-every-day': { label: 'Current every day smoker', snomed: '449868002' },
	'current-some-day': { label: 'Current some day smoker', snomed: '428041000124106' },
	unknown: { label: 'Unknown if ever smoked', snomed: '266927001' }
} as const;
export type SmokingStatus = keyof typeof SMOKING_STATUSES;
/** The smoking statuses' stored values, for z.enum. */
export const SMOKING_STATUS_KEYS = Object.keys(SMOKING_STATUSES) as [
	SmokingStatus,
	...SmokingStatus[]
];

/** How often the patient drinks alcohol. */
export const ALCOHOL_USES = ['none', 'occasional', 'weekly', 'daily'] as const;
export type AlcoholUse = (typeof ALCOHOL_USES)[number];
export const ALCOHOL_USE_LABELS: Record<AlcoholUse, string> = {
	none: 'None',
	occasional: 'Occasionally (less than weekly)',
	weekly: 'Weekly',
	daily: 'Daily'
};

/** Common diagnoses offered as one-tap choices; a tap fills in the name and the ICD-10 code. */
export const PROBLEM_PICKS = [
	{ name: 'Essential hypertension', icd10: 'I10' },
	{ name: 'Type 2 diabetes mellitus', icd10: 'E11.9' },
	{ name: 'Hyperlipidemia', icd10: 'E78.5' },
	{ name: 'Asthma', icd10: 'J45.909' },
	{ name: 'Gastro-esophageal reflux disease', icd10: 'K21.9' },
	{ name: 'Hypothyroidism', icd10: 'E03.9' },
	{ name: 'Depression', icd10: 'F32.A' },
	{ name: 'Anxiety disorder', icd10: 'F41.9' },
	{ name: 'Obesity', icd10: 'E66.9' },
	{ name: 'Osteoarthritis', icd10: 'M19.90' }
] as const;

/** Common allergens offered as one-tap choices; a tap fills in the substance and its kind. */
export const ALLERGY_SUBSTANCE_PICKS = [
	{ substance: 'Penicillin', category: 'drug' },
	{ substance: 'Sulfa drugs', category: 'drug' },
	{ substance: 'Codeine', category: 'drug' },
	{ substance: 'Aspirin', category: 'drug' },
	{ substance: 'Peanuts', category: 'food' },
	{ substance: 'Shellfish', category: 'food' },
	{ substance: 'Eggs', category: 'food' },
	{ substance: 'Latex', category: 'environment' },
	{ substance: 'Bee stings', category: 'environment' }
] as const satisfies readonly { substance: string; category: AllergyCategory }[];

/** Common operations offered as one-tap choices; the field itself is free text. */
export const SURGERY_PICKS = [
	'Appendectomy',
	'Tonsillectomy',
	'Cholecystectomy',
	'Cesarean section',
	'Hernia repair',
	'Knee arthroscopy',
	'Hysterectomy',
	'Cataract surgery'
] as const;
