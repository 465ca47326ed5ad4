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
