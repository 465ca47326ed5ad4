/** The front desk's calendar keys (listed for people in ShortcutHelp.svelte). */
import type { CalendarView } from './calendar-nav';

export interface ShortcutActions {
	today: () => void;
	step: (direction: -1 | 1) => void;
	newBooking: () => void;
	view: (view: CalendarView) => void;
	help: () => void;
}

const VIEW_KEYS: Record<string, CalendarView> = { d: 'day', w: 'week', p: 'providers', r: 'rooms' };

/** Whether a key press belongs to something else: typing in a field, or an open dialog. */
function busyElsewhere(event: KeyboardEvent): boolean {
	if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
	const target = event.target as HTMLElement | null;
	if (target?.closest('input, select, textarea, [contenteditable="true"], dialog')) return true;
	return !!document.querySelector('dialog[open]');
}

/** Runs the calendar action of a key press, if it is one; returns whether it was. */
export function handleShortcut(event: KeyboardEvent, actions: ShortcutActions): boolean {
	if (busyElsewhere(event)) return false;
	const key = event.key;
	if (key === 't') actions.today();
	else if (key === 'ArrowLeft') actions.step(-1);
	else if (key === 'ArrowRight') actions.step(1);
	else if (key === 'n') actions.newBooking();
	else if (key === '?') actions.help();
	else if (key in VIEW_KEYS) actions.view(VIEW_KEYS[key]);
	else return false;
	event.preventDefault();
	return true;
}
