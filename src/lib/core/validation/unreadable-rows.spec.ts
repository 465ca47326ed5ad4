import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnreadableRows } from './unreadable-rows';

const ROW = {
	docId: 'alpha',
	rowId: 4,
	deviceId: 'device-b',
	epoch: 2,
	reason: 'missing-key' as const,
	message: 'You do not hold key 2 for "alpha" on this device.'
};

afterEach(() => {
	vi.useRealTimers();
});

describe('UnreadableRows', () => {
	it('keeps when a row was first seen when the same row is reported again', () => {
		vi.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
		const list = new UnreadableRows();
		list.report(ROW);
		vi.setSystemTime(new Date('2026-03-02T08:00:00Z'));
		list.report({ ...ROW, reason: 'undecryptable', message: 'altered' });

		expect(list.all()).toEqual([
			{ ...ROW, reason: 'undecryptable', message: 'altered', firstSeen: '2026-03-01T08:00:00.000Z' }
		]);
	});

	it('tells the snapshot of a document apart from its rows, and releases each on its own', () => {
		const list = new UnreadableRows();
		list.report(ROW);
		list.report({ ...ROW, rowId: null, reason: 'snapshot' });
		list.report({ ...ROW, docId: 'beta' });
		expect(list.of('alpha')).toHaveLength(2);

		list.release('alpha', null);
		expect(list.of('alpha')).toEqual([expect.objectContaining({ rowId: 4 })]);
		expect(list.size).toBe(2);
	});

	it('tells subscribers about changes, not about a report that changes nothing', () => {
		const list = new UnreadableRows();
		const listener = vi.fn();
		const unsubscribe = list.subscribe(listener);
		list.report(ROW);
		list.report(ROW);
		list.release('alpha', 99);
		list.release('alpha', 4);
		unsubscribe();
		list.report(ROW);

		expect(listener).toHaveBeenCalledTimes(2);
	});
});
