/**
 * Synthetic patients for tests and benchmarks: a practice's worth of diverse, realistic-looking
 * people — common and rare names of many origins (accents, apostrophes, compound family names),
 * nicknames as preferred names, ages 0–95, several area codes. Generated from a fixed seed, so
 * the same count and seed give the same patients. Every name and number is made up.
 */
import { mrnForSequence } from '../mrn';
import type { Patient } from '../schema';
import { testId } from './records';

// Roughly by frequency: earlier names are picked far more often (see `skewed`).
const FAMILY = [
	...['García', 'Smith', 'Nguyen', 'Johnson', 'Rodríguez', 'Williams', 'Martínez', 'Brown'],
	...['Hernández', 'Jones', 'López', 'Lee', 'González', 'Miller', 'Pérez', 'Davis', 'Kim'],
	...['Wilson', 'Sánchez', 'Patel', 'Anderson', 'Ramírez', 'Tran', 'Thomas', 'Chen', 'Taylor'],
	...['Flores', 'Moore', 'Rivera', 'Jackson', 'Torres', 'Wang', 'White', 'Gómez', 'Harris'],
	...['Pham', 'Martin', 'Díaz', 'Thompson', 'Cruz', 'Li', 'Robinson', 'Reyes', 'Le', 'Clark'],
	...['Morales', 'Park', 'Lewis', 'Ortiz', 'Singh', 'Walker', 'Gutiérrez', 'Huynh', 'Young'],
	...['Chávez', 'Khan', 'Allen', 'Ruiz', 'Choi', 'King', 'Mendoza', 'Wright', 'Vargas', 'Scott'],
	...["O'Brien", 'Castillo', 'Hill', 'Jiménez', 'Ali', 'Green', 'Moreno', 'Adams', 'Romero'],
	...['Baker', 'Álvarez', 'Nelson', 'Herrera', 'Cohen', 'Carter', 'Medina', 'Mitchell', 'Vũ'],
	...['Roberts', 'Castro', 'Ahmed', 'Campbell', 'Okafor', 'Yilmaz', 'Nakamura', 'Kowalski'],
	...['Müller', 'Dubois', 'Haddad', 'Adeyemi', 'Mensah', 'Begay', 'Yazzie', 'Jean-Baptiste'],
	...['de la Cruz', 'García-López', 'Van der Berg', 'MacDonald', "D'Angelo", 'Łukasiewicz'],
	...['Søndergaard', 'Nowak', 'Ivanova', 'Petrov', 'Tanaka', 'Watanabe', 'Abdullah', 'Hoang'],
	...['Ferreira', 'Santos', 'Oliveira', 'Rossi', 'Bianchi', 'Schmidt', 'Andersson', 'Jensen'],
	...['Fitzgerald', 'St. John', 'Ó Súilleabháin', 'Nwosu', 'Mwangi', 'Abubakar', 'Yamamoto']
];

const FEMALE = [
	...['María', 'Mary', 'Jennifer', 'Linda', 'Elizabeth', 'Patricia', 'Sofía', 'Jessica'],
	...['Sarah', 'Ashley', 'Guadalupe', 'Emily', 'Michelle', 'Ana', 'Olivia', 'Emma', 'Ava'],
	...['Isabella', 'Mia', 'Camila', 'Lucía', 'Valentina', 'Thi', 'Linh', 'Mai', 'Ji-woo', 'Mei'],
	...['Priya', 'Aisha', 'Fatima', 'Zoë', 'Chloé', 'Amara', 'Nadia', 'Hana', 'Yuki', 'Chiamaka'],
	...['Margaret', 'Katherine', 'Rebecca', 'Deborah', 'Susan', 'Victoria', 'Abigail', 'Alejandra'],
	...['Mary Ann', 'Renée', 'Inés', 'Małgorzata', 'Siobhán', 'Ngozi', 'Leilani', 'Dagmar']
];

