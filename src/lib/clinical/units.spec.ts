import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DISPLAY_DECIMALS,
	STORAGE_DECIMALS,
	celsiusToFahrenheit,
	cmToFeetInches,
	fahrenheitToCelsius,
	feetInchesToCm,
	fromEntered,
	kgToPoundsOunces,
	poundsOuncesToKg,
	roundTo,
	toDisplay,
	toStorage
} from './units';
import { MEASURED_VITAL_KEYS } from './vitals-catalog';
import type { MeasuredVitalKey } from './vitals-catalog';

/** Integers lo..hi as decimals with `decimals` places: the values a keypad can produce. */
const keyed = (lo: number, hi: number, decimals: number) =>
	fc.integer({ min: lo * 10 ** decimals, max: hi * 10 ** decimals }).map((n) => n / 10 ** decimals);

/** True when `n` prints with at most `decimals` decimal places (no 0.30000000000000004). */
const clean = (n: number, decimals: number) =>
	!String(n).includes('e') && (String(n).split('.')[1] ?? '').length <= decimals;

/** Half a display step in the imperial unit plus half a storage step, in canonical units. */
function tolerance(key: MeasuredVitalKey): number {
	const halfShown = 0.5 * 10 ** -DISPLAY_DECIMALS[key];
	const inCanonical = fromEntered(key, halfShown, 'imperial') - fromEntered(key, 0, 'imperial');
	return inCanonical + 0.5 * 10 ** -STORAGE_DECIMALS[key];
}

describe('roundTo', () => {
	it.each([
		[1.005, 2, 1.01],
		[0.1 + 0.2, 2, 0.3],
		[37.77777777777778, 2, 37.78],
		[2.5, 0, 3],
		[-2.5, 0, -3],
		[-0.004, 2, 0],
		[68.039, 1, 68],
		[1e-7, 2, 0]
	])('rounds %d to %d places as %d', (value, decimals, expected) => {
		expect(roundTo(value, decimals)).toBe(expected);
	});

	it('never returns negative zero', () => {
		expect(Object.is(roundTo(-0.001, 1), 0)).toBe(true);
	});
});

describe('conversions', () => {
	it.each([
		[98.6, 37],
		[212, 100],
		[32, 0],
		[-40, -40],
		[100.4, 38]
	])('%d °F is %d °C', (fahrenheit, celsius) => {
		expect(roundTo(fahrenheitToCelsius(fahrenheit), 10)).toBe(celsius);
		expect(roundTo(celsiusToFahrenheit(celsius), 10)).toBe(fahrenheit);
	});

	it.each([
		[5, 10, 177.8],
		[6, 0, 182.88],
		[0, 20, 50.8]
	])('%d ft %d in is %d cm', (feet, inches, cm) => {
		expect(roundTo(feetInchesToCm(feet, inches), 6)).toBe(cm);
		expect(cmToFeetInches(cm)).toEqual({ ft: feet + Math.floor(inches / 12), in: inches % 12 });
	});

	it.each([
		[7, 4, 3.2885],
		[150, 0, 68.0389],
		[0, 12, 0.3402]
	])('%d lb %d oz is %d kg', (pounds, ounces, kg) => {
		expect(roundTo(poundsOuncesToKg(pounds, ounces), 4)).toBe(kg);
		expect(kgToPoundsOunces(poundsOuncesToKg(pounds, ounces))).toEqual({ lb: pounds, oz: ounces });
	});

	it('carries 15.9 oz into the next pound and 11.96 in into the next foot', () => {
		expect(kgToPoundsOunces(poundsOuncesToKg(7, 15.9))).toEqual({ lb: 8, oz: 0 });
		expect(cmToFeetInches(feetInchesToCm(5, 11.96))).toEqual({ ft: 6, in: 0 });
	});

	it('treats unitless vitals the same in both systems', () => {
		expect(fromEntered('pulse', 72, 'imperial')).toBe(72);
		expect(toDisplay('spo2', 97, 'imperial')).toBe(97);
	});
});

describe('round trips through storage', () => {
	it.each([
		['temperature', 80, 112, 1],
		['height', 8, 98, 1],
		['weight', 1, 880, 1],
		['headCircumference', 8, 25, 1]
	] as const)(
		'an imperial %s typed to 0.1 is shown back exactly as typed',
		(key, lo, hi, decimals) => {
			fc.assert(
				fc.property(keyed(lo, hi, decimals), (typed) => {
					const stored = toStorage(key, fromEntered(key, typed, 'imperial'));
					expect(toDisplay(key, stored, 'imperial')).toBe(typed);
				})
			);
		}
	);

	it('a weight typed in whole pounds and ounces is shown back as typed', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 880 }), fc.integer({ min: 0, max: 15 }), (lb, oz) => {
				const stored = toStorage('weight', poundsOuncesToKg(lb, oz));
				expect(kgToPoundsOunces(stored)).toEqual({ lb, oz });
			})
		);
	});

	it('a height typed in feet and inches to 0.1 is shown back as typed', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 8 }), keyed(0, 11.9, 1), (ft, inches) => {
				const stored = toStorage('height', feetInchesToCm(ft, inches));
				expect(cmToFeetInches(stored)).toEqual({ ft, in: inches });
			})
		);
	});

	it.each(MEASURED_VITAL_KEYS)('a stored %s comes back within display rounding', (key) => {
		fc.assert(
			fc.property(keyed(1, 300, 2), (canonical) => {
				const stored = toStorage(key, canonical);
				const shown = toDisplay(key, stored, 'imperial');
				const again = toStorage(key, fromEntered(key, shown, 'imperial'));
				expect(Math.abs(again - stored)).toBeLessThanOrEqual(tolerance(key) + 1e-9);
			})
		);
	});

	it.each(MEASURED_VITAL_KEYS)('a stored %s is free of floating-point noise', (key) => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.boolean(), (value, imperial) => {
				const stored = toStorage(key, fromEntered(key, value, imperial ? 'imperial' : 'metric'));
				expect(clean(stored, 2)).toBe(true);
			})
		);
	});
});
