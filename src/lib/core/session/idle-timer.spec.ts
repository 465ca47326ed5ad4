import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleTimer } from './idle-timer';

const TIMEOUT = 5000;

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('startIdleTimer', () => {
	it('fires once after the timeout when nothing touches it', () => {
		const onIdle = vi.fn();
		startIdleTimer(TIMEOUT, onIdle);
		vi.advanceTimersByTime(TIMEOUT - 1);
		expect(onIdle).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(onIdle).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(TIMEOUT * 3);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});

	it('starts the countdown again on a touch', () => {
		const onIdle = vi.fn();
		const timer = startIdleTimer(TIMEOUT, onIdle);
		vi.advanceTimersByTime(3000);
		timer.touch();
		vi.advanceTimersByTime(TIMEOUT - 1);
		expect(onIdle).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});

	it('ignores touches within a second of the last restart', () => {
		const onIdle = vi.fn();
		const timer = startIdleTimer(TIMEOUT, onIdle);
		vi.advanceTimersByTime(999);
		timer.touch();
		vi.advanceTimersByTime(TIMEOUT - 999);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});

	it('keeps postponing while touches keep coming at least a second apart', () => {
		const onIdle = vi.fn();
		const timer = startIdleTimer(TIMEOUT, onIdle);
		for (let i = 0; i < 10; i++) {
			vi.advanceTimersByTime(4000);
			timer.touch();
		}
		expect(onIdle).not.toHaveBeenCalled();
		vi.advanceTimersByTime(TIMEOUT);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});

	it('uses a new timeout from the moment it is changed', () => {
		const onIdle = vi.fn();
		const timer = startIdleTimer(TIMEOUT, onIdle);
		vi.advanceTimersByTime(1000);
		timer.setTimeout(2000);
		vi.advanceTimersByTime(1999);
		expect(onIdle).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});

	it('can lengthen the timeout beyond the original one', () => {
		const onIdle = vi.fn();
		const timer = startIdleTimer(TIMEOUT, onIdle);
		timer.setTimeout(20_000);
		vi.advanceTimersByTime(19_999);
		expect(onIdle).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});

	it('never fires once stopped, and a touch does not restart it', () => {
		const onIdle = vi.fn();
		const timer = startIdleTimer(TIMEOUT, onIdle);
		vi.advanceTimersByTime(2000);
		timer.stop();
		timer.touch();
		timer.setTimeout(1000);
		vi.advanceTimersByTime(TIMEOUT * 10);
		expect(onIdle).not.toHaveBeenCalled();
	});

	it('stays quiet after firing, whatever is touched', () => {
		const onIdle = vi.fn();
		const timer = startIdleTimer(TIMEOUT, onIdle);
		vi.advanceTimersByTime(TIMEOUT);
		timer.touch();
		vi.advanceTimersByTime(TIMEOUT * 2);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});
});
