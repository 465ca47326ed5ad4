/**
 * The areas this version of the app has. Keys are made only for these; an area added by a later
 * version gets its key the next time the office's creator signs in (see core/keys/vault.ts).
 */
export const AREAS_WITH_KEYS = ['directory', 'patients', 'clinical', 'audit'] as const;

export interface NavigationEntry {
	href: string;
	label: string;
}

/** What the navigation lists: only areas that exist in this version. */
export const NAVIGATION: NavigationEntry[] = [
	{ href: '/patients', label: 'Patients' },
	{ href: '/directory/staff', label: 'Staff' },
	{ href: '/directory/rooms', label: 'Rooms' },
	{ href: '/directory/office', label: 'Office' },
	{ href: '/device', label: 'This device' }
];
