/** Every change to the office directory: settings, staff and rooms. */
import { ulid } from 'ulid';
import { z } from 'zod';
import { recordIdSchema, requireRecord } from '$lib/core/commands/existing-record';
import { defineCommand, type CommandContext } from '$lib/core/commands/command';
import { writeRecord } from '$lib/core/documents/records';
import {
	DIRECTORY_DOCUMENT,
	SETTINGS_ID,
	roomsCollection,
	settingsCollection,
	staffCollection
} from './collections';
import {
	ROOM_STATUSES,
	officeSettingsSchema,
	roomInputSchema,
	staffMemberInputSchema
} from './schema';

async function directory(context: CommandContext) {
	return context.documents.open(DIRECTORY_DOCUMENT);
}

export const saveOfficeSettings = defineCommand({
	name: 'office-settings.save',
	input: officeSettingsSchema,
	async run(context, settings) {
		const document = await directory(context);
		document.transact((doc) =>
			writeRecord(doc, settingsCollection.collection, SETTINGS_ID, { ...settings, id: SETTINGS_ID })
		);
	},
	audit: () => ({
		action: 'update',
		target: 'directory/settings/office',
		detail: 'Office settings saved'
	})
});

export const createStaffMember = defineCommand({
	name: 'staff.create',
	input: staffMemberInputSchema,
	async run(context, input) {
		const id = ulid();
		const document = await directory(context);
		document.transact((doc) =>
			writeRecord(doc, staffCollection.collection, id, { ...input, id, active: true })
		);
		return id;
	},
	audit: (_input, id) => ({
		action: 'create',
		target: `directory/staff/${id}`,
		detail: 'Staff member added'
	})
});

export const updateStaffMember = defineCommand({
	name: 'staff.update',
	input: staffMemberInputSchema.extend({ id: recordIdSchema }),
	async run(context, { id, ...fields }) {
		const document = await requireRecord(
			context,
			DIRECTORY_DOCUMENT,
			staffCollection.collection,
			id,
			'staff member'
		);
		document.transact((doc) => writeRecord(doc, staffCollection.collection, id, fields));
	},
	audit: (input) => ({
		action: 'update',
		target: `directory/staff/${input.id}`,
		detail: 'Staff member edited'
	})
});

export const setStaffMemberActive = defineCommand({
	name: 'staff.set-active',
	input: z.object({ id: recordIdSchema, active: z.boolean() }),
	async run(context, { id, active }) {
		const document = await requireRecord(
			context,
			DIRECTORY_DOCUMENT,
			staffCollection.collection,
			id,
			'staff member'
		);
		document.transact((doc) => writeRecord(doc, staffCollection.collection, id, { active }));
	},
	audit: (input) => ({
		action: input.active ? 'reactivate' : 'deactivate',
		target: `directory/staff/${input.id}`,
		detail: input.active ? 'Staff member reactivated' : 'Staff member deactivated'
	})
});

export const createRoom = defineCommand({
	name: 'rooms.create',
	input: roomInputSchema,
	async run(context, input) {
		const id = ulid();
		const document = await directory(context);
		document.transact((doc) =>
			writeRecord(doc, roomsCollection.collection, id, { ...input, id, active: true })
		);
		return id;
	},
	audit: (_input, id) => ({
		action: 'create',
		target: `directory/rooms/${id}`,
		detail: 'Room added'
	})
});

export const updateRoom = defineCommand({
	name: 'rooms.update',
	input: roomInputSchema.extend({ id: recordIdSchema }),
	async run(context, { id, ...fields }) {
		const document = await requireRecord(
			context,
			DIRECTORY_DOCUMENT,
			roomsCollection.collection,
			id,
			'room'
		);
		document.transact((doc) => writeRecord(doc, roomsCollection.collection, id, fields));
	},
	audit: (input) => ({
		action: 'update',
		target: `directory/rooms/${input.id}`,
		detail: 'Room edited'
	})
});

export const setRoomStatus = defineCommand({
	name: 'rooms.set-status',
	input: z.object({
		id: recordIdSchema,
		status: z.enum(ROOM_STATUSES, { error: 'Choose the room status.' })
	}),
	async run(context, { id, status }) {
		const document = await requireRecord(
			context,
			DIRECTORY_DOCUMENT,
			roomsCollection.collection,
			id,
			'room'
		);
		document.transact((doc) => writeRecord(doc, roomsCollection.collection, id, { status }));
	},
	audit: (input) => ({
		action: 'update',
		target: `directory/rooms/${input.id}`,
		detail: `Room status set to ${input.status}`
	})
});

export const setRoomActive = defineCommand({
	name: 'rooms.set-active',
	input: z.object({ id: recordIdSchema, active: z.boolean() }),
	async run(context, { id, active }) {
		const document = await requireRecord(
			context,
			DIRECTORY_DOCUMENT,
			roomsCollection.collection,
			id,
			'room'
		);
		document.transact((doc) => writeRecord(doc, roomsCollection.collection, id, { active }));
	},
	audit: (input) => ({
		action: input.active ? 'reactivate' : 'deactivate',
		target: `directory/rooms/${input.id}`,
		detail: input.active ? 'Room reactivated' : 'Room deactivated'
	})
});
