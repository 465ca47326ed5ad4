// Calendar dates as ISO 'YYYY-MM-DD' strings, which sort and compare as text.

/** True for a 'YYYY-MM-DD' string naming a date that exists on the calendar. */
export function isRealIsoDate(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	// Date.UTC rolls 2023-02-30 over to March, so a round trip exposes impossible dates.
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

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
