/**
 * Where appointments sit on the calendar grid: for each day × column (a provider or a room), a
 * block's top and height in minutes from the top of the visible day, and a lane so that
 * overlapping appointments stand side by side instead of on top of each other.
 *
 * Lanes: within a day × column, appointments are taken by start time; each joins the first lane
 * whose last block has ended (touching ends share a lane). A cluster — a run of appointments
 * linked by overlaps — is as wide as the most lanes it used, so blocks of a busy stretch share
 * the width and a lone one later that day gets the whole column. No two overlapping blocks of
 * one day × column ever share a lane.
 *
 * Minutes are wall-clock minutes in the practice's zone, so 09:00 is drawn at 09:00 on a DST
 * day too. Only days with a clock change pay for Intl; other days use elapsed milliseconds.
 * Pure and linear after one sort per cell: the week view lays out thousands in a millisecond.
 */
import {
	addDays,
	instantToWallTime,
	minutesOfDay,
	offsetMinutes,
	wallTimeToMs
} from './zoned-time';

const MINUTE_MS = 60_000;

/** What layout needs of an appointment (an Appointment or ScheduledAppointment fits). */
export interface LayoutAppointment {
	id: string;
	/** ISO UTC instants. */
	start: string;
	end: string;
	providerId: string;
	roomId?: string;
}

/** A column of the grid: the appointments of one provider, or of one room. */
export interface LayoutColumn {
	id: string;
	by: 'provider' | 'room';
}

/** An appointment placed on the grid. Minutes are relative to `dayStart`, clipped to the day. */
export interface LayoutBlock<A extends LayoutAppointment = LayoutAppointment> {
	appointment: A;
	/** Local date 'YYYY-MM-DD' and its index in `days`. */
	date: string;
	day: number;
	/** Index in `columns`. */
	column: number;
	/** Local minutes of day the appointment starts and ends at (not clipped). */
	startMinutes: number;
	endMinutes: number;
	/** Minutes from the top of the visible day, and the visible length (≥ 1). */
	top: number;
	height: number;
	/** 0-based lane and the width of its overlap cluster in lanes. */
	lane: number;
	lanes: number;
}

interface DayFrame {
	date: string;
	startMs: number;
	endMs: number;
	/** No clock change inside the day: wall minutes are elapsed minutes. */
	steady: boolean;
}

function frameOf(date: string, timeZone: string): DayFrame {
	const startMs = wallTimeToMs({ date, time: '00:00' }, timeZone);
	const endMs = wallTimeToMs({ date: addDays(date, 1), time: '00:00' }, timeZone);
	const steady = offsetMinutes(startMs, timeZone) === offsetMinutes(endMs - 1, timeZone);
	return { date, startMs, endMs, steady };
}

function wallMinutes(ms: number, frame: DayFrame, timeZone: string): number {
	if (ms >= frame.endMs) return 24 * 60 + (ms - frame.endMs) / MINUTE_MS;
	if (frame.steady) return (ms - frame.startMs) / MINUTE_MS;
	return minutesOfDay(instantToWallTime(ms, timeZone).time);
}

function dayIndexOf(ms: number, frames: readonly DayFrame[]): number {
	let low = 0;
	let high = frames.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if (ms < frames[mid].startMs) high = mid - 1;
		else if (ms >= frames[mid].endMs) low = mid + 1;
		else return mid;
	}
	return -1;
}

/** Gives each block of one cell (sorted by start) its lane and cluster width. */
function assignLanes(blocks: LayoutBlock[]): void {
	let laneEnds: number[] = [];
	let cluster: LayoutBlock[] = [];
	let clusterEnd = -Infinity;
	const close = () => {
		for (const block of cluster) block.lanes = laneEnds.length;
		laneEnds = [];
		cluster = [];
	};
	for (const block of blocks) {
		if (block.startMinutes >= clusterEnd) close();
		let lane = laneEnds.findIndex((end) => end <= block.startMinutes);
		if (lane === -1) lane = laneEnds.push(0) - 1;
		laneEnds[lane] = block.endMinutes;
		block.lane = lane;
		cluster.push(block);
		clusterEnd = cluster.length === 1 ? block.endMinutes : Math.max(clusterEnd, block.endMinutes);
	}
	close();
}

/**
 * Lays out `appointments` on a grid of `days` (local dates, in order) × `columns`, showing the
 * local minutes `dayStart` to `dayEnd` of each day in `timeZone`. Appointments of no column, of
 * no listed day, or wholly outside the visible hours are left out.
 */
export function layoutWeek<A extends LayoutAppointment>(
	appointments: readonly A[],
	columns: readonly LayoutColumn[],
	days: readonly string[],
	timeZone: string,
	dayStart = 0,
	dayEnd = 24 * 60
): LayoutBlock<A>[] {
	const frames = days.map((date) => frameOf(date, timeZone));
	const byProvider = new Map<string, number>();
	const byRoom = new Map<string, number>();
	columns.forEach((c, i) => (c.by === 'provider' ? byProvider : byRoom).set(c.id, i));
	const cells = new Map<number, LayoutBlock<A>[]>();
	const placed: LayoutBlock<A>[] = [];
	for (const appointment of appointments) {
		const columnAt = [byProvider.get(appointment.providerId)];
		if (appointment.roomId) columnAt.push(byRoom.get(appointment.roomId));
		const startMs = Date.parse(appointment.start);
		const day = dayIndexOf(startMs, frames);
		if (day === -1) continue;
		const frame = frames[day];
		const startMinutes = wallMinutes(startMs, frame, timeZone);
		const endMinutes = Math.max(
			startMinutes,
			wallMinutes(Date.parse(appointment.end), frame, timeZone)
		);
		if (endMinutes <= dayStart || startMinutes >= dayEnd) continue;
		const top = Math.max(startMinutes, dayStart) - dayStart;
		const height = Math.max(1, Math.min(endMinutes, dayEnd) - dayStart - top);
		for (const column of columnAt) {
			if (column === undefined) continue;
			const block: LayoutBlock<A> = {
				appointment,
				date: frame.date,
				day,
				column,
				startMinutes,
				endMinutes,
				top,
				height,
				lane: 0,
				lanes: 1
			};
			const key = day * columns.length + column;
			const cell = cells.get(key);
			if (cell) cell.push(block);
			else cells.set(key, [block]);
			placed.push(block);
		}
	}
	for (const cell of cells.values()) {
		cell.sort((a, b) => a.startMinutes - b.startMinutes || b.endMinutes - a.endMinutes);
		assignLanes(cell);
	}
	return placed;
}
