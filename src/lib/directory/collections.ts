/** Where directory records live and how they project: one `directory` document for the office. */
import { z } from 'zod';
import type { DocumentRef } from '$lib/core/documents/document-id';
import type { CollectionSpec } from '$lib/core/projection/projector';
import { zodValidator } from '$lib/core/validation/validator';
import {
	officeSettingsSchema,
	roomSchema,
	staffMemberSchema,
	type OfficeSettings,
	type Room,
	type StaffMember
} from './schema';

export const DIRECTORY_AREA = 'directory';
export const DIRECTORY_DOCUMENT: DocumentRef = { area: DIRECTORY_AREA };

/** The office settings are one record, filed under this fixed id. */
export const SETTINGS_ID = 'office';

export type SettingsRecord = OfficeSettings & { id: typeof SETTINGS_ID };

export const staffCollection: CollectionSpec<StaffMember> = {
	collection: 'staff',
	validate: zodValidator(staffMemberSchema),
	indexes: ['active', 'role']
};

export const roomsCollection: CollectionSpec<Room> = {
	collection: 'rooms',
	validate: zodValidator(roomSchema),
	indexes: ['active', 'kind', 'status']
};

export const settingsCollection: CollectionSpec<SettingsRecord> = {
	collection: 'settings',
	validate: zodValidator(officeSettingsSchema.extend({ id: z.literal(SETTINGS_ID) }))
};