const MALE = [
	...['José', 'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Juan', 'Carlos'],
	...['Luis', 'Daniel', 'Joseph', 'Thomas', 'Christopher', 'Anthony', 'Jesús', 'Miguel'],
	...['Matthew', 'Andrew', 'Ethan', 'Liam', 'Noah', 'Mateo', 'Santiago', 'Minh', 'Duc', 'Wei'],
	...['Jin', 'Hiroshi', 'Arjun', 'Mohammed', 'Omar', 'Yusuf', 'Kwame', 'Chinedu', 'Dmitri'],
	...['François', 'Björn', 'Søren', 'Łukasz', 'Seán', 'Tomás', 'Raúl', 'Ignacio', 'Francisco'],
	...['Richard', 'Charles', 'Edward', 'Benjamin', 'Samuel', 'Alexander', 'Nicholas', 'Gregory']
];

const NICKNAMES: Record<string, string> = {
	Robert: 'Bob',
	William: 'Bill',
	Elizabeth: 'Liz',
	James: 'Jim',
	Michael: 'Mike',
	Margaret: 'Peggy',
	Katherine: 'Kate',
	José: 'Pepe',
	Francisco: 'Paco',
	Guadalupe: 'Lupe',
	Alexander: 'Alex',
	Christopher: 'Chris'
};

const AREA_CODES = ['217', '312', '773', '309', '630', '708', '847', '618', '415', '212'];

/** A small deterministic PRNG (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `count` stored patients from a fixed seed, with MRNs P… from sequence 1 and ids testId(n). */
export function syntheticPatients(count: number, seed = 30_000): Patient[] {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	// Squaring skews picks towards the front of a list, as real name frequencies are skewed.
	const skewed = <T>(list: readonly T[]): T => list[Math.floor(random() ** 2 * list.length)];
	const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
	const phone = () => {
		// About one in eight numbers uses the 555 exchange, as test and fictional numbers do.
		const exchange = random() < 0.125 ? '555' : `${2 + Math.floor(random() * 8)}${digits(2)}`;
		return `(${pick(AREA_CODES)}) ${exchange}-${digits(4)}`;
	};
	const patients: Patient[] = [];
	for (let n = 1; n <= count; n++) {
		const female = random() < 0.52;
		const givenName = skewed(female ? FEMALE : MALE);
		const year = 1930 + Math.floor(random() * 96);
		const month = 1 + Math.floor(random() * 12);
		const day = 1 + Math.floor(random() * 28);
		patients.push({
			id: testId(n),
			mrn: mrnForSequence(n),
			givenName,
			middleName: random() < 0.4 ? skewed(female ? FEMALE : MALE) : '',
			familyName: skewed(FAMILY),
			suffix: !female && random() < 0.03 ? pick(['Jr.', 'Sr.', 'III']) : '',
			preferredName: random() < 0.5 ? (NICKNAMES[givenName] ?? '') : '',
			dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
			sexAssignedAtBirth: female ? 'female' : 'male',
			genderIdentity: 'unknown',
			genderIdentityOther: '',
			pronouns: '',
			phones: {
				mobile: random() < 0.85 ? phone() : '',
				home: random() < 0.35 ? phone() : '',
				work: random() < 0.1 ? phone() : ''
			},
			email: '',
			address: { line1: '', line2: '', city: '', state: '', zip: '' },
			preferredLanguage: random() < 0.15 ? pick(['es', 'vi', 'zh', 'tl', 'ar', 'ko']) : 'en',
			interpreterNeeded: false,
			emergencyContact: { name: '', relationship: '', phone: '' },
			consents: {
				sms: { granted: false, recordedOn: '', recordedBy: '' },
				email: { granted: false, recordedOn: '', recordedBy: '' },
				voicemail: { granted: false, recordedOn: '', recordedBy: '' }
			},
			guarantor: { relationship: 'self' },
			active: random() < 0.92,
			mergedInto: ''
		});
	}
	return patients;
}
