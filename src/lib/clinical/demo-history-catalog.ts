/**
 * What the demo office's histories are made of: common primary-care problems with the medication
 * usually taken for each, allergies as patients report them, operations, family conditions. The
 * chances are rough and only meant to make the demo charts look like a family practice's.
 */
import type { AllergyCategory, AllergyReaction, AllergySeverity } from './history-picklists';

export interface DemoProblem {
	name: string;
	icd10: string;
	/** Chance a patient of `age` (years) has it. */
	chance: (age: number) => number;
	/** A problem that came and went (bronchitis, a sprain). */
	resolves?: boolean;
	medication?: { name: string; dose: string; frequency: string; route?: 'inhaled' | 'topical' };
}

const adult = (age: number) => (age >= 18 ? 1 : 0);
const over = (years: number, chance: number) => (age: number) => (age >= years ? chance : 0);

export const DEMO_PROBLEMS: DemoProblem[] = [
	{
		name: 'Essential hypertension',
		icd10: 'I10',
		chance: (age) => (age >= 60 ? 0.45 : age >= 40 ? 0.25 : adult(age) * 0.05),
		medication: { name: 'Lisinopril', dose: '10 mg', frequency: 'Once a day' }
	},
	{
		name: 'Type 2 diabetes mellitus',
		icd10: 'E11.9',
		chance: over(40, 0.14),
		medication: { name: 'Metformin', dose: '500 mg', frequency: 'Twice a day' }
	},
	{
		name: 'Hyperlipidemia',
		icd10: 'E78.5',
		chance: over(45, 0.28),
		medication: { name: 'Atorvastatin', dose: '20 mg', frequency: 'At bedtime' }
	},
	{
		name: 'Asthma',
		icd10: 'J45.909',
		chance: over(3, 0.08),
		medication: { name: 'Albuterol HFA', dose: '2 puffs', frequency: 'As needed', route: 'inhaled' }
	},
	{
		name: 'Gastro-esophageal reflux disease',
		icd10: 'K21.9',
		chance: over(25, 0.1),
		medication: { name: 'Omeprazole', dose: '20 mg', frequency: 'Every morning' }
	},
	{
		name: 'Hypothyroidism',
		icd10: 'E03.9',
		chance: over(30, 0.06),
		medication: { name: 'Levothyroxine', dose: '50 mcg', frequency: 'Every morning' }
	},
	{
		name: 'Major depressive disorder, single episode',
		icd10: 'F32.9',
		chance: over(16, 0.08),
		medication: { name: 'Sertraline', dose: '50 mg', frequency: 'Once a day' }
	},
	{
		name: 'Osteoarthritis of knee',
		icd10: 'M17.9',
		chance: over(55, 0.18),
		medication: { name: 'Acetaminophen', dose: '500 mg', frequency: 'As needed' }
	},
	{
		name: 'Allergic rhinitis',
		icd10: 'J30.9',
		chance: over(4, 0.12),
		medication: { name: 'Cetirizine', dose: '10 mg', frequency: 'Once a day' }
	},
	{
		name: 'Atopic dermatitis',
		icd10: 'L20.9',
		chance: (age) => (age < 12 ? 0.15 : 0.02),
		medication: {
			name: 'Hydrocortisone 1% cream',
			dose: 'Thin layer',
			frequency: 'Twice a day',
			route: 'topical'
		}
	},
	{ name: 'Acute bronchitis', icd10: 'J20.9', chance: () => 0.08, resolves: true },
	{ name: 'Sprain of ankle', icd10: 'S93.409A', chance: over(8, 0.05), resolves: true },
	{ name: 'Otitis media', icd10: 'H66.90', chance: (age) => (age < 10 ? 0.3 : 0), resolves: true }
];

export interface DemoAllergy {
	substance: string;
	category: AllergyCategory;
	reactions: AllergyReaction[];
	reaction?: string;
	severity: AllergySeverity | null;
}

export const DEMO_ALLERGIES: DemoAllergy[] = [
	{ substance: 'Penicillin', category: 'drug', reactions: ['hives', 'rash'], severity: 'moderate' },
	{ substance: 'Sulfamethoxazole', category: 'drug', reactions: ['rash'], severity: 'mild' },
	{ substance: 'Codeine', category: 'drug', reactions: ['nausea'], severity: 'mild' },
	{ substance: 'Amoxicillin', category: 'drug', reactions: ['rash'], severity: null },
	{ substance: 'Ibuprofen', category: 'drug', reactions: ['wheezing'], severity: 'moderate' },
	{
		substance: 'Peanuts',
		category: 'food',
		reactions: ['anaphylaxis', 'swelling'],
		severity: 'life-threatening'
	},
	{
		substance: 'Shellfish',
		category: 'food',
		reactions: ['hives', 'swelling'],
		severity: 'severe'
	},
	{ substance: 'Latex', category: 'environment', reactions: ['rash'], severity: 'mild' },
	{ substance: 'Bee stings', category: 'environment', reactions: ['swelling'], severity: 'severe' },
	{
		substance: 'Cats',
		category: 'environment',
		reactions: [],
		reaction: 'Sneezing and itchy eyes',
		severity: 'mild'
	}
];

/** Operations, with the youngest age they are done at and who has them. */
export const DEMO_SURGERIES: { procedure: string; fromAge: number; sex?: 'female' | 'male' }[] = [
	{ procedure: 'Tonsillectomy', fromAge: 4 },
	{ procedure: 'Appendectomy', fromAge: 8 },
	{ procedure: 'Laparoscopic cholecystectomy', fromAge: 25 },
	{ procedure: 'Knee arthroscopy', fromAge: 20 },
	{ procedure: 'Cesarean section', fromAge: 20, sex: 'female' },
	{ procedure: 'Inguinal hernia repair', fromAge: 20, sex: 'male' },
	{ procedure: 'Cataract extraction, right eye', fromAge: 60 },
	{ procedure: 'Carpal tunnel release', fromAge: 30 }
];

export const DEMO_FAMILY_CONDITIONS = [
	'Heart disease',
	'High blood pressure',
	'Type 2 diabetes',
	'Stroke',
	'Breast cancer',
	'Colon cancer',
	'High cholesterol',
	'Dementia',
	'Asthma',
	'Depression'
] as const;
