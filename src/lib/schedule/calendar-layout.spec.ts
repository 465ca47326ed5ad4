import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutWeek, type LayoutAppointment, type LayoutColumn } from './calendar-layout';
import { wallTimeToInstant } from './zoned-time';

const NEW_YORK = 'America/New_York';
const WEEK = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
const DR_A: LayoutColumn = { id: 'dr-a', by: 'provider' };
const DR_B: LayoutColumn = { id: 'dr-b', by: 'provider' };

function visit(
	id: string,
	date: string,
	from: string,
	to: string,
	extra: Partial<LayoutAppointment> = {}
): LayoutAppointment {
	return {
		id,
		start: wallTimeToInstant({ date, time: from }, NEW_YORK),
		end: wallTimeToInstant({ date, time: to }, NEW_YORK),
		providerId: 'dr-a',
		...extra
	};
}

describe('placing appointments on the grid', () => {
	it('puts a visit at its local time, in its day and provider column', () => {
		const [block] = layoutWeek(
			[visit('a', '2026-03-04', '09:30', '10:15', { providerId: 'dr-b' })],
			[DR_A, DR_B],
			WEEK,
			NEW_YORK,
			8 * 60,
			18 * 60
		);
		expect(block).toMatchObject({ date: '2026-03-04', day: 2, column: 1, top: 90, height: 45 });
		expect(block).toMatchObject({ lane: 0, lanes: 1 });
	});

	it('draws 09:00 at 09:00 on the day clocks spring forward', () => {
		const [block] = layoutWeek(
			[visit('a', '2026-03-08', '09:00', '09:30')],
			[DR_A],
			['2026-03-08'],
			NEW_YORK
		);
		expect(block).toMatchObject({ startMinutes: 540, endMinutes: 570 });
	});

	it('places a visit in its room column in the room view', () => {
		const rooms: LayoutColumn[] = [
			{ id: 'room-1', by: 'room' },
			{ id: 'room-2', by: 'room' }
		];
		const blocks = layoutWeek(
			[
				visit('a', '2026-03-02', '09:00', '09:30', { roomId: 'room-2' }),
				visit('b', '2026-03-02', '09:00', '09:30')
			],
			rooms,
			WEEK,
			NEW_YORK
		);
		expect(blocks.map((b) => [b.appointment.id, b.column])).toEqual([['a', 1]]);
	});

	it('clips a visit running past the visible hours and leaves out one wholly outside', () => {
		const blocks = layoutWeek(
			[visit('a', '2026-03-02', '17:30', '18:30'), visit('b', '2026-03-02', '06:00', '07:00')],
			[DR_A],
			WEEK,
			NEW_YORK,
			8 * 60,
			18 * 60
		);
		expect(blocks.map((b) => [b.appointment.id, b.top, b.height])).toEqual([['a', 570, 30]]);
	});

	it('sets overlapping visits side by side and gives a later lone visit the whole width', () => {
		const blocks = layoutWeek(
			[
				visit('a', '2026-03-02', '09:00', '10:00'),
				visit('b', '2026-03-02', '09:15', '09:45'),
				visit('c', '2026-03-02', '09:45', '10:30'),
				visit('d', '2026-03-02', '11:00', '11:30')
			],
			[DR_A],
			WEEK,
			NEW_YORK
		);
		const lanes = Object.fromEntries(blocks.map((b) => [b.appointment.id, [b.lane, b.lanes]]));
		expect(lanes).toEqual({ a: [0, 2], b: [1, 2], c: [1, 2], d: [0, 1] });
	});
});

describe('overlap lanes', () => {
	const day = fc.array(
		fc.record({
			from: fc.integer({ min: 0, max: 1400 }),
			length: fc.integer({ min: 5, max: 240 }),
			provider: fc.constantFrom('dr-a', 'dr-b'),
			date: fc.constantFrom(...WEEK)
		}),
		{ maxLength: 60 }
	);
	const minutesOf = (m: number) =>
		`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

	it('never puts two overlapping visits of one cell in the same lane, and keeps blocks in the day', () => {
		fc.assert(
			fc.property(day, fc.integer({ min: 0, max: 600 }), (rows, dayStart) => {
				const dayEnd = dayStart + 600;
				const visits = rows.map((row, i) => {
					const end = Math.min(row.from + row.length, 1439);
					return visit(`v${i}`, row.date, minutesOf(row.from), minutesOf(end), {
						providerId: row.provider
					});
				});
				const blocks = layoutWeek(visits, [DR_A, DR_B], WEEK, NEW_YORK, dayStart, dayEnd);
				for (const block of blocks) {
					expect(block.top).toBeGreaterThanOrEqual(0);
					expect(block.top + block.height).toBeLessThanOrEqual(dayEnd - dayStart);
					expect(block.lane).toBeLessThan(block.lanes);
				}
				for (const a of blocks) {
					for (const b of blocks) {
						if (a === b || a.day !== b.day || a.column !== b.column) continue;
						const overlap = a.startMinutes < b.endMinutes && b.startMinutes < a.endMinutes;
						if (overlap) expect(a.lane).not.toBe(b.lane);
					}
				}
			})
		);
	});
});
