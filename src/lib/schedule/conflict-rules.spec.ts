import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	conflictsAmong,
	conflictsWith,
	openConflicts,
	pairKey,
	type Booking,
	type Conflict
} from './conflict-rules';

const at = (minutes: number) =>
	new Date(Date.UTC(2026, 10, 30, 14) + minutes * 60_000).toISOString();

function booking(id: string, from: number, to: number, extra: Partial<Booking> = {}): Booking {
	return { id, start: at(from), end: at(to), providerId: 'dr-a', holdsTime: true, ...extra };
}

describe('conflicts when booking', () => {
	it('catches the same provider at overlapping times', () => {
		const existing = [booking('a', 0, 30)];
		expect(conflictsWith(booking('b', 15, 45), existing)).toEqual([
			{ kind: 'provider', ids: ['a', 'b'] }
		]);
	});

	it('lets back-to-back visits touch', () => {
		expect(conflictsWith(booking('b', 30, 60), [booking('a', 0, 30)])).toEqual([]);
	});

	it('catches a shared room and a shared patient across providers', () => {
		const existing = [booking('a', 0, 30, { roomId: 'r1', patientId: 'p1' })];
		const candidate = booking('b', 10, 20, { providerId: 'dr-b', roomId: 'r1', patientId: 'p1' });
		expect(conflictsWith(candidate, existing).map((c) => c.kind)).toEqual(['room', 'patient']);
	});

	it('ignores cancelled and no-show bookings, and the booking being moved', () => {
		const existing = [booking('a', 0, 30, { holdsTime: false }), booking('b', 0, 30)];
		expect(conflictsWith(booking('b', 10, 40), existing)).toEqual([]);
		expect(conflictsWith(booking('c', 10, 40, { holdsTime: false }), existing)).toEqual([]);
	});
});

describe('conflicts among a day of bookings', () => {
	const bookings = fc
		.array(
			fc.record({
				from: fc.integer({ min: 0, max: 600 }),
				length: fc.integer({ min: 5, max: 90 }),
				provider: fc.constantFrom('dr-a', 'dr-b'),
				room: fc.option(fc.constantFrom('r1', 'r2'), { nil: undefined }),
				patient: fc.option(fc.constantFrom('p1', 'p2', 'p3'), { nil: undefined }),
				holdsTime: fc.boolean()
			}),
			{ maxLength: 40 }
		)
		.map((rows) =>
			rows.map((row, i) =>
				booking(`b${String(i).padStart(2, '0')}`, row.from, row.from + row.length, {
					providerId: row.provider,
					roomId: row.room,
					patientId: row.patient,
					holdsTime: row.holdsTime
				})
			)
		);
	const key = (c: Conflict) => `${c.kind}:${c.ids.join('|')}`;

	it('finds exactly the clashes that checking every pair finds', () => {
		fc.assert(
			fc.property(bookings, (all) => {
				const pairwise = all.flatMap((b, i) => conflictsWith(b, all.slice(i + 1)));
				expect(conflictsAmong(all).map(key).sort()).toEqual(pairwise.map(key).sort());
			})
		);
	});

	it('finds the same clashes whatever order the bookings arrive in', () => {
		fc.assert(
			fc.property(
				bookings.chain((all) =>
					fc.tuple(fc.constant(all), fc.shuffledSubarray(all, { minLength: all.length }))
				),
				([all, shuffled]) => {
					expect(conflictsAmong(shuffled).map(key).sort()).toEqual(
						conflictsAmong(all).map(key).sort()
					);
				}
			)
		);
	});

	it('keeps listing a clash until the double booking is accepted', () => {
		const clashes = conflictsAmong([
			booking('a', 0, 30),
			booking('b', 10, 40),
			booking('c', 20, 50)
		]);
		expect(clashes).toHaveLength(3);
		const open = openConflicts(clashes, new Set([pairKey('b', 'a')]));
		expect(open.map((c) => c.ids.join('|'))).toEqual(['a|c', 'b|c']);
	});
});
