// Unit conversion and rounding for vitals. Conversions are exact (1 in = 2.54 cm,
// 1 lb = 0.45359237 kg) and unrounded; rounding happens once, at the boundary, so stored values
// never carry floating noise such as 37.77777777777778.
//
// Storage keeps enough digits that an imperial entry comes back unchanged when shown in
// imperial: 0.01 °C (0.018 °F) under 0.1 °F, 0.01 kg (0.35 oz) under 1 oz and 0.1 lb,
// 0.1 cm (0.04 in) under 0.1 in. Display is coarser than storage where that reads better.
import type { UnitSystem, VitalKey } from './vitals-catalog';

const CM_PER_INCH = 2.54;
const KG_PER_POUND = 0.45359237;
const OUNCES_PER_POUND = 16;
const INCHES_PER_FOOT = 12;

/** `value` rounded half away from zero to `decimals` places, free of binary noise. */
export function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	// toPrecision(15) drops the noise in products like 1.005 * 100 = 100.49999999999999.
	const scaled = Number((Math.abs(value) * factor).toPrecision(15));
	const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
	return rounded === 0 ? 0 : rounded;
}

/** Decimal places each vital is stored with, in its canonical unit. */
export const STORAGE_DECIMALS: Record<VitalKey, number> = {
	systolic: 0,
	diastolic: 0,
	pulse: 0,
	respiratoryRate: 0,
	temperature: 2,
	spo2: 0,
	height: 1,
	weight: 2,
	bmi: 1,
	headCircumference: 1,
	pain: 0
};

/** Decimal places each vital is shown with, in either unit system. */
export const DISPLAY_DECIMALS: Record<VitalKey, number> = {
	...STORAGE_DECIMALS,
	temperature: 1,
	weight: 1
};

/** `value` in the vital's canonical unit, rounded the way it is stored. */
export function toStorage(key: VitalKey, value: number): number {
	return roundTo(value, STORAGE_DECIMALS[key]);
}

/** °F to °C, unrounded. */
export function fahrenheitToCelsius(fahrenheit: number): number {
	return ((fahrenheit - 32) * 5) / 9;
}

/** °C to °F, unrounded. */
export function celsiusToFahrenheit(celsius: number): number {
	return (celsius * 9) / 5 + 32;
}

/** Inches to centimetres, unrounded. */
export function inchesToCm(inches: number): number {
	return inches * CM_PER_INCH;
}

/** Centimetres to inches, unrounded. */
export function cmToInches(cm: number): number {
	return cm / CM_PER_INCH;
}

/** Pounds to kilograms, unrounded. */
export function poundsToKg(pounds: number): number {
	return pounds * KG_PER_POUND;
}

/** Kilograms to pounds, unrounded. */
export function kgToPounds(kg: number): number {
	return kg / KG_PER_POUND;
}

/** A weight given as pounds and ounces (e.g. a baby's 7 lb 4 oz) in kilograms, unrounded. */
export function poundsOuncesToKg(pounds: number, ounces: number): number {
	return poundsToKg(pounds + ounces / OUNCES_PER_POUND);
}

/** `kg` as whole pounds and whole ounces, e.g. 3.29 kg → { lb: 7, oz: 4 }. */
export function kgToPoundsOunces(kg: number): { lb: number; oz: number } {
	// Round the total first so 15.9 oz becomes the next pound, never '7 lb 16 oz'.
	const ounces = roundTo(kgToPounds(kg) * OUNCES_PER_POUND, 0);
	return { lb: Math.floor(ounces / OUNCES_PER_POUND), oz: ounces % OUNCES_PER_POUND };
}

/** A height given as feet and inches in centimetres, unrounded. */
export function feetInchesToCm(feet: number, inches: number): number {
	return inchesToCm(feet * INCHES_PER_FOOT + inches);
}

/** `cm` as whole feet and inches to 0.1, e.g. 177.8 cm → { ft: 5, in: 10 }. */
export function cmToFeetInches(cm: number): { ft: number; in: number } {
	const inches = roundTo(cmToInches(cm), 1);
	const feet = Math.floor(inches / INCHES_PER_FOOT);
	return { ft: feet, in: roundTo(inches - feet * INCHES_PER_FOOT, 1) };
}

interface Conversion {
	toCanonical: (value: number) => number;
	fromCanonical: (value: number) => number;
}

const LENGTH: Conversion = { toCanonical: inchesToCm, fromCanonical: cmToInches };

/** How the vitals whose imperial unit differs convert; the rest are the same in both systems. */
const IMPERIAL: Partial<Record<VitalKey, Conversion>> = {
	temperature: { toCanonical: fahrenheitToCelsius, fromCanonical: celsiusToFahrenheit },
	height: LENGTH,
	headCircumference: LENGTH,
	weight: { toCanonical: poundsToKg, fromCanonical: kgToPounds }
};

/** A value entered in `system` units (°F, in, lb) in the vital's canonical unit, unrounded. */
export function fromEntered(key: VitalKey, value: number, system: UnitSystem): number {
	const conversion = system === 'imperial' ? IMPERIAL[key] : undefined;
	return conversion ? conversion.toCanonical(value) : value;
}

/** A canonical value in `system` units (°F, in, lb), unrounded. */
export function toEntered(key: VitalKey, canonical: number, system: UnitSystem): number {
	const conversion = system === 'imperial' ? IMPERIAL[key] : undefined;
	return conversion ? conversion.fromCanonical(canonical) : canonical;
}

/** A canonical value in `system` units (°F, in, lb), rounded for display. */
export function toDisplay(key: VitalKey, canonical: number, system: UnitSystem): number {
	return roundTo(toEntered(key, canonical, system), DISPLAY_DECIMALS[key]);
}
