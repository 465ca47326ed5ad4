import { describe, expect, it } from 'vitest';
import { demoDirectory, seededRandom } from './demo';
import { npiCheckDigitValid } from './rules';
import {
	officeSettingsSchema,
	roomInputSchema,
	staffMemberInputSchema,
	type StaffRole
} from './schema';

const demo = demoDirectory();
const CLINICIANS: StaffRole[] = ['physician', 'nurse-practitioner', 'physician-assistant'];

describe('demoDirectory', () => {
	it('builds the same office every time', () => {
		expect(demoDirectory()).toEqual(demo);
		expect(demoDirectory(20261127)).toEqual(demo);
	});

	it('builds a different staff from another seed', () => {
		const other = demoDirectory(7);
		expect(other.staff.map((member) => member.email)).not.toEqual(
			demo.staff.map((member) => member.email)
		);
	});

	it('has valid office settings', () => {
		const result = officeSettingsSchema.safeParse(demo.settings);
		expect(result.error?.issues ?? []).toEqual([]);
	});

	it.each(demo.staff.map((member, index) => [index, member] as const))(
		'has a valid staff member #%i',
		(_index, member) => {
			const result = staffMemberInputSchema.safeParse(member);
			expect(result.error?.issues ?? []).toEqual([]);
		}
	);

	it.each(demo.rooms.map((room) => [room.name, room] as const))(
		'has a valid room “%s”',
		(_name, room) => {
			const result = roomInputSchema.safeParse(room);
			expect(result.error?.issues ?? []).toEqual([]);
		}
	);

	it('gives every clinician, and only clinicians, an NPI with a correct check digit', () => {
		for (const member of demo.staff) {
			if (CLINICIANS.includes(member.role)) expect(npiCheckDigitValid(member.npi ?? '')).toBe(true);
			else expect(member.npi).toBe('');
		}
		expect(demo.staff.filter((member) => member.npi).length).toBeGreaterThan(0);
	});

	it('gives the office a valid NPI', () => {
		expect(npiCheckDigitValid(demo.settings.npi ?? '')).toBe(true);
	});

	it('never gives two staff members the same name or email', () => {
		const fullNames = demo.staff.map((member) => `${member.givenName} ${member.familyName}`);
		const emails = demo.staff.map((member) => member.email);
		expect(new Set(fullNames).size).toBe(demo.staff.length);
		expect(new Set(emails).size).toBe(demo.staff.length);
	});

	it('never gives two rooms the same name', () => {
		const roomNames = demo.rooms.map((room) => room.name);
		expect(new Set(roomNames).size).toBe(roomNames.length);
	});

	it('marks as departed only people who are on the staff', () => {
		expect(demo.departedStaff.length).toBeGreaterThan(0);
		for (const index of demo.departedStaff) {
			expect(Number.isInteger(index)).toBe(true);
			expect(demo.staff[index]).toBeDefined();
		}
	});

	it('has staff in every role a family practice needs', () => {
		const roles = new Set(demo.staff.map((member) => member.role));
		for (const role of ['physician', 'registered-nurse', 'front-desk', 'office-manager'] as const) {
			expect(roles).toContain(role);
		}
	});
});

describe('seededRandom', () => {
	it('repeats its sequence for the same seed and stays within [0, 1)', () => {
		const first = seededRandom(42);
		const second = seededRandom(42);
		const a = Array.from({ length: 100 }, first);
		const b = Array.from({ length: 100 }, second);
		expect(a).toEqual(b);
		expect(a.every((n) => n >= 0 && n < 1)).toBe(true);
		expect(new Set(a).size).toBeGreaterThan(90);
	});
});
