// Calendar dates as ISO 'YYYY-MM-DD' strings, which sort and compare as text (checking one is
// on the calendar is shared: $lib/text/iso-date).

/** 'YYYY-MM-DD' for year, month (1–12) and day, without checking the calendar. */
export function isoDate(year: number, month: number, day: number): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** The calendar date of `now` on this device's clock, as 'YYYY-MM-DD'. */
export function localIsoDate(now: Date = new Date()): string {
	return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The earliest date of birth accepted: older records are typos of the year. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';
