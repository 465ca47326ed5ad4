import { describe, expect, it } from 'vitest';
import {
	fakeWrap,
	fakeWrappedKey,
	personEntry,
	randomKeyId,
	TestAuthority,
	testSigner,
	type TestSigner
} from '../test-support/authority';
import { isAdmin, newestAreaKey, type AuthorityState } from './state';

function grant(area: string, epoch: number, keyId: string, to: TestSigner) {
	return {
		area,
		epoch,
		keyId,
		personId: to.id,
		to: to.fingerprint,
		wrapped: fakeWrappedKey(to.publicJwk)
	};
}

function roles(state: AuthorityState, person: TestSigner): string[] | undefined {
	return state.persons.get(person.id)?.roles;
}

async function officeWithFrontDesk() {
	const office = await TestAuthority.create();
	const desk = await testSigner('Dana Desk');
	await office.sign(office.creator, {
		kind: 'person-add',
		person: personEntry(desk, ['front-desk'])
	});
	return { office, desk };
}

describe('the chain of authority', () => {
	it('starts with the office creator as its only manager', async () => {
		const office = await TestAuthority.create();
		const state = await office.state();
		expect(isAdmin(state.persons.get(office.creator.id))).toBe(true);
		expect(state.refused).toEqual([]);
	});

	it('refuses a front-desk person who gives themselves the manager role', async () => {
		const { office, desk } = await officeWithFrontDesk();
		const forged = await office.sign(desk, {
			kind: 'person-roles',
			personId: desk.id,
			roles: ['front-desk', 'manager']
		});
		const state = await office.state();
		expect(roles(state, desk)).toEqual(['front-desk']);
		expect(state.refused.map((op) => op.id)).toContain(forged);
	});

	it('refuses a change signed with a key that is not the named manager’s', async () => {
		const { office, desk } = await officeWithFrontDesk();
		const impostor = { ...desk, id: office.creator.id };
		const forged = await office.sign(impostor, {
			kind: 'person-roles',
			personId: desk.id,
			roles: ['manager']
		});
		const state = await office.state();
		expect(roles(state, desk)).toEqual(['front-desk']);
		expect(state.refused.find((op) => op.id === forged)?.reason).toMatch(/key/);
	});

	it('refuses an op whose text was altered after signing', async () => {
		const { office, desk } = await officeWithFrontDesk();
		const id = await office.sign(office.creator, {
			kind: 'person-roles',
			personId: desk.id,
			roles: ['clinical']
		});
		const stored = office.ops.get(id)!;
		office.ops.set(id, { ...stored, b: stored.b.replace('clinical', 'manager') });
		const state = await office.state();
		expect(roles(state, desk)).toEqual(['front-desk']);
		expect(state.refused.some((op) => op.id === id)).toBe(true);
	});

	it('lets a manager make someone a manager, who can then change roles', async () => {
		const { office, desk } = await officeWithFrontDesk();
		await office.sign(office.creator, {
			kind: 'person-roles',
			personId: desk.id,
			roles: ['manager']
		});
		const other = await testSigner('Oli');
		await office.sign(desk, { kind: 'person-add', person: personEntry(other, ['clinical']) });
		const state = await office.state();
		expect(roles(state, other)).toEqual(['clinical']);
		expect(state.refused).toEqual([]);
	});

	it('never leaves the office without an active manager', async () => {
		const office = await TestAuthority.create();
		const id = await office.sign(office.creator, {
			kind: 'person-active',
			personId: office.creator.id,
			active: false
		});
		const state = await office.state();
		expect(isAdmin(state.persons.get(office.creator.id))).toBe(true);
		expect(state.refused.find((op) => op.id === id)?.reason).toMatch(/without an active/);
	});

	it('refuses a key epoch far above the highest, so rotations can never overflow', async () => {
		const office = await TestAuthority.create();
		const creator = office.creator;
		await office.sign(creator, {
			kind: 'grant',
			grants: [grant('clinical', 1, await randomKeyId(), creator)]
		});
		const jump = await office.sign(creator, {
			kind: 'grant',
			grants: [grant('clinical', 999_999, await randomKeyId(), creator)]
		});
		const state = await office.state();
		expect(newestAreaKey(state, 'clinical')?.epoch).toBe(1);
		expect(state.refused.find((op) => op.id === jump)?.reason).toMatch(/Skips ahead/);
	});

	it('lets only a manager give keys, and a person re-wrap only keys they hold', async () => {
		const { office, desk } = await officeWithFrontDesk();
		const keyId = await randomKeyId();
		const planted = await office.sign(desk, {
			kind: 'grant',
			grants: [grant('clinical', 1, keyId, desk)]
		});
		let state = await office.state();
		expect(newestAreaKey(state, 'clinical')).toBeNull();
		expect(state.refused.some((op) => op.id === planted)).toBe(true);
		await office.sign(office.creator, {
			kind: 'grant',
			grants: [grant('schedule', 1, keyId, desk)]
		});
		const rewrap = await office.sign(desk, {
			kind: 'grant',
			grants: [grant('schedule', 1, keyId, desk)]
		});
		state = await office.state();
		expect(state.refused.some((op) => op.id === rewrap)).toBe(false);
	});

	it('keeps both keys of two managers who rotate the same area offline, and picks one', async () => {
		const { office, desk } = await officeWithFrontDesk();
		const creator = office.creator;
		await office.sign(creator, { kind: 'person-roles', personId: desk.id, roles: ['manager'] });
		const base = (await office.state()).frontier;
		const [a, b] = [await randomKeyId(), await randomKeyId()];
		await office.sign(creator, { kind: 'grant', grants: [grant('billing', 1, a, creator)] }, base);
		await office.sign(desk, { kind: 'grant', grants: [grant('billing', 1, b, desk)] }, base);
		const state = await office.state();
		expect(state.areaKeys.get('billing')?.size).toBe(2);
		expect(newestAreaKey(state, 'billing')?.keyId).toBe(a > b ? a : b);
	});
});

