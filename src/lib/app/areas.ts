/**
 * The areas this version of the app has, and the navigation. Keys are made for every area of
 * roles.ts; an area added by a later version gets its first key the next time a manager signs in
 * (people/admin.ts, ensureOfficeAreaKeys). A screen shows only to people who hold its area's key:
 * without the key its data cannot be decrypted, so the screen is left out, not greyed out.
 */
import { ALL_AREAS } from '$lib/people/roles';

export const AREAS_WITH_KEYS = ALL_AREAS;

export interface NavigationEntry {
	href: string;
	label: string;
	/** The area whose key the screen needs. */
	area?: string;
	/** For office managers only (people and roles, the audit log). */
	managerOnly?: boolean;
}

/** What the navigation can list: only areas that have screens in this version. */
export const NAVIGATION: NavigationEntry[] = [
	{ href: '/schedule', label: 'Schedule', area: 'schedule' },
	{ href: '/patients', label: 'Patients', area: 'patients' },
	{ href: '/directory/staff', label: 'Staff', area: 'directory' },
	{ href: '/directory/rooms', label: 'Rooms', area: 'directory' },
	{ href: '/directory/office', label: 'Office', area: 'directory', managerOnly: true },
	{ href: '/people', label: 'People', managerOnly: true },
	{ href: '/audit', label: 'Audit log', area: 'audit', managerOnly: true },
	{ href: '/device', label: 'This device' }
];

/** Whether a person with these keys (and manager or not) may open the screen. */
export function mayOpen(
	entry: Pick<NavigationEntry, 'area' | 'managerOnly'>,
	holds: (area: string) => boolean,
	manager: boolean
): boolean {
	return (!entry.managerOnly || manager) && (!entry.area || holds(entry.area));
}

/** The navigation entries a person may open. */
export function navigationFor(holds: (area: string) => boolean, manager: boolean) {
	return NAVIGATION.filter((entry) => mayOpen(entry, holds, manager));
}
