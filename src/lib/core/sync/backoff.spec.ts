import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff', () => {
	it('doubles from 0.5 s to a 30 s ceiling, each delay between half and all of its step', () => {
		const low = new Backoff({ random: () => 0 });
		const high = new Backoff({ random: () => 1 });
		const lows = Array.from({ length: 9 }, () => low.next());
		const highs = Array.from({ length: 9 }, () => high.next());
		expect(highs).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
		expect(lows).toEqual(highs.map((ms) => ms / 2));
	});

	it('starts again from the first step after a reset', () => {
		const backoff = new Backoff({ random: () => 1 });
		backoff.next();
		backoff.next();
		backoff.reset();
		expect(backoff.next()).toBe(500);
	});

	it('spreads devices that retry together', () => {
		const delays = new Set(Array.from({ length: 50 }, () => new Backoff().next()));
		expect(delays.size).toBeGreaterThan(10);
	});
});
