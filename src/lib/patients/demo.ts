/**
 * The demo office's patients: a Springfield, Illinois family practice's registry, generated from
 * a fixed seed so every run shows the same people. Names of many origins (with their accents),
 * birth dates 1930–2024, families sharing a home phone, Spanish and other preferred languages,
 * and the payers such a practice bills. Every name and number is made up (555 phone exchange).
 */
import type { ImportedPatient } from './import';
import type { InsurancePolicyForm } from './insurance-schema';
import type { PatientForm } from './schema';

export const DEMO_PATIENT_COUNT = 2000;

/** A small deterministic PRNG (mulberry32): the same seed gives the same patients. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FAMILY = (
	'Smith Johnson Williams Brown Jones García Miller Davis Rodríguez Martínez Hernández López ' +
	'González Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Pérez Thompson White Harris ' +
	'Sánchez Clark Ramírez Lewis Robinson Walker Young Allen King Wright Scott Nguyen Hill Flores ' +
	'Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Patel Kim Chen Tran ' +
	'Okafor Kowalski Nowak Müller Dubois Haddad Nakamura Yilmaz Ivanova Søndergaard Łukasiewicz ' +
	"O'Brien D'Angelo MacDonald Jean-Baptiste Begay Mensah Abubakar Santos Ferreira Rossi"
).split(' ');
const FEMALE = (
	'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen María Sofía Lucía ' +
	'Guadalupe Ana Emma Olivia Ava Mia Chloé Zoë Renée Inés Małgorzata Siobhán Ngozi Priya Aisha ' +
	'Fatima Mei Linh Hana Yuki Amara Nadia Margaret Katherine Dorothy Ruth Evelyn Harper'
).split(' ');
const MALE = (
	'James Robert John Michael David William Richard Joseph Thomas Charles José Juan Carlos Luis ' +
	'Jesús Miguel Mateo Santiago Minh Wei Jin Hiroshi Arjun Mohammed Omar Yusuf Kwame Chinedu ' +
	'François Björn Søren Łukasz Seán Tomás Raúl Daniel Matthew Anthony Noah Liam Ethan Walter'
).split(' ');
const NICKNAMES: Record<string, string> = {
	Robert: 'Bob',
	William: 'Bill',
	Elizabeth: 'Liz',
	Michael: 'Mike',
	Margaret: 'Peggy',
	Katherine: 'Kate',
	José: 'Pepe',
	Guadalupe: 'Lupe',
	Richard: 'Rick'
};
const STREETS = (
	'Maple Avenue|Lincoln Street|Washington Street|Monroe Street|Adams Street|Capitol Avenue|' +
	'Chatham Road|Wabash Avenue|MacArthur Boulevard|Sangamon Avenue|Dirksen Parkway|Iles Avenue'
).split('|');
const ZIPS = ['62701', '62702', '62703', '62704', '62707', '62711', '62712'];
const LANGUAGES = ['es', 'es', 'es', 'vi', 'zh', 'ar', 'pl', 'ko', 'tl', 'fr', 'ru'];

interface Payer {
	name: string;
	id: string;
	plans: string[];
	memberPrefix: string;
}
const PAYERS: Payer[] = [
	{
		name: 'Blue Cross Blue Shield of Illinois',
		id: '00621',
		plans: ['PPO', 'Blue Choice HMO'],
		memberPrefix: 'XOF'
	},
	{
		name: 'Aetna',
		id: '60054',
		plans: ['Open Access Managed Choice', 'Aetna HMO'],
		memberPrefix: 'W'
	},
	{
		name: 'UnitedHealthcare',
		id: '87726',
		plans: ['Choice Plus', 'Navigate HMO'],
		memberPrefix: '9'
	},
	{ name: 'Cigna', id: '62308', plans: ['Open Access Plus', 'LocalPlus'], memberPrefix: 'U' },
	{ name: 'Humana', id: '61101', plans: ['Gold Plus HMO', 'Choice PPO'], memberPrefix: 'H' }
];
const MEDICARE: Payer = { name: 'Medicare', id: '00952', plans: ['Part B'], memberPrefix: '1EG' };
const MEDICAID: Payer = {
	name: 'Illinois Medicaid',
	id: 'IL621',
	plans: ['HealthChoice Illinois'],
	memberPrefix: ''
};
const MEDIGAP: Payer = {
	name: 'AARP Medicare Supplement',
	id: '36273',
	plans: ['Plan G'],
	memberPrefix: 'A'
};

/** The demo registry for a seed (the app always uses the default); `today` sets the ages. */
export function demoPatients(seed = 20261203, count = DEMO_PATIENT_COUNT): ImportedPatient[] {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
	const phone = () => `(217) 555-${digits(4)}`;
	const patients: ImportedPatient[] = [];
	let family: { name: string; phone: string; address: PatientForm['address'] } | null = null;
	for (let n = 0; n < count; n++) {
		// About one patient in three shares a household (family name, home phone, address).
		if (!family || random() > 0.35) {
			family = {
				name: pick(FAMILY),
				phone: phone(),
				address: {
					line1: `${100 + Math.floor(random() * 4800)} ${pick(STREETS)}`,
					line2: random() < 0.1 ? `Apt ${1 + Math.floor(random() * 30)}` : '',
					city: 'Springfield',
					state: 'IL',
					zip: pick(ZIPS)
				}
			};
		}
		const female = random() < 0.52;
		const givenName = pick(female ? FEMALE : MALE);
		const year = 1930 + Math.floor(random() * 95);
		const dateOfBirth = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
		const language = random() < 0.14 ? pick(LANGUAGES) : 'en';
		const mobile = random() < 0.85 ? phone() : '';
		const patient: PatientForm = {
			givenName,
			middleName: random() < 0.3 ? pick(female ? FEMALE : MALE) : '',
			familyName: family.name,
			preferredName: random() < 0.4 ? (NICKNAMES[givenName] ?? '') : '',
			dateOfBirth,
			sexAssignedAtBirth: female ? 'female' : 'male',
			genderIdentity: random() < 0.7 ? (female ? 'female' : 'male') : 'unknown',
			phones: { mobile, home: random() < 0.45 ? family.phone : '' },
			address: family.address,
			preferredLanguage: language,
			interpreterNeeded: language !== 'en' && random() < 0.5,
			consents: {
				sms:
					mobile && random() < 0.6
						? { granted: true, recordedOn: '2025-01-15', recordedBy: 'Front desk' }
						: {},
				voicemail:
					random() < 0.7
						? { granted: true, recordedOn: '2025-01-15', recordedBy: 'Front desk' }
						: {}
			}
		};
		patients.push({
			patient,
			active: random() < 0.94,
			policies: policiesFor(year, random, pick, digits)
		});
	}
	return patients;
}

function policiesFor(
	birthYear: number,
	random: () => number,
	pick: <T>(list: readonly T[]) => T,
	digits: (n: number) => string
): InsurancePolicyForm[] {
	const policy = (payer: Payer, order: InsurancePolicyForm['order']): InsurancePolicyForm => ({
		order,
		payerName: payer.name,
		payerId: payer.id,
		planName: pick(payer.plans),
		memberId: `${payer.memberPrefix}${digits(9)}`,
		groupNumber: payer === MEDICARE || payer === MEDICAID ? '' : digits(6),
		subscriber: { relationship: 'self' },
		effectiveDate: `${2018 + Math.floor(random() * 7)}-01-01`
	});
	const roll = random();
	if (birthYear <= 1960) {
		return roll < 0.6
			? [policy(MEDICARE, 'primary'), policy(MEDIGAP, 'secondary')]
			: [policy(MEDICARE, 'primary')];
	}
	if (roll < 0.2) return [policy(MEDICAID, 'primary')];
	if (roll < 0.25) return [];
	return [policy(pick(PAYERS), 'primary')];
}
