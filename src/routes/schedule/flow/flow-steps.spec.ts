import { describe, expect, it } from 'vitest';
import type { FlowStatus } from '$lib/schedule/flow-rules';
import { flowGroups, waitText } from './flow-steps';

const visit = (id: string, start: string, status: FlowStatus) => ({
	id,
	start: `2026-11-30T${start}:00.000Z`,
	flow: { status }
});
const NOW = Date.parse('2026-11-30T10:00:00Z');
const visits = [
	visit('late', '09:30', 'scheduled'),
	visit('waiting', '09:45', 'arrived'),
	visit('finished', '08:00', 'done'),
	visit('missed', '08:30', 'no-show'),
	visit('soon', '10:45', 'scheduled'),
	visit('afternoon', '14:00', 'scheduled'),
	visit('in-room', '09:00', 'with-provider')
];
const ids = (list: { id: string }[]) => list.map((v) => v.id);

describe('the flow board', () => {
	it('shows who is in the office by step, what is due within the hour, and folds the rest', () => {
		const groups = flowGroups(visits, NOW, false);
		expect(groups.inOffice.map((g) => [g.status, ids(g.visits)])).toEqual([
			['arrived', ['waiting']],
			['roomed', []],
			['with-provider', ['in-room']],
			['checkout', []]
		]);
		expect(ids(groups.upcoming)).toEqual(['late', 'soon']);
		expect(groups.later).toBe(1);
		expect(ids(groups.finished)).toEqual(['finished', 'missed']);
	});

	it('shows every scheduled visit when asked', () => {
		const groups = flowGroups(visits, NOW, true);
		expect(ids(groups.upcoming)).toEqual(['late', 'soon', 'afternoon']);
		expect(groups.later).toBe(0);
	});

	it.each([
		[4, '4 min'],
		[65, '1 h 05 min']
	])('says %i minutes as “%s”', (minutes, text) => {
		expect(waitText(minutes)).toBe(text);
	});
});
