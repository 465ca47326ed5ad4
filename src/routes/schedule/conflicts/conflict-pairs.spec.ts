import { describe, expect, it } from 'vitest';
import { conflictsAmong } from '$lib/schedule/conflict-rules';
import { asBooking, type ScheduledAppointment } from '$lib/schedule/queries';
import { clashingPairs } from './conflict-pairs';

const visit = (
	id: string,
	start: string,
	extra: Partial<ScheduledAppointment> = {}
): ScheduledAppointment => ({
	id,
	home: '2026-11',
	patientId: `patient-${id}`,
	providerId: 'dr-a',
	typeId: 'type',
	roomId: '',
	start: `2026-11-30T${start}:00.000Z`,
	end: `2026-11-30T${start.slice(0, 3)}30:00.000Z`,
	note: '',
	seriesId: '',
	occurrenceDate: '',
	detached: false,
	voided: false,
	flow: { status: 'scheduled', stamps: {} },
	bookedBy: 'someone',
	bookedAt: '2026-11-01T00:00:00.000Z',
	updatedAt: '2026-11-01T00:00:00.000Z',
	...extra
});

describe('clashing pairs', () => {
	it('gathers the kinds of one pair and puts the earlier booking first', () => {
		const b = visit('B', '14:00', { roomId: 'room-1' });
		const a = visit('A', '14:15', { roomId: 'room-1' });
		const c = visit('C', '09:00', { providerId: 'dr-b' });
		const d = visit('D', '09:00', { providerId: 'dr-b' });
		const shown = [a, b, c, d];
		const pairs = clashingPairs(conflictsAmong(shown.map(asBooking)), shown);
		expect(pairs.map((p) => [p.pair, p.kinds.sort(), p.bookings.map((x) => x.id)])).toEqual([
			['C|D', ['provider'], ['C', 'D']],
			['A|B', ['provider', 'room'], ['B', 'A']]
		]);
	});

	it('leaves out a pair whose other booking is not in the span shown', () => {
		const a = visit('A', '14:00');
		const pairs = clashingPairs([{ kind: 'provider', ids: ['A', 'Z'] }], [a]);
		expect(pairs).toEqual([]);
	});
});
