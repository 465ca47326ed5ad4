/**
 * Double-booking. Two bookings clash when their times overlap (touching ends do not) and they
 * share a provider, a room or a patient, unless either is cancelled or a no-show.
 *
 * Devices book offline, so a clash can arrive by sync long after both bookings were made. Then
 * neither is dropped or overwritten: both stay, and the clash is listed until someone moves one,
 * cancels one, or accepts the double booking (which is remembered per pair).
 */

export const CONFLICT_KINDS = ['provider', 'room', 'patient'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** What the conflict rules need of a booking. */
export interface Booking {
	id: string;
	/** ISO UTC instants; `end` after `start`. */
	start: string;
	end: string;
	providerId: string;
	roomId?: string;
	patientId?: string;
	/** Cancelled and no-show bookings hold no time. */
	holdsTime: boolean;
}

export interface Conflict {
	kind: ConflictKind;
	/** The two bookings, ids in sorted order so a clash has one identity everywhere. */
	ids: [string, string];
}

/** The id of a clash between two bookings, whatever order they are named in. */
export function pairKey(a: string, b: string): string {
	return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function overlaps(a: Booking, b: Booking): boolean {
	return a.start < b.end && b.start < a.end;
}

function clashKinds(a: Booking, b: Booking): ConflictKind[] {
	const kinds: ConflictKind[] = [];
	if (a.providerId === b.providerId) kinds.push('provider');
	if (a.roomId && a.roomId === b.roomId) kinds.push('room');
	if (a.patientId && a.patientId === b.patientId) kinds.push('patient');
	return kinds;
}

function conflict(kind: ConflictKind, a: string, b: string): Conflict {
	return { kind, ids: a < b ? [a, b] : [b, a] };
}

/** The clashes a new or moved booking would have with the others (itself excluded). */
export function conflictsWith(candidate: Booking, others: Iterable<Booking>): Conflict[] {
	if (!candidate.holdsTime) return [];
	const found: Conflict[] = [];
	for (const other of others) {
		if (other.id === candidate.id || !other.holdsTime || !overlaps(candidate, other)) continue;
		for (const kind of clashKinds(candidate, other))
			found.push(conflict(kind, candidate.id, other.id));
	}
	return found;
}

/**
 * Every clash among `bookings`, found by a sweep over start times: each booking is compared only
 * with those still running when it starts, so a day of hundreds costs little.
 */
export function conflictsAmong(bookings: readonly Booking[]): Conflict[] {
	const sorted = bookings.filter((b) => b.holdsTime).sort((a, b) => a.start.localeCompare(b.start));
	const found: Conflict[] = [];
	let running: Booking[] = [];
	for (const booking of sorted) {
		running = running.filter((other) => other.end > booking.start);
		for (const other of running) {
			for (const kind of clashKinds(booking, other))
				found.push(conflict(kind, booking.id, other.id));
		}
		running.push(booking);
	}
	return found;
}

/** Clashes nobody has accepted yet; `accepted` holds pairKey()s of accepted double bookings. */
export function openConflicts(
	conflicts: readonly Conflict[],
	accepted: ReadonlySet<string>
): Conflict[] {
	return conflicts.filter((c) => !accepted.has(pairKey(...c.ids)));
}
