/** One shape for "is this record valid", whatever schema library an area uses. */
import type { z } from 'zod';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: string[] };

export type Validator<T> = (raw: unknown) => ValidationResult<T>;

/** Adapts a zod schema to a Validator; issues read `field: message`. */
export function zodValidator<S extends z.ZodType>(schema: S): Validator<z.output<S>> {
	return (raw) => {
		const result = schema.safeParse(raw);
		if (result.success) return { ok: true, value: result.data };
		const issues = result.error.issues.map((issue) =>
			issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message
		);
		return { ok: false, issues };
	};
}
