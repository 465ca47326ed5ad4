/** Staff members as the directory projection holds them, in any number, from a fixed seed. */
import { ulid } from 'ulid';
import { seededRandom } from '$lib/directory/demo';
import {
	STAFF_ROLES,
	staffMemberSchema,
	type StaffMember,
	type StaffRole
} from '$lib/directory/schema';
import { FAMILY, GIVEN } from './names';

const CREDENTIALS: Partial<Record<StaffRole, string>> = {
	physician: 'MD',
	'nurse-practitioner': 'FNP-C',
	'physician-assistant': 'PA-C',
	'registered-nurse': 'RN',
	'medical-assistant': 'CMA',
	billing: 'CPC',
	'lab-technician': 'MLT'
};

export function staffMembers(count: number, seed = 1_000): StaffMember[] {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	return Array.from({ length: count }, () => {
		const givenName = pick(GIVEN);
		const familyName = pick(FAMILY);
		const role = pick(STAFF_ROLES);
		const handle = `${givenName[0]}${familyName}`.normalize('NFD').replace(/\p{M}/gu, '');
		// Through the schema, so rows have exactly the shape the projection's validator outputs.
		return staffMemberSchema.parse({
			id: ulid(Date.UTC(2020, 0, 1) + Math.floor(random() * 1e11), random),
			givenName,
			familyName,
			preferredName: random() < 0.1 ? givenName.slice(0, 3) : '',
			role,
			credentials: CREDENTIALS[role] ?? '',
			email: `${handle.toLowerCase()}${Math.floor(random() * 100)}@maplegrovefm.example`,
			phone: `(217) 555-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`,
			startDate: `${2005 + Math.floor(random() * 20)}-0${1 + Math.floor(random() * 9)}-01`,
			active: random() < 0.9
		});
	});
}
