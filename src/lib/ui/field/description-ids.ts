/** The aria-describedby value linking a field to its hint and error, or undefined for none. */
export function descriptionIds(id: string, hint: string, error: string): string | undefined {
	const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
	return ids.length > 0 ? ids.join(' ') : undefined;
}
