import { describe, expect, it } from 'vitest';
import { cellAt, dropTarget, moved, slotMinutes, type GridGeometry } from './calendar-drag';

// A week of 5 days, one provider: cells 100 px wide from x = 50; 2 px a minute from 07:00.
const WEEK: GridGeometry = {
	left: 50,
	cellWidth: 100,
	days: 5,
	columns: 1,
	pxPerMinute: 2,
	dayStart: 7 * 60,
	dayEnd: 19 * 60
};
const NINE = { day: 1, column: 0, startMinutes: 540, endMinutes: 570 };

describe('dragging on the calendar', () => {
	it('snaps a move to 5 minutes and carries it to the day under the pointer', () => {
		const drag = { mode: 'move' as const, from: NINE, x: 160, y: 300 };
		expect(dropTarget(drag, 370, 300 + 2 * 23, WEEK)).toEqual({
			day: 3,
			column: 0,
			startMinutes: 565,
			endMinutes: 595
		});
	});

	it('keeps a moved visit inside the visible day', () => {
		const drag = { mode: 'move' as const, from: NINE, x: 160, y: 300 };
		expect(dropTarget(drag, 160, 300 + 2 * 600, WEEK)).toMatchObject({
			startMinutes: 19 * 60 - 30,
			endMinutes: 19 * 60
		});
		expect(dropTarget(drag, 160, 300 - 2 * 600, WEEK).startMinutes).toBe(7 * 60);
	});

	it('resizes from the bottom edge but never below 5 minutes, and stays in its cell', () => {
		const drag = { mode: 'resize' as const, from: NINE, x: 160, y: 300 };
		expect(dropTarget(drag, 400, 300 + 2 * 12, WEEK)).toEqual({ ...NINE, endMinutes: 580 });
		expect(dropTarget(drag, 160, 300 - 2 * 120, WEEK)).toEqual({ ...NINE, endMinutes: 545 });
	});

	it('picks day and column in a multi-column grid, day by day', () => {
		const providers = { ...WEEK, days: 2, columns: 3 };
		expect(cellAt(50 + 4 * 100 + 10, providers)).toEqual({ day: 1, column: 1 });
		expect(cellAt(9999, providers)).toEqual({ day: 1, column: 2 });
		expect(cellAt(0, providers)).toEqual({ day: 0, column: 0 });
	});

	it('tells a drop that changes nothing from a move', () => {
		expect(moved(NINE, { ...NINE })).toBe(false);
		expect(moved(NINE, { ...NINE, column: 1 })).toBe(true);
	});

	it('rounds a tapped slot down to the quarter hour', () => {
		expect(slotMinutes(2 * 134, WEEK)).toBe(7 * 60 + 120);
		expect(slotMinutes(-5, WEEK)).toBe(7 * 60);
	});
});
