/**
 * The demo office's directory: a mid-sized family practice, generated from a fixed seed so that
 * every run shows the same office. All names and numbers are synthetic.
 */
import type { OfficeSettingsForm, RoomForm, StaffMemberForm, StaffRole } from './schema';
import { npiCheckDigitValid } from './rules';

export interface DemoDirectory {
	settings: OfficeSettingsForm;
	staff: StaffMemberForm[];
	rooms: RoomForm[];
	/** Indexes into `staff` of people who have left (deactivated after creation). */
	departedStaff: number[];
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same office. */
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

const GIVEN = [
	'Amara',
	'Benjamin',
	'Chloé',
	'Daniel',
	'Elena',
	'Farah',
	'Gabriel',
	'Hana',
	'Isaac',
	'Jasmine',
	'Kwame',
	'Lucía',
	'Marcus',
	'Nadia',
	'Oliver',
	'Priya',
	'Quinn',
	'Rafael',
	'Sofia',
	'Theo',
	'Uma',
	'Victor',
	'Wen',
	'Yusuf',
	'Zoë'
];
const FAMILY = [
	'Abernathy',
	'Bianchi',
	'Castillo',
	'Dubois',
	'Eriksen',
	'Fitzgerald',
	'García',
	'Haddad',
	'Ivanova',
	'Jensen',
	'Kowalski',
	'Lindqvist',
	'Moreau',
	'Nakamura',
	'Okafor',
	'Patel',
	'Quintero',
	'Rossi',
	'Schmidt',
	'Tanaka',
	'Urquhart',
	'Valdez',
	'Whitfield',
	'Yamamoto',
	'Zielinski'
];

const TEAM: { role: StaffRole; credentials: string; count: number }[] = [
	{ role: 'physician', credentials: 'MD', count: 4 },
	{ role: 'nurse-practitioner', credentials: 'FNP-C', count: 2 },
	{ role: 'physician-assistant', credentials: 'PA-C', count: 1 },
	{ role: 'registered-nurse', credentials: 'RN', count: 2 },
	{ role: 'medical-assistant', credentials: 'CMA', count: 4 },
	{ role: 'front-desk', credentials: '', count: 3 },
	{ role: 'billing', credentials: 'CPC', count: 1 },
	{ role: 'lab-technician', credentials: 'MLT', count: 1 },
	{ role: 'office-manager', credentials: '', count: 1 }
];

const NPI_ROLES = new Set<StaffRole>(['physician', 'nurse-practitioner', 'physician-assistant']);

/** A valid NPI (correct check digit) starting with 1, from the generator. */
function demoNpi(random: () => number): string {
	const body = '1' + Array.from({ length: 8 }, () => Math.floor(random() * 10)).join('');
	for (let digit = 0; digit <= 9; digit++) {
		if (npiCheckDigitValid(body + digit)) return body + digit;
	}
	throw new Error('unreachable: one check digit always fits');
}

function pick<T>(random: () => number, list: readonly T[]): T {
	return list[Math.floor(random() * list.length)];
}

function demoStaff(random: () => number): StaffMemberForm[] {
	const staff: StaffMemberForm[] = [];
	const used = new Set<string>();
	for (const { role, credentials, count } of TEAM) {
		for (let n = 0; n < count; n++) {
			let givenName: string;
			let familyName: string;
			do {
				givenName = pick(random, GIVEN);
				familyName = pick(random, FAMILY);
			} while (used.has(givenName + familyName));
			used.add(givenName + familyName);
			const handle = `${givenName[0]}${familyName}`.normalize('NFD').replace(/\p{M}/gu, '');
			const year = 2012 + Math.floor(random() * 13);
			const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
			staff.push({
				givenName,
				familyName,
				role,
				credentials,
				npi: NPI_ROLES.has(role) ? demoNpi(random) : '',
				email: `${handle.toLowerCase()}@maplegrovefm.example`,
				phone: `(217) 555-${String(100 + Math.floor(random() * 99)).padStart(4, '0')}`,
				startDate: `${year}-${month}-01`
			});
		}
	}
	return staff;
}

const ROOMS: RoomForm[] = [
	...Array.from({ length: 8 }, (_, i): RoomForm => ({ name: `Exam ${i + 1}`, kind: 'exam' })),
	{ name: 'Procedure 1', kind: 'procedure', notes: 'Minor procedures; crash cart here' },
	{ name: 'Procedure 2', kind: 'procedure' },
	{ name: 'Lab', kind: 'lab', notes: 'Blood draws and point-of-care tests' },
	{ name: 'Manager’s office', kind: 'office' },
	{ name: 'Billing office', kind: 'office' }
];

/** The whole demo directory for a seed (the app always uses the default). */
export function demoDirectory(seed = 20261127): DemoDirectory {
	const random = seededRandom(seed);
	const statuses = ['ready', 'ready', 'ready', 'occupied', 'needs-cleaning'] as const;
	return {
		settings: {
			name: 'Maple Grove Family Medicine',
			addressLine1: '1420 Maple Avenue',
			addressLine2: 'Suite 200',
			city: 'Springfield',
			state: 'IL',
			zip: '62704',
			phone: '(217) 555-0142',
			fax: '(217) 555-0143',
			timeZone: 'America/Chicago',
			npi: demoNpi(random),
			taxId: '37-1234567',
			autoLockMinutes: 5
		},
		staff: demoStaff(random),
		rooms: ROOMS.map((room, i) =>
			room.kind === 'exam'
				? { ...room, status: i === 6 ? 'out-of-service' : pick(random, statuses) }
				: room
		),
		departedStaff: [12]
	};
}
