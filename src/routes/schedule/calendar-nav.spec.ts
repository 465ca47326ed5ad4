import { describe, expect, it } from 'vitest';
import { dayLabel, daysShown, rangeLabel, spanOf, stepDate, visibleHours } from './calendar-nav';

describe('calendar navigation', () => {
	it('loads Monday to Sunday for a week and one day otherwise', () => {
		expect(spanOf('week', '2026-03-05')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
		expect(spanOf('providers', '2026-03-05')).toEqual({ from: '2026-03-05', to: '2026-03-05' });
	});

	it('leaves out a weekend day nobody works or is booked on', () => {
		const days = daysShown('week', '2026-03-05', (date) => date === '2026-03-07');
		expect(days).toEqual([
			'2026-03-02',
			'2026-03-03',
			'2026-03-04',
			'2026-03-05',
			'2026-03-06',
			'2026-03-07'
		]);
	});

	it('steps a week in week view and a day otherwise', () => {
		expect(stepDate('week', '2026-03-05', 1)).toBe('2026-03-12');
		expect(stepDate('day', '2026-03-01', -1)).toBe('2026-02-28');
	});

	it('labels days and ranges as people read them', () => {
		expect(dayLabel('2026-03-03')).toBe('Tue 3');
		expect(rangeLabel('week', '2026-03-05')).toBe('Mar 2 – Mar 8, 2026');
		expect(rangeLabel('day', '2026-03-05')).toBe('Thursday, March 5, 2026');
	});

	it('shows 7 to 7 at least, widened to whole hours around what is there', () => {
		expect(visibleHours([])).toEqual({ start: 420, end: 1140 });
		expect(visibleHours([{ start: 6 * 60 + 30, end: 20 * 60 + 10 }])).toEqual({
			start: 360,
			end: 1260
		});
	});
});
