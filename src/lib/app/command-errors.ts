/** Turns what a command threw into what a form shows. */
import { InvalidInputError } from '$lib/core/commands/command';
import type { FieldErrors } from '$lib/core/validation/field-errors';

export interface FormProblem {
	fields: FieldErrors;
	/** A message for the whole form, when the problem is not one field's. */
	message: string;
}

/** Field messages for invalid input; otherwise the error's own message, never a stack trace. */
export function formProblem(error: unknown): FormProblem {
	if (error instanceof InvalidInputError) {
		return { fields: error.fields, message: 'Please correct the fields marked below.' };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { fields: {}, message: message || 'Something went wrong; nothing was changed.' };
}
