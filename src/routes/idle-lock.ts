/** Connects the idle timer to what a person does on the page. */
import { startIdleTimer } from '$lib/core/session/idle-timer';

const ACTIVITY = [
	'pointerdown',
	'pointermove',
	'keydown',
	'wheel',
	'touchstart',
	'scroll'
] as const;

/** Calls `onIdle` after `timeoutMs` without any input; returns a stop function. */
export function watchIdle(timeoutMs: number, onIdle: () => void): () => void {
	const timer = startIdleTimer(timeoutMs, onIdle);
	const touch = () => timer.touch();
	for (const type of ACTIVITY)
		window.addEventListener(type, touch, { passive: true, capture: true });
	return () => {
		timer.stop();
		for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
	};
}
