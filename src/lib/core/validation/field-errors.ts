// Turns zod results into what a form shows: one message per field, keyed by its dotted path.
import type { z } from 'zod';

/** Messages keyed by dotted field path ('' for the whole value); the first message wins. */
export type FieldErrors = Record<string, string>;

/** The outcome of validating a form: canonical data, or one message per field. */
export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** One message per field path joined with '.'; the first issue for a path wins. */
export function fieldErrors<T>(result: z.ZodSafeParseError<T>): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = issue.path.map((segment) => String(segment)).join('.');
		// Checks run in the order a person fixes things, so later messages would only add noise.
		if (!(key in errors)) errors[key] = issue.message;
	}
	return errors;
}

/** Parses `value` with `schema`, returning canonical data or field messages instead of throwing. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Validated<z.output<S>> {
	const result = schema.safeParse(value);
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, errors: fieldErrors(result) };
}
