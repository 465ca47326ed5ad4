/**
 * Canonical JSON: the one text of a value that every device computes the same way, so a signed
 * op hashes and verifies alike everywhere. Object keys are sorted (by UTF-16 code units, as
 * JavaScript compares strings), nothing is indented, and only values JSON carries exactly are
 * allowed: strings, booleans, null, safe integers, arrays and plain objects. Floats, undefined
 * fields and anything else are refused, because two devices could print them differently.
 */

export class NotCanonicalError extends Error {
	override name = 'NotCanonicalError';
}

/** The canonical text of `value`; throws NotCanonicalError for values it cannot carry exactly. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') {
		return JSON.stringify(value);
	}
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) throw new NotCanonicalError(`Not a safe integer: ${value}`);
		return String(value);
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const entries = Object.entries(value as Record<string, unknown>);
		const missing = entries.find(([, field]) => field === undefined);
		if (missing) throw new NotCanonicalError(`Field "${missing[0]}" is undefined.`);
		entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
	}
	throw new NotCanonicalError(`Cannot encode a ${typeof value} canonically.`);
}

/** Parses text that must already be canonical; throws NotCanonicalError when it is not. */
export function parseCanonical(text: string): unknown {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (cause) {
		throw new NotCanonicalError('Not JSON.', { cause });
	}
	// Two texts for one value would give one op two ids: only the canonical one is accepted.
	if (canonicalJson(value) !== text) throw new NotCanonicalError('Not in canonical form.');
	return value;
}
