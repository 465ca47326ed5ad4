/**
 * Calls `onIdle` once no activity has been reported for `timeoutMs`. Activity is reported by the
 * caller (`touch`), so this stays free of DOM events and is testable with fake timers.
 */

export interface IdleTimer {
	/** Activity happened: start the countdown again. */
	touch(): void;
	/** Changes the timeout and restarts the countdown. */
	setTimeout(ms: number): void;
	stop(): void;
}

/** Starts a countdown that fires `onIdle` after `timeoutMs` without a `touch`. */
export function startIdleTimer(timeoutMs: number, onIdle: () => void): IdleTimer {
	let timeout = timeoutMs;
	let handle: ReturnType<typeof setTimeout> | null = null;
	// Activity arrives many times a second; re-arming on each would churn timers for nothing.
	let lastArmed = 0;
	const arm = () => {
		if (handle !== null) clearTimeout(handle);
		lastArmed = Date.now();
		handle = setTimeout(() => {
			handle = null;
			onIdle();
		}, timeout);
	};
	arm();
	return {
		touch() {
			if (handle === null) return;
			if (Date.now() - lastArmed < 1000) return;
			arm();
		},
		setTimeout(ms: number) {
			timeout = ms;
			if (handle !== null) arm();
		},
		stop() {
			if (handle !== null) clearTimeout(handle);
			handle = null;
		}
	};
}