describe('removal wins', () => {
	it('refuses what a manager did offline while another manager demoted them', async () => {
		const { office, desk } = await officeWithFrontDesk();
		const creator = office.creator;
		await office.sign(creator, { kind: 'person-roles', personId: desk.id, roles: ['manager'] });
		const base = (await office.state()).frontier;
		await office.sign(
			creator,
			{ kind: 'person-roles', personId: desk.id, roles: ['front-desk'] },
			base
		);
		const friend = await testSigner('Friend');
		const added = await office.sign(
			desk,
			{ kind: 'person-add', person: personEntry(friend, ['manager']) },
			base
		);
		const state = await office.state();
		expect(state.persons.has(friend.id)).toBe(false);
		expect(state.refused.find((op) => op.id === added)?.reason).toMatch(/took away/);
	});

	it('lets the senior manager win when two managers demote each other offline', async () => {
		// Op ids are random, so which demotion comes first in the order varies: try it often.
		for (let run = 0; run < 12; run++) {
			const { office, desk } = await officeWithFrontDesk();
			const creator = office.creator;
			await office.sign(creator, { kind: 'person-roles', personId: desk.id, roles: ['manager'] });
			const base = (await office.state()).frontier;
			await office.sign(
				desk,
				{ kind: 'person-roles', personId: creator.id, roles: ['front-desk'] },
				base
			);
			await office.sign(
				creator,
				{ kind: 'person-roles', personId: desk.id, roles: ['front-desk'] },
				base
			);
			const state = await office.state();
			expect(isAdmin(state.persons.get(creator.id))).toBe(true);
			expect(isAdmin(state.persons.get(desk.id))).toBe(false);
		}
	});

	it('refuses what an old key signed while its owner was replacing it', async () => {
		const { office, desk } = await officeWithFrontDesk();
		const creator = office.creator;
		await office.sign(creator, { kind: 'person-roles', personId: desk.id, roles: ['manager'] });
		const base = (await office.state()).frontier;
		const fresh = await testSigner('Dana, new keys');
		const { rekeyProofText } = await import('./op-codec');
		const { sign } = await import('../crypto/signing');
		const { toBase64 } = await import('../bytes');
		const text = await rekeyProofText(office.officeId, desk.id, fresh.key, fresh.publicJwk);
		await office.sign(
			desk,
			{
				kind: 'person-rekey',
				personId: desk.id,
				signingKey: fresh.key,
				publicJwk: fresh.publicJwk,
				wrap: fakeWrap(),
				recovery: null,
				proof: toBase64(await sign(fresh.privateKey, text))
			},
			base
		);
		const thief = await testSigner('Thief');
		const planted = await office.sign(
			desk,
			{ kind: 'person-add', person: personEntry(thief, ['manager']) },
			base
		);
		const state = await office.state();
		expect(state.persons.get(desk.id)?.signingKey).toBe(fresh.key);
		expect(state.persons.has(thief.id)).toBe(false);
		expect(state.refused.some((op) => op.id === planted)).toBe(true);
	});
});

describe('determinism', () => {
	it('reaches the same state from the ops in any order', async () => {
		const { office, desk } = await officeWithFrontDesk();
		const creator = office.creator;
		await office.sign(creator, { kind: 'person-roles', personId: desk.id, roles: ['manager'] });
		const base = (await office.state()).frontier;
		const other = await testSigner('Other');
		await office.sign(desk, { kind: 'person-add', person: personEntry(other, ['clinical']) }, base);
		await office.sign(creator, { kind: 'person-idle', personId: creator.id, minutes: 10 }, base);
		const expected = summary(await office.state());
		const entries = [...office.ops.entries()];
		for (let round = 0; round < 5; round++) {
			entries.sort(() => Math.random() - 0.5);
			office.ops.clear();
			for (const [id, op] of entries) office.ops.set(id, op);
			expect(summary(await office.state())).toEqual(expected);
		}
	});

	it('waits for an op whose parent has not arrived', async () => {
		const { office, desk } = await officeWithFrontDesk();
		const first = await office.sign(office.creator, {
			kind: 'person-idle',
			personId: desk.id,
			minutes: 7
		});
		const second = await office.sign(office.creator, {
			kind: 'person-idle',
			personId: desk.id,
			minutes: 9
		});
		const without = [...office.ops.keys()].filter((id) => id !== first);
		const state = await office.state(without);
		expect(state.waiting).toEqual([second]);
		expect(state.persons.get(desk.id)?.idleMinutes).toBeNull();
	});
});

function summary(state: AuthorityState) {
	return {
		applied: state.applied,
		refused: state.refused.map((op) => op.id).sort(),
		persons: [...state.persons.values()].map((p) => [p.id, p.roles, p.active, p.idleMinutes]).sort()
	};
}
