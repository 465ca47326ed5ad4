/**
 * The conflicts page lists clashing pairs, not clash kinds: two bookings with the same provider
 * and the same room are one problem, solved by one action, so the kinds of a pair are gathered.
 */
import { pairKey, type Conflict, type ConflictKind } from '$lib/schedule/conflict-rules';
import type { ScheduledAppointment } from '$lib/schedule/queries';

export interface ClashingPair {
	/** conflict-rules.ts pairKey: what acceptConflict remembers. */
	pair: string;
	kinds: ConflictKind[];
	/** The earlier booking first. */
	bookings: [ScheduledAppointment, ScheduledAppointment];
}

/** Conflicts gathered per pair of bookings, earliest first; pairs not both in `shown` are left out. */
export function clashingPairs(
	conflicts: readonly Conflict[],
	shown: readonly ScheduledAppointment[]
): ClashingPair[] {
	const byId = new Map(shown.map((a) => [a.id, a]));
	const pairs = new Map<string, ClashingPair>();
	for (const { kind, ids } of conflicts) {
		const key = pairKey(ids[0], ids[1]);
		const existing = pairs.get(key);
		if (existing) {
			existing.kinds.push(kind);
			continue;
		}
		const a = byId.get(ids[0]);
		const b = byId.get(ids[1]);
		if (!a || !b) continue;
		const bookings: [ScheduledAppointment, ScheduledAppointment] =
			a.start < b.start || (a.start === b.start && a.bookedAt <= b.bookedAt) ? [a, b] : [b, a];
		pairs.set(key, { pair: key, kinds: [kind], bookings });
	}
	return [...pairs.values()].sort((x, y) => x.bookings[0].start.localeCompare(y.bookings[0].start));
}

/** How far ahead the conflicts page (and its tab's count) looks. */
export const CONFLICT_WEEKS = 8;
