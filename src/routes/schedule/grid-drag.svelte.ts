/**
 * A press on an appointment block becoming a drag. A mouse (or the resize handle) drags once it
 * has travelled a few pixels; a finger must hold still for a moment first, so a quick swipe over
 * a busy day still scrolls it. While a finger drags, the page must not scroll under it.
 */
import {
	DRAG_THRESHOLD_PX,
	dropTarget,
	moved,
	type DragStart,
	type GridGeometry,
	type Placement
} from './calendar-drag';

const HOLD_MS = 350;

interface Pressed extends DragStart {
	id: string;
	pointerId: number;
	active: boolean;
}

export class GridDrag {
	#pressed = $state.raw<Pressed | null>(null);
	/** Where the dragged block would land now. */
	target = $state.raw<Placement | null>(null);
	#holdTimer: ReturnType<typeof setTimeout> | undefined;
	#justDropped = false;

	constructor(
		private readonly geometry: () => GridGeometry | null,
		private readonly onDrop: (id: string, to: Placement) => void
	) {}

	/** The id of the block being dragged ('' when none). */
	get lifted(): string {
		return this.#pressed?.active ? this.#pressed.id : '';
	}

	/** The click that ends a drag is neither a tap on a slot nor an open. */
	get justDropped(): boolean {
		return this.#justDropped;
	}

	press(from: Placement & { id: string }, event: PointerEvent, mode: 'move' | 'resize'): void {
		if (event.button !== 0) return;
		const { clientX: x, clientY: y, pointerId } = event;
		this.#pressed = { mode, from, id: from.id, x, y, pointerId, active: false };
		if (event.pointerType === 'touch' && mode === 'move') {
			this.#holdTimer = setTimeout(() => {
				if (!this.#pressed) return;
				this.#pressed = { ...this.#pressed, active: true };
				this.target = this.#pressed.from;
			}, HOLD_MS);
		}
	}

	move = (event: PointerEvent): void => {
		const pressed = this.#pressed;
		if (!pressed || event.pointerId !== pressed.pointerId) return;
		if (!pressed.active) {
			const travel = Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y);
			if (travel < DRAG_THRESHOLD_PX) return;
			// A finger that moves before holding still is scrolling.
			if (event.pointerType === 'touch' && pressed.mode === 'move') return this.cancel();
			this.#pressed = { ...pressed, active: true };
		}
		const grid = this.geometry();
		if (grid) this.target = dropTarget(pressed, event.clientX, event.clientY, grid);
	};

	up = (event: PointerEvent): void => {
		const pressed = this.#pressed;
		if (!pressed || event.pointerId !== pressed.pointerId) return;
		const to = this.target;
		this.cancel();
		if (!pressed.active) return;
		this.#justDropped = true;
		setTimeout(() => (this.#justDropped = false), 0);
		if (to && moved(pressed.from, to)) this.onDrop(pressed.id, to);
	};

	cancel = (): void => {
		clearTimeout(this.#holdTimer);
		this.#pressed = null;
		this.target = null;
	};

	/** For a non-passive touchmove listener: no scrolling while a finger drags. */
	holdPage = (event: TouchEvent): void => {
		if (this.#pressed?.active) event.preventDefault();
	};
}
