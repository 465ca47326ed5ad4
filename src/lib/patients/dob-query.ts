// Reading a date of birth typed into the search box, complete or still being typed:
//   '1984-03-07', '1984-3-7'           that date
//   '1984', '1984-0', '1984-03-0'      dates whose ISO form starts so (as the year is typed)
//   '3/7/1984', '03-07-84', '3.7.84'   month first, as US forms write it; a 2-digit year is
//                                      19xx or 20xx, whichever is not in the future
//   '3/7', '3/7/8', '3/1'              partly typed: any year; years ending 80–89; day 1 or 10–19
//   '030784', '03071984', '19840307'   digits only, as some offices key them in
import { isRealIsoDate } from '$lib/text/iso-date';
import { EARLIEST_BIRTH_DATE, isoDate } from './dates';

/** Dates of birth a search term can stand for. */
export type DobQuery =
	| { kind: 'prefix'; prefix: string }
	| { kind: 'dates'; dates: ReadonlySet<string>; complete: boolean };

const ISO_FULL = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_PREFIX = /^(?:\d{1,4}|\d{4}-\d{0,2}|\d{4}-\d{2}-\d{0,2})$/;
const MONTH_FIRST = /^(\d{1,2})[/.-](\d{0,2})(?:([/.-])(\d{0,4}))?$/;

/** The dates of birth `token` can mean, or null when it cannot be one; `today` is 'YYYY-MM-DD'. */
export function parseDobQuery(token: string, today: string): DobQuery | null {
	const iso = ISO_FULL.exec(token);
	// '1984-03-0' and '1984-03-1' are a zero-padded date still being typed; '1984-3-7' is whole.
	if (iso && !(iso[2].length === 2 && iso[3].length === 1)) {
		return datesOf([[Number(iso[1]), Number(iso[2]), Number(iso[3])]], true);
	}
	if (ISO_PREFIX.test(token)) return { kind: 'prefix', prefix: token };
	const us = MONTH_FIRST.exec(token);
	if (us) return monthFirst(us, today);
	if (/^\d{6}$/.test(token)) return digitsOnly(token, 'mmddyy', today);
	if (/^\d{8}$/.test(token)) return digitsOnly(token, 'mmddyyyy', today);
	return null;
}

function monthFirst(m: RegExpExecArray, today: string): DobQuery | null {
	const [, month, day, yearSeparator, year = ''] = m;
	const monthNumber = Number(month);
	if (monthNumber < 1 || monthNumber > 12) return null;
	// A lone digit with nothing after it may be the start of a two-digit day.
	const days =
		day === ''
			? range(1, 31)
			: day.length === 1 && !yearSeparator
				? [Number(day), ...range(Number(day) * 10, Number(day) * 10 + 9)]
				: [Number(day)];
	const years = yearsMatching(year, today);
	const dates = years.flatMap((y) =>
		days.map((d): [number, number, number] => [y, monthNumber, d])
	);
	const complete = day !== '' && days.length === 1 && (year.length === 4 || year.length === 2);
	return datesOf(dates, complete);
}

function digitsOnly(token: string, layout: 'mmddyy' | 'mmddyyyy', today: string): DobQuery | null {
	const [month, day] = [Number(token.slice(0, 2)), Number(token.slice(2, 4))];
	const candidates: [number, number, number][] = yearsMatching(token.slice(4), today)
		.filter((year) => layout === 'mmddyyyy' || year % 100 === Number(token.slice(4)))
		.map((year) => [year, month, day]);
	if (layout === 'mmddyyyy') {
		candidates.push([Number(token.slice(0, 4)), Number(token.slice(4, 6)), Number(token.slice(6))]);
	}
	return datesOf(candidates, true);
}

/**
 * Birth years from 1900 to this year that `typed` (0–4 digits) can mean or be the start of,
 * written with four digits or, for one or two typed digits, with two ('8' → 1980–1989).
 */
function yearsMatching(typed: string, today: string): number[] {
	const first = Number(EARLIEST_BIRTH_DATE.slice(0, 4));
	const last = Number(today.slice(0, 4));
	return range(first, last).filter(
		(year) =>
			String(year).startsWith(typed) ||
			(typed.length <= 2 &&
				String(year % 100)
					.padStart(2, '0')
					.startsWith(typed))
	);
}

function datesOf(candidates: [number, number, number][], complete: boolean): DobQuery | null {
	const dates = new Set<string>();
	for (const [year, month, day] of candidates) {
		const date = isoDate(year, month, day);
		if (isRealIsoDate(date) && date >= EARLIEST_BIRTH_DATE) dates.add(date);
	}
	return dates.size === 0 ? null : { kind: 'dates', dates, complete: complete && dates.size <= 2 };
}

function range(from: number, to: number): number[] {
	return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
