/**
 * Where a dragged appointment lands. The grid is a row of cells (each day × column, day-major),
 * so the pointer's x picks the cell and its y, relative to where the drag began, the new time.
 * Times snap to 5 minutes and stay inside the visible day; a resize keeps at least 5 minutes.
 */

export const SNAP_MINUTES = 5;

/** Pointer travel (px) before a press becomes a drag rather than a tap. */
export const DRAG_THRESHOLD_PX = 6;

export interface GridGeometry {
	/** Page x of the first cell's left edge, and every cell's width. */
	left: number;
	cellWidth: number;
	days: number;
	columns: number;
	pxPerMinute: number;
	dayStart: number;
	dayEnd: number;
}

export interface Placement {
	day: number;
	column: number;
	startMinutes: number;
	endMinutes: number;
}

export interface DragStart {
	mode: 'move' | 'resize';
	from: Placement;
	x: number;
	y: number;
}

const snap = (minutes: number) => Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** The cell (day and column) under page x. */
export function cellAt(x: number, grid: GridGeometry): { day: number; column: number } {
	const cells = grid.days * grid.columns;
	const index = clamp(Math.floor((x - grid.left) / grid.cellWidth), 0, cells - 1);
	return { day: Math.floor(index / grid.columns), column: index % grid.columns };
}

/** Where the appointment would land with the pointer at (x, y). */
export function dropTarget(drag: DragStart, x: number, y: number, grid: GridGeometry): Placement {
	const delta = snap((y - drag.y) / grid.pxPerMinute);
	const { from } = drag;
	if (drag.mode === 'resize') {
		const end = clamp(from.endMinutes + delta, from.startMinutes + SNAP_MINUTES, grid.dayEnd);
		return { ...from, endMinutes: Math.max(end, from.startMinutes + SNAP_MINUTES) };
	}
	const length = from.endMinutes - from.startMinutes;
	const start = clamp(snap(from.startMinutes + delta), grid.dayStart, grid.dayEnd - length);
	return { ...cellAt(x, grid), startMinutes: start, endMinutes: start + length };
}

/** Whether a drop changes anything. */
export function moved(a: Placement, b: Placement): boolean {
	return (
		a.day !== b.day ||
		a.column !== b.column ||
		a.startMinutes !== b.startMinutes ||
		a.endMinutes !== b.endMinutes
	);
}

/** The minute of a tapped slot, rounded down to `step` (y from the top of the day). */
export function slotMinutes(y: number, grid: GridGeometry, step = 15): number {
	const minutes = grid.dayStart + Math.floor(y / grid.pxPerMinute / step) * step;
	return clamp(minutes, grid.dayStart, grid.dayEnd - step);
}
