/**
 * The areas this version of the app has. Keys are made only for these; an area added by a later
 * version gets its key the next time the office's creator signs in (see core/keys/vault.ts).
 */
export const AREAS_WITH_KEYS = ['directory', 'patients', 'clinical', 'schedule', 'audit'] as const;

export interface NavigationEntry {
	href: string;
	label: string;
}

/** What the navigation lists: only areas that exist in this version. */
export const NAVIGATION: NavigationEntry[] = [
	{ href: '/schedule', label: 'Schedule' },
	{ href: '/patients', label: 'Patients' },
	{ href: '/directory/staff', label: 'Staff' },
	{ href: '/directory/rooms', label: 'Rooms' },
	{ href: '/directory/office', label: 'Office' },
	// The audit log is for the office manager. Until roles exist it shows to whoever is signed
	// in; the role check then only hides this entry and guards src/routes/audit/+page.svelte
	// (nothing else reads the whole log).
	{ href: '/audit', label: 'Audit log' },
	{ href: '/device', label: 'This device' }
];
