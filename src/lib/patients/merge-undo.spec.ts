import { describe, expect, it } from 'vitest';
import type { MergeRecord } from './merge-schema';
import { planUndo } from './merge-undo';
import { makePatient, makePolicy, testId } from './test-support/records';

const survivor = makePatient(1, { email: 'maria@example.com' });
const separated = makePatient(2, { active: false, mergedInto: survivor.id });
const moved = makePolicy(1, survivor.id, { mergedFrom: separated.id, active: false });
const removed = makePolicy(2, survivor.id, { order: 'secondary', active: false });

const merge: MergeRecord = {
	id: testId(500),
	survivorId: survivor.id,
	duplicateId: separated.id,
	mergedAt: '2026-03-15T09:30:00.000Z',
	duplicateWasActive: true,
	changes: [
		{ path: 'email', before: '', after: 'maria@example.com' },
		{ path: 'phones.home', before: '', after: '(217) 555-0150' }
	],
	movedPolicies: [moved.id],
	removedPolicies: [moved.id, removed.id],
	undoneAt: ''
};

function plan(...args: Parameters<typeof planUndo>) {
	const result = planUndo(...args);
	if (!result.ok) throw new Error(result.problem);
	return result.plan;
}

describe('planUndo', () => {
	it('restores values still as the merge wrote them and keeps those edited since', () => {
		const { survivor: restored, restored: paths, kept } = plan(merge, survivor, separated, []);
		expect(paths).toEqual(['email']);
		expect(kept).toEqual(['Home phone']);
		expect(restored.email).toBe('');
		expect(restored.phones.home).toBe('');
	});

	it('gives the separated record back its active state', () => {
		expect(plan(merge, survivor, separated, []).separated).toEqual({
			...separated,
			active: true,
			mergedInto: ''
		});
	});

	it('moves policies back and restores those the merge removed', () => {
		const { policyWrites } = plan(merge, survivor, separated, [moved, removed]);
		expect(policyWrites).toEqual([
			{ id: moved.id, fields: { patientId: separated.id, mergedFrom: '', active: true } },
			{ id: removed.id, fields: { active: true } }
		]);
	});

	it('leaves a policy restored or moved elsewhere since as it is', () => {
		const elsewhere = { ...moved, patientId: testId(9) };
		const restoredSince = { ...removed, active: true };
		expect(plan(merge, survivor, separated, [elsewhere, restoredSince]).policyWrites).toEqual([]);
	});

	it.each([
		['an undone merge', { ...merge, undoneAt: '2026-03-16T00:00:00.000Z' }, survivor, separated],
		['a record no longer merged', merge, survivor, { ...separated, mergedInto: '' }],
		['a survivor merged away since', merge, { ...survivor, mergedInto: testId(9) }, separated]
	])('refuses %s', (_case, record, keep, back) => {
		expect(planUndo(record, keep, back, []).ok).toBe(false);
	});
});
