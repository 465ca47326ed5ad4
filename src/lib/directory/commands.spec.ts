import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '$lib/core/commands/command';
import { unlockOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import {
	createRoom,
	createStaffMember,
	saveOfficeSettings,
	setRoomActive,
	setRoomStatus,
	setStaffMemberActive,
	updateRoom,
	updateStaffMember
} from './commands';
import { directoryTables, listRooms, listStaff, officeSettings } from './queries';
import {
	createDirectoryOffice,
	DIRECTORY_TEST_PASSPHRASE,
	TEST_PERIOD,
	type DirectoryOffice
} from './test-support/directory-office';
import { makeRoomForm, makeSettingsForm, makeStaffForm, testId } from './test-support/records';

let office: DirectoryOffice;

beforeEach(async () => {
	office = await createDirectoryOffice();
});

afterEach(async () => {
	await office.dispose();
});

async function auditEntries() {
	return office.workspace.audit.entries(TEST_PERIOD);
}

/** What is stored on the device and logged: a failed command must change neither. */
async function footprint() {
	return { updates: await office.db.updates.count(), audit: (await auditEntries()).length };
}

/** The error a command failed with (the test fails if it succeeded). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('Expected the command to fail, but it succeeded.');
}

/** One staff member and one room, for commands that change an existing record. */
async function existingRecords() {
	const staff = await office.run(createStaffMember, makeStaffForm());
	const room = await office.run(createRoom, makeRoomForm());
	return { staff, room };
}

type Existing = Awaited<ReturnType<typeof existingRecords>>;

describe('staff commands', () => {
	it('adds a new staff member to the active list, trimmed and normalized', async () => {
		const id = await office.run(
			createStaffMember,
			makeStaffForm({
				givenName: '  Ana ',
				phone: '217.555.0101',
				email: ' agarcia@clinic.example'
			})
		);

		expect(listStaff(office.tables)).toEqual([
			{
				...makeStaffForm(),
				givenName: 'Ana',
				phone: '(217) 555-0101',
				email: 'agarcia@clinic.example',
				id,
				active: true
			}
		]);
	});

	it('gives every new staff member an id of their own', async () => {
		const first = await office.run(createStaffMember, makeStaffForm());
		const second = await office.run(createStaffMember, makeStaffForm({ givenName: 'Luis' }));

		expect(first).not.toBe(second);
		expect(listStaff(office.tables).map((member) => member.givenName)).toEqual(['Ana', 'Luis']);
	});

	it('shows the edited fields after an update, leaving the record active', async () => {
		const id = await office.run(createStaffMember, makeStaffForm());

		await office.run(updateStaffMember, {
			...makeStaffForm({ familyName: 'Garcia-Lopez', role: 'office-manager', credentials: '' }),
			id
		});

		expect(listStaff(office.tables)).toEqual([
			{
				...makeStaffForm({ familyName: 'Garcia-Lopez', role: 'office-manager', credentials: '' }),
				id,
				active: true
			}
		]);
	});

	it('hides a deactivated staff member from the default list but keeps them on record', async () => {
		const id = await office.run(createStaffMember, makeStaffForm());
		const colleague = await office.run(createStaffMember, makeStaffForm({ givenName: 'Luis' }));

		await office.run(setStaffMemberActive, { id, active: false });

		expect(listStaff(office.tables).map((member) => member.id)).toEqual([colleague]);
		expect(listStaff(office.tables, { includeInactive: true })).toContainEqual(
			expect.objectContaining({ id, givenName: 'Ana', active: false })
		);
	});

	it('lists a reactivated staff member again', async () => {
		const id = await office.run(createStaffMember, makeStaffForm());
		await office.run(setStaffMemberActive, { id, active: false });

		await office.run(setStaffMemberActive, { id, active: true });

		expect(listStaff(office.tables).map((member) => member.id)).toEqual([id]);
	});
});

describe('room commands', () => {
	it('adds a new room as ready when no status is given', async () => {
		const id = await office.run(createRoom, { name: ' Exam 4 ', kind: 'exam' });

		expect(listRooms(office.tables)).toEqual([
			{ id, name: 'Exam 4', kind: 'exam', status: 'ready', notes: '', active: true }
		]);
	});

	it('shows the edited fields after an update', async () => {
		const id = await office.run(createRoom, makeRoomForm());

		await office.run(updateRoom, {
			...makeRoomForm({ name: 'Procedure 1', kind: 'procedure', notes: 'Crash cart here' }),
			id
		});

		expect(listRooms(office.tables)).toEqual([
			{
				...makeRoomForm({ name: 'Procedure 1', kind: 'procedure', notes: 'Crash cart here' }),
				id,
				active: true
			}
		]);
	});

	it('changes only the status when the status is set', async () => {
		const id = await office.run(createRoom, makeRoomForm({ notes: 'Window side' }));

		await office.run(setRoomStatus, { id, status: 'needs-cleaning' });

		expect(office.tables.rooms.get(id)).toEqual({
			...makeRoomForm({ notes: 'Window side', status: 'needs-cleaning' }),
			id,
			active: true
		});
		expect(office.tables.rooms.where('status', 'ready')).toEqual([]);
	});

	it('hides a deactivated room from the default list but keeps it on record', async () => {
		const id = await office.run(createRoom, makeRoomForm());
		const other = await office.run(createRoom, makeRoomForm({ name: 'Exam 2' }));

		await office.run(setRoomActive, { id, active: false });

		expect(listRooms(office.tables).map((room) => room.id)).toEqual([other]);
		expect(listRooms(office.tables, { includeInactive: true })).toContainEqual(
			expect.objectContaining({ id, name: 'Exam 1', active: false })
		);

		await office.run(setRoomActive, { id, active: true });
		expect(listRooms(office.tables).map((room) => room.id)).toEqual([id, other]);
	});
});

describe('saveOfficeSettings', () => {
	it('has no settings before they are first saved', () => {
		expect(officeSettings(office.tables)).toBeNull();
	});

	it('stores the settings normalized: trimmed, phones formatted, EIN dashed, defaults filled', async () => {
		await office.run(
			saveOfficeSettings,
			makeSettingsForm({
				name: '  Riverside Clinic ',
				state: 'il',
				phone: '217.555.0100',
				fax: '1 217 555 0199',
				taxId: '371234567'
			})
		);

		expect(officeSettings(office.tables)).toEqual({
			name: 'Riverside Clinic',
			addressLine1: '12 Water Street',
			addressLine2: '',
			city: 'Springfield',
			state: 'IL',
			zip: '62704',
			phone: '(217) 555-0100',
			fax: '(217) 555-0199',
			timeZone: 'America/Chicago',
			npi: '',
			taxId: '37-1234567',
			autoLockMinutes: 5
		});
	});

	it('replaces the earlier settings when saved again', async () => {
		await office.run(saveOfficeSettings, makeSettingsForm({ autoLockMinutes: 10 }));
		await office.run(saveOfficeSettings, makeSettingsForm({ name: 'Lakeside Clinic' }));

		expect(office.tables.settings.size).toBe(1);
		expect(officeSettings(office.tables)).toMatchObject({
			name: 'Lakeside Clinic',
			autoLockMinutes: 5
		});
	});
});

describe('a command on a record that no longer exists', () => {
	const missing = testId(999);

	it.each<[string, (office: DirectoryOffice) => Promise<unknown>, string]>([
		[
			'updateStaffMember',
			(o) => o.run(updateStaffMember, { ...makeStaffForm(), id: missing }),
			'That staff member no longer exists.'
		],
		[
			'setStaffMemberActive',
			(o) => o.run(setStaffMemberActive, { id: missing, active: false }),
			'That staff member no longer exists.'
		],
		[
			'updateRoom',
			(o) => o.run(updateRoom, { ...makeRoomForm(), id: missing }),
			'That room no longer exists.'
		],
		[
			'setRoomStatus',
			(o) => o.run(setRoomStatus, { id: missing, status: 'occupied' }),
			'That room no longer exists.'
		],
		[
			'setRoomActive',
			(o) => o.run(setRoomActive, { id: missing, active: true }),
			'That room no longer exists.'
		]
	])('%s fails with “%s” and writes nothing', async (_name, act, message) => {
		await existingRecords();
		const before = await footprint();

		const error = await failure(act(office));

		expect(error).toBeInstanceOf(Error);
		expect(error).not.toBeInstanceOf(InvalidInputError);
		expect((error as Error).message).toBe(message);
		expect(await footprint()).toEqual(before);
		expect(office.tables.staff.get(missing)).toBeUndefined();
		expect(office.tables.rooms.get(missing)).toBeUndefined();
		expect(office.workspace.quarantine.size).toBe(0);
	});
});

describe('a command with invalid input', () => {
	it.each<[string, (office: DirectoryOffice, existing: Existing) => Promise<unknown>, object]>([
		[
			'an NPI that is not 10 digits',
			(o) => o.run(createStaffMember, makeStaffForm({ npi: '12345' })),
			{ npi: 'NPI must be 10 digits.' }
		],
		[
			'an NPI with a wrong check digit',
			(o) => o.run(createStaffMember, makeStaffForm({ npi: '1234567890' })),
			{ npi: "This NPI's check digit is wrong — check for a typo." }
		],
		[
			'an email without a dotted domain',
			(o) => o.run(createStaffMember, makeStaffForm({ email: 'agarcia@clinic' })),
			{ email: 'Enter an email address like name@example.com.' }
		],
		[
			'blank names',
			(o) => o.run(createStaffMember, makeStaffForm({ givenName: '', familyName: '   ' })),
			{ givenName: 'Enter the first name.', familyName: 'Enter the last name.' }
		],
		[
			'a bad email and a bad phone on an edit',
			(o, { staff }) =>
				o.run(updateStaffMember, {
					...makeStaffForm({ email: 'not an email', phone: '555-0101' }),
					id: staff
				}),
			{
				email: 'Enter an email address like name@example.com.',
				phone: 'Enter a phone number with area code, e.g. (555) 201-3344.'
			}
		],
		[
			'an edit without a record id',
			(o) => o.run(updateStaffMember, { ...makeStaffForm(), id: '' }),
			{ id: 'Choose a record.' }
		],
		[
			'a blank room name',
			(o) => o.run(createRoom, makeRoomForm({ name: ' ' })),
			{ name: 'Enter the room name.' }
		],
		[
			'a room name that is too long',
			(o, { room }) => o.run(updateRoom, { ...makeRoomForm({ name: 'x'.repeat(41) }), id: room }),
			{ name: 'The room name can be at most 40 characters.' }
		],
		[
			'office settings with a bad ZIP and EIN',
			(o) => o.run(saveOfficeSettings, makeSettingsForm({ zip: '6270', taxId: '07-1234567' })),
			{
				zip: 'Enter a ZIP code like 12345 or 12345-6789.',
				taxId: 'No EIN starts with 07 — check for a typo.'
			}
		]
	])('rejects %s with field messages and writes nothing', async (_label, act, fields) => {
		const existing = await existingRecords();
		const staffBefore = listStaff(office.tables, { includeInactive: true });
		const roomsBefore = listRooms(office.tables, { includeInactive: true });
		const before = await footprint();

		const error = await failure(act(office, existing));

		expect(error).toBeInstanceOf(InvalidInputError);
		expect((error as InvalidInputError).fields).toEqual(fields);
		expect(await footprint()).toEqual(before);
		expect(listStaff(office.tables, { includeInactive: true })).toEqual(staffBefore);
		expect(listRooms(office.tables, { includeInactive: true })).toEqual(roomsBefore);
		expect(officeSettings(office.tables)).toBeNull();
	});
});

describe('the audit log', () => {
	interface Case {
		what: string;
		prepare?: (office: DirectoryOffice, existing: Existing) => Promise<unknown>;
		/** Runs the command; returns the target the entry must name. */
		act: (office: DirectoryOffice, existing: Existing) => Promise<string>;
		action: string;
		detail: string;
	}

	const cases: Case[] = [
		{
			what: 'adding a staff member',
			act: async (o) => `directory/staff/${await o.run(createStaffMember, makeStaffForm())}`,
			action: 'create',
			detail: 'Staff member added'
		},
		{
			what: 'editing a staff member',
			act: async (o, { staff }) => {
				await o.run(updateStaffMember, { ...makeStaffForm({ givenName: 'Anita' }), id: staff });
				return `directory/staff/${staff}`;
			},
			action: 'update',
			detail: 'Staff member edited'
		},
		{
			what: 'deactivating a staff member',
			act: async (o, { staff }) => {
				await o.run(setStaffMemberActive, { id: staff, active: false });
				return `directory/staff/${staff}`;
			},
			action: 'deactivate',
			detail: 'Staff member deactivated'
		},
		{
			what: 'reactivating a staff member',
			prepare: (o, { staff }) => o.run(setStaffMemberActive, { id: staff, active: false }),
			act: async (o, { staff }) => {
				await o.run(setStaffMemberActive, { id: staff, active: true });
				return `directory/staff/${staff}`;
			},
			action: 'reactivate',
			detail: 'Staff member reactivated'
		},
		{
			what: 'adding a room',
			act: async (o) => `directory/rooms/${await o.run(createRoom, makeRoomForm())}`,
			action: 'create',
			detail: 'Room added'
		},
		{
			what: 'editing a room',
			act: async (o, { room }) => {
				await o.run(updateRoom, { ...makeRoomForm({ name: 'Exam 9' }), id: room });
				return `directory/rooms/${room}`;
			},
			action: 'update',
			detail: 'Room edited'
		},
		{
			what: 'setting a room status',
			act: async (o, { room }) => {
				await o.run(setRoomStatus, { id: room, status: 'out-of-service' });
				return `directory/rooms/${room}`;
			},
			action: 'update',
			detail: 'Room status set to out-of-service'
		},
		{
			what: 'deactivating a room',
			act: async (o, { room }) => {
				await o.run(setRoomActive, { id: room, active: false });
				return `directory/rooms/${room}`;
			},
			action: 'deactivate',
			detail: 'Room deactivated'
		},
		{
			what: 'reactivating a room',
			prepare: (o, { room }) => o.run(setRoomActive, { id: room, active: false }),
			act: async (o, { room }) => {
				await o.run(setRoomActive, { id: room, active: true });
				return `directory/rooms/${room}`;
			},
			action: 'reactivate',
			detail: 'Room reactivated'
		},
		{
			what: 'saving the office settings',
			act: async (o) => {
				await o.run(saveOfficeSettings, makeSettingsForm());
				return 'directory/settings/office';
			},
			action: 'update',
			detail: 'Office settings saved'
		}
	];

	it.each(cases)('gets exactly one entry for $what', async ({ prepare, act, action, detail }) => {
		const existing = await existingRecords();
		await prepare?.(office, existing);
		const before = await auditEntries();

		const target = await act(office, existing);

		const after = await auditEntries();
		expect(after).toHaveLength(before.length + 1);
		expect(after.at(-1)).toMatchObject({
			action,
			target,
			detail,
			actor: office.workspace.keys.personId,
			device: office.workspace.keys.deviceId
		});
	});

	it('names no personal details in its entries', async () => {
		await existingRecords();
		const logged = JSON.stringify(await auditEntries());

		for (const value of ['García', 'agarcia@clinic.example', '1234567893', '555-0101']) {
			expect(logged).not.toContain(value);
		}
	});
});

describe('what a command reports as done', () => {
	it('is still there after the workspace is closed and the office unlocked again', async () => {
		const { staff, room } = await existingRecords();
		await office.run(setRoomStatus, { id: room, status: 'occupied' });
		const staffBefore = listStaff(office.tables);
		await office.workspace.close();

		const keys = await unlockOffice(office.db, DIRECTORY_TEST_PASSPHRASE);
		const again = new Workspace(office.db, keys, { channelName: null });
		try {
			const tables = await directoryTables(again);
			expect(listStaff(tables)).toEqual(staffBefore);
			expect(listStaff(tables)[0].id).toBe(staff);
			expect(tables.rooms.get(room)?.status).toBe('occupied');
		} finally {
			await again.close();
		}
	});
});
