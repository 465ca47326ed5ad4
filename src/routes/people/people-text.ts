/**
 * What the People & roles screen says about people, roles and areas, in words a manager can act
 * on. Which areas a change takes away decides whether keys rotate (people/roles.ts), so the
 * screen says so before the change is made.
 */
import {
	AREA_LABELS,
	areaChange,
	areasOfPerson,
	roleDefinition,
	type RoleOverrides
} from '$lib/people/roles';

/** A person's roles as a list of labels, e.g. "Front desk, Provider". */
export function roleLabels(roles: readonly string[]): string {
	return roles.map((role) => roleDefinition(role)?.label ?? role).join(', ') || 'No role';
}

/** Area ids as the words a person reads. */
export function areaWords(areas: readonly string[]): string[] {
	return areas.map((area) => AREA_LABELS[area] ?? area);
}

export interface RolesChangeText {
	gains: string[];
	loses: string[];
	/** Said when something is lost: the keys of those areas are replaced. */
	warning: string;
}

/** What giving a person other roles changes, in words. */
export function rolesChangeText(
	person: { roles: readonly string[]; active: boolean },
	roles: readonly string[],
	overrides: RoleOverrides
): RolesChangeText {
	const { removed, added } = areaChange(
		areasOfPerson(person, overrides),
		areasOfPerson({ ...person, roles }, overrides)
	);
	return {
		gains: areaWords(added),
		loses: areaWords(removed),
		warning:
			removed.length === 0
				? ''
				: `Losing ${removed.length === 1 ? 'an area' : 'areas'} makes new keys: everything written there from now on uses keys this person does not get, and the stored documents are re-encrypted.`
	};
}

/** The confirmation before a sign-in is turned off. */
export function turnOffText(name: string): string {
	return `${name} will be signed out everywhere once devices sync; everything written from now on uses new keys they do not get.`;
}

/** What a role no longer grants after an edit of the roles table, in words (empty: nothing). */
export function roleLossText(roleLabel: string, removed: readonly string[]): string {
	if (removed.length === 0) return '';
	return `${roleLabel} will no longer open: ${areaWords(removed).join('; ')}. People with this role lose those keys: new keys are made and the stored documents re-encrypted.`;
}

/** The staff members who have no sign-in yet, to pick from when adding a person. */
export function staffWithoutSignIn<S extends { id: string; active: boolean }>(
	staff: readonly S[],
	people: readonly { staffId?: string | null }[]
): S[] {
	const linked = new Set(people.map((person) => person.staffId).filter(Boolean));
	return staff.filter((member) => member.active && !linked.has(member.id));
}

/** "3 areas" / "1 area", for notices. */
export function areaCount(count: number): string {
	return `${count} ${count === 1 ? 'area' : 'areas'}`;
}

const KIND_WORDS: Record<string, string> = {
	genesis: 'Another starting point for the office',
	'person-add': 'Adding a person',
	'person-roles': 'Changing someone’s roles',
	'person-active': 'Turning a sign-in on or off',
	'person-profile': 'Changing a name or staff link',
	'person-idle': 'Changing an idle lock',
	'person-wrap': 'Changing a passphrase',
	'person-rekey': 'Replacing someone’s keys',
	'person-enrol': 'Setting up a signing key',
	'person-device': 'Noting a device someone used',
	'role-areas': 'Changing what a role opens',
	grant: 'Giving out keys',
	'device-add': 'Adding a device',
	'device-remove': 'Removing a device',
	'device-key': 'A device’s key',
	'people-key': 'Handing out a people key',
	'audit-key': 'The audit log’s key'
};

/** What kind of change a refused op was, in words. */
export function refusedKindText(kind: string): string {
	return KIND_WORDS[kind] ?? 'A change this version cannot read';
}
