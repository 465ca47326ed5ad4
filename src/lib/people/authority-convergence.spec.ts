/**
 * Two managers on two devices make membership changes and rotations offline, in any order, and
 * now and then their devices exchange what they have. Once everything is exchanged and the
 * managers' devices have reconciled the keys, both devices must compute the same authority, and
 * every area's newest key must be held by exactly the people whose verified roles grant it —
 * nobody else, and through nobody's replaced key.
 *
 * Keys are only ever reconciled on an active manager's device; when both managers have stepped
 * down, the manager they made signs in (on the first device) to do it, as they would.
 *
 * AUTHORITY_RUNS sets the number of random histories (CI keeps a small default).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isAdmin, newestAreaKey, type AuthorityState } from '$lib/core/authority/state';
import type { UnlockedKeys } from '$lib/core/keys/vault';
import {
	addPerson,
	changeRoles,
	deactivatePerson,
	keepersOf,
	PeopleChangeError,
	reactivatePerson,
	reconcile,
	setRoleAreas,
	type PeopleContext
} from './admin';
import { ALL_AREAS, roleDefinition } from './roles';
import {
	createPeopleOffice,
	exchange,
	secondDevice,
	type PeopleOffice
} from './test-support/office';

const RUNS = Number(process.env.AUTHORITY_RUNS ?? 4);
const BEA = 'eleven brass kettles singing';
const ROLE_CHOICES = [['front-desk'], ['clinical'], ['provider'], ['bookkeeper'], ['manager']];

type Step =
	| { kind: 'add'; side: 0 | 1; roles: number }
	| { kind: 'roles'; side: 0 | 1; who: number; roles: number }
	| { kind: 'off' | 'on'; side: 0 | 1; who: number }
	| { kind: 'role-areas'; side: 0 | 1; drop: number }
	| { kind: 'reconcile'; side: 0 | 1 }
	| { kind: 'exchange' };

const side = fc.constantFrom<0 | 1>(0, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({ kind: fc.constant('add' as const), side, roles: fc.nat(4) }),
	fc.record({ kind: fc.constant('roles' as const), side, who: fc.nat(9), roles: fc.nat(4) }),
	fc.record({ kind: fc.constantFrom('off' as const, 'on' as const), side, who: fc.nat(9) }),
	fc.record({ kind: fc.constant('role-areas' as const), side, drop: fc.nat(3) }),
	fc.record({ kind: fc.constant('reconcile' as const), side }),
	fc.constant({ kind: 'exchange' as const })
);

const opened: PeopleOffice[] = [];
afterEach(async () => {
	for (const office of opened.splice(0)) await office.dispose();
});

/** Applies one step as the manager of that side; refusals (not a manager any more) are fine. */
async function apply(
	step: Step,
	contexts: PeopleContext[],
	sides: PeopleOffice[],
	counter: { n: number }
) {
	if (step.kind === 'exchange') return exchange(...sides);
	const context = contexts[step.side];
	const people = [...context.log.require().persons.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
	const someone = 'who' in step ? people[step.who % people.length] : undefined;
	try {
		if (step.kind === 'add') {
			await addPerson(context, {
				name: `Person ${++counter.n}`,
				roles: ROLE_CHOICES[step.roles],
				passphrase: passphraseOf(counter.n)
			});
		} else if (step.kind === 'roles')
			await changeRoles(context, someone!.id, ROLE_CHOICES[step.roles]);
		else if (step.kind === 'off') await deactivatePerson(context, someone!.id);
		else if (step.kind === 'on') await reactivatePerson(context, someone!.id);
		else if (step.kind === 'role-areas') {
			const role = 'front-desk';
			const areas = roleDefinition(role)!.defaultAreas.filter((_, i) => i !== step.drop + 1);
			await setRoleAreas(context, role, areas);
		} else await reconcile(context);
	} catch (error) {
		if (!(error instanceof PeopleChangeError)) throw error;
	}
}

/** Signs in, on the first device, every active manager no device has signed in yet. */
async function signInManagers(contexts: PeopleContext[], sides: PeopleOffice[]) {
	const state = sides[0].log.require();
	for (const person of state.persons.values()) {
		if (!isAdmin(person) || contexts.some((c) => c.keys.personId === person.id)) continue;
		const number = /^Person (\d+)$/.exec(person.name)?.[1];
		if (!number) continue;
		const keys = await sides[0].signIn(person.id, passphraseOf(Number(number)));
		contexts.push(sides[0].contextOf(keys));
	}
}

const passphraseOf = (n: number) => `passphrase number ${n} here`;

/** Exchanges and reconciles until no manager's device changes anything (bounded). */
async function settle(contexts: PeopleContext[], sides: PeopleOffice[]): Promise<void> {
	for (let round = 0; round < 6; round++) {
		await exchange(...sides);
		await signInManagers(contexts, sides);
		const before = sides.map((s) => s.log.require().applied.length);
		for (const context of contexts) await reconcile(context);
		await exchange(...sides);
		const after = sides.map((s) => s.log.require().applied.length);
		if (after.every((n, i) => n === before[i])) return;
	}
}

function summary(state: AuthorityState) {
	return {
		applied: state.applied,
		refused: state.refused.map((op) => op.id).sort(),
		persons: [...state.persons.values()]
			.map((p) => [p.id, p.roles.join('+'), p.active, p.fingerprint].join(':'))
			.sort(),
		keys: [...state.areaKeys].map(([area, keys]) => [area, [...keys.keys()].sort()]).sort()
	};
}

/** Who holds each area's newest key (through their current key) versus who should. */
function holdersMatchRoles(state: AuthorityState): string[] {
	const problems: string[] = [];
	for (const area of ALL_AREAS) {
		const newest = newestAreaKey(state, area);
		const should = new Set(keepersOf(state, area).map((p) => p.id));
		if (!newest) {
			if (should.size > 0) problems.push(`${area}: no key`);
			continue;
		}
		const holders = new Set<string>();
		for (const grant of state.grants.values()) {
			if (grant.area !== area || grant.epoch !== newest.epoch || grant.keyId !== newest.keyId)
				continue;
			if (!should.has(grant.personId)) problems.push(`${area}: held by ${grant.personId}`);
			if (state.persons.get(grant.personId)?.fingerprint === grant.to) holders.add(grant.personId);
		}
		for (const id of should) if (!holders.has(id)) problems.push(`${area}: missing ${id}`);
	}
	return problems;
}

describe('two managers changing people and keys offline', () => {
	it(
		'end with both devices agreeing, and every newest key held by exactly who their roles say',
		async () => {
			await fc.assert(
				fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 9 }), async (steps) => {
					const first = await createPeopleOffice();
					opened.push(first);
					const beaId = await addPerson(first.context, {
						name: 'Bea',
						roles: ['manager'],
						passphrase: BEA
					});
					const second = await secondDevice(first);
					opened.push(second);
					const bea: UnlockedKeys = await second.signIn(beaId, BEA);
					const sides = [first, second];
					const contexts = [first.context, second.contextOf(bea)];
					const counter = { n: 0 };
					for (const s of steps) await apply(s, contexts, sides, counter);
					await settle(contexts, sides);

					const [a, b] = sides.map((s) => s.log.require());
					expect(summary(a)).toEqual(summary(b));
					expect([...a.persons.values()].some(isAdmin)).toBe(true);
					expect(holdersMatchRoles(a)).toEqual([]);
				}),
				{ numRuns: RUNS, endOnFailure: true }
			);
		},
		Math.max(120_000, RUNS * 3_000)
	);
});
