/** Weekly spans as the availability form edits them, and the messages that belong to each. */
import type { FieldErrors } from '$lib/core/validation/field-errors';

export const WEEKDAY_NAMES = [
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday'
] as const;

export interface SpanValues {
	weekday: number;
	start: string;
	end: string;
	label?: string;
}

/** The first message on span `index` of `field` ('hours', 'breaks', 'blocks'). */
export function spanError(errors: FieldErrors, field: string, index: number): string {
	const prefix = `${field}.${index}`;
	return (
		errors[`${prefix}.end`] ??
		errors[`${prefix}.start`] ??
		errors[`${prefix}.label`] ??
		errors[prefix] ??
		''
	);
}

/** Monday's spans copied to Tuesday–Friday, replacing what those days had. */
export function copyMondayToWeekdays(spans: readonly SpanValues[]): SpanValues[] {
	const monday = spans.filter((s) => s.weekday === 0);
	const rest = spans.filter((s) => s.weekday > 4);
	const copies = [1, 2, 3, 4].flatMap((weekday) => monday.map((s) => ({ ...s, weekday })));
	return [...monday, ...copies, ...rest].sort((a, b) => a.weekday - b.weekday);
}

/** "Thu, Dec 24, 2026" for a 'YYYY-MM-DD' date (read as a calendar date, not an instant). */
export function longDate(date: string): string {
	return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
		timeZone: 'UTC',
		weekday: 'short',
		month: 'short',
		day: 'numeric',
		year: 'numeric'
	});
}
