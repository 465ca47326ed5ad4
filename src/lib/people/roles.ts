/**
 * Roles and the areas they grant. Pure rules: which areas a person should hold the keys of,
 * and what a change of people or roles takes away (those areas' keys rotate) or gives (keys
 * are wrapped to the person). The office may change what a role grants (role records in the
 * people document); the defaults follow DESIGN.md's "Who uses it".
 */

export type RoleId = 'manager' | 'front-desk' | 'clinical' | 'provider' | 'bookkeeper';

export interface RoleDefinition {
	id: RoleId;
	label: string;
	description: string;
	defaultAreas: readonly string[];
}

/** Every area with a key in this version, in the order screens list them. */
export const ALL_AREAS = [
	'directory',
	'patients',
	'clinical',
	'schedule',
	'billing',
	'finance',
	'operations',
	'hr',
	'audit',
	'audit-read'
] as const;

/** Words for areas, as a person sees them. */
export const AREA_LABELS: Record<string, string> = {
	directory: 'Staff, rooms and office settings',
	patients: 'Patient registration and insurance',
	clinical: 'Charts: vitals, histories, documents',
	schedule: 'Appointments and staff rota',
	billing: 'Bills, statements and claims',
	finance: 'Accounts, bank and payroll',
	operations: 'Supplies, equipment and safety',
	hr: 'Hiring, personnel and benefits',
	audit: 'Audit log (writing entries)',
	'audit-read': 'Audit log (reading)'
};

/**
 * Held by everyone who signs in: the directory holds the office's settings and staff list every
 * screen needs, and every person's actions are written to the audit log.
 */
export const ALWAYS_GRANTED: readonly string[] = ['directory', 'audit'];

/** Only office managers read the audit log: no other role can be given it. */
export const MANAGER_ONLY: readonly string[] = ['audit-read'];

export const ROLES: readonly RoleDefinition[] = [
	{
		id: 'manager',
		label: 'Office manager',
		description: 'Everything, including people, roles and the audit log.',
		defaultAreas: ALL_AREAS
	},
	{
		id: 'front-desk',
		label: 'Front desk',
		description: 'Appointments, check-in, registration and insurance, statements.',
		defaultAreas: ['directory', 'patients', 'schedule', 'billing', 'audit']
	},
	{
		id: 'clinical',
		label: 'Clinical (assistant / nurse)',
		description: 'Room status, vitals and histories, supply counts and equipment checks.',
		defaultAreas: ['directory', 'patients', 'clinical', 'schedule', 'operations', 'audit']
	},
	{
		id: 'provider',
		label: 'Provider',
		description: 'Their schedule and patient charts.',
		defaultAreas: ['directory', 'patients', 'clinical', 'schedule', 'audit']
	},
	{
		id: 'bookkeeper',
		label: 'Bookkeeper',
		description: 'Accounts payable, bank reconciliation and payroll.',
		defaultAreas: ['directory', 'billing', 'finance', 'audit']
	}
];

export const MANAGER: RoleId = 'manager';

/** What the office changed a role to grant (role records); absent roles use their defaults. */
export type RoleOverrides = ReadonlyMap<string, readonly string[]>;

/** The role's definition, if it is one this version knows. */
export function roleDefinition(id: string): RoleDefinition | undefined {
	return ROLES.find((role) => role.id === id);
}

/** The areas one role grants: the office's choice, else the default; a manager always has all. */
export function areasOfRole(id: string, overrides: RoleOverrides): string[] {
	if (id === MANAGER) return [...ALL_AREAS];
	const chosen = overrides.get(id) ?? roleDefinition(id)?.defaultAreas ?? [];
	const known = new Set<string>([...chosen, ...ALWAYS_GRANTED]);
	return ALL_AREAS.filter((area) => known.has(area) && !MANAGER_ONLY.includes(area));
}

/** The areas a person should hold: the union of their roles', none when inactive. */
export function areasOfPerson(
	person: { roles: readonly string[]; active: boolean },
	overrides: RoleOverrides
): string[] {
	if (!person.active) return [];
	const areas = new Set(person.roles.flatMap((role) => areasOfRole(role, overrides)));
	return ALL_AREAS.filter((area) => areas.has(area));
}

/** Whether the person is an office manager (manages people, sees the audit log). */
export function isManager(person: { roles: readonly string[]; active: boolean }): boolean {
	return person.active && person.roles.includes(MANAGER);
}

/** What a change takes away (keys to rotate) and gives (keys to wrap). */
export function areaChange(
	before: readonly string[],
	after: readonly string[]
): { removed: string[]; added: string[] } {
	return {
		removed: before.filter((area) => !after.includes(area)),
		added: after.filter((area) => !before.includes(area))
	};
}

/** Why a roles choice cannot be saved, or null. */
export function rolesProblem(roles: readonly string[]): string | null {
	if (roles.length === 0) return 'Choose at least one role.';
	const unknown = roles.find((role) => !roleDefinition(role));
	return unknown ? `"${unknown}" is not a role this version knows.` : null;
}

/** Why the office would be left without a manager by a change, or null. */
export function lastManagerProblem(
	people: readonly { id: string; roles: readonly string[]; active: boolean }[],
	changed: { id: string; roles: readonly string[]; active: boolean }
): string | null {
	const managers = people
		.map((person) => (person.id === changed.id ? changed : person))
		.filter(isManager);
	return managers.length === 0
		? 'The office needs at least one active office manager. Make someone else a manager first.'
		: null;
}
