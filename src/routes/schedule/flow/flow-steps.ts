/** The flow board's words: the one-tap next step for each status, and how long is too long. */
import type { FlowStatus, FlowStep } from '$lib/schedule/flow-rules';

/** The step a tap moves a visit to, and the button's words. */
export const NEXT_STEP: Partial<Record<FlowStatus, { to: FlowStep; label: string }>> = {
	scheduled: { to: 'arrived', label: 'Check in' },
	arrived: { to: 'roomed', label: 'Room patient' },
	roomed: { to: 'with-provider', label: 'Provider in' },
	'with-provider': { to: 'checkout', label: 'To checkout' },
	checkout: { to: 'done', label: 'Done' }
};

/** Waiting longer than this in one step is highlighted. */
export const LONG_WAIT_MINUTES = 15;

/** The ISO instant of epoch milliseconds. */
export const isoOf = (ms: number) => new Date(ms).toISOString();

/** "4 min", "1 h 05 min". */
export function waitText(minutes: number): string {
	if (minutes < 60) return `${minutes} min`;
	return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The steps a patient is in the building for, in the order the board shows them. */
export const IN_OFFICE = ['arrived', 'roomed', 'with-provider', 'checkout'] as const;

/** Scheduled visits starting within this many minutes (or already due) show without a tap. */
export const SOON_MINUTES = 60;

export interface FlowGroups<V> {
	inOffice: { status: (typeof IN_OFFICE)[number]; visits: V[] }[];
	/** Scheduled visits due or starting soon (all of them when `showAll`). */
	upcoming: V[];
	/** Scheduled visits left out of `upcoming`. */
	later: number;
	/** Done, cancelled and no-show. */
	finished: V[];
}

/**
 * Today's visits as the board groups them: who is in the office by step, then what comes next
 * (the rest of the day folded away, so a busy day does not bury the waiting room), then the
 * finished ones. Visits keep their start-time order within each group.
 */
export function flowGroups<V extends { start: string; flow: { status: FlowStatus } }>(
	visits: readonly V[],
	nowMs: number,
	showAll: boolean
): FlowGroups<V> {
	const soon = isoOf(nowMs + SOON_MINUTES * 60_000);
	const scheduled = visits.filter((v) => v.flow.status === 'scheduled');
	const upcoming = showAll ? scheduled : scheduled.filter((v) => v.start < soon);
	return {
		inOffice: IN_OFFICE.map((status) => ({
			status,
			visits: visits.filter((v) => v.flow.status === status)
		})),
		upcoming,
		later: scheduled.length - upcoming.length,
		finished: visits.filter((v) => ['done', 'cancelled', 'no-show'].includes(v.flow.status))
	};
}
