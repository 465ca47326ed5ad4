// A vitals set recorded by mistake is never deleted: the chart keeps what was on file and shows
// what was done about it. The mark says who struck the set out, when and why; a correction also
// names the set that replaced it, and that set names the one it corrects. Both fields are
// optional on the stored record, so sets written before marks existed still validate.
import { z } from 'zod';
import { instant, recordId, requiredText } from './fields';

/** Longest reason a person can give for striking out a set. */
export const IN_ERROR_REASON_MAX = 200;

/** Why a set is in error, as typed: required, trimmed. */
export const inErrorReason = requiredText(
	'The reason',
	IN_ERROR_REASON_MAX,
	'Say why these vitals were entered in error.'
);

/** The mark on a stored set that was entered in error. */
export const enteredInErrorSchema = z.object({
	at: instant('The time the vitals were marked in error must be a UTC time.'),
	by: recordId('The ID of the person who marked the vitals in error is malformed.'),
	reason: inErrorReason,
	replacedBy: recordId('The ID of the corrected vitals set is malformed.').optional()
});

export type EnteredInError = z.output<typeof enteredInErrorSchema>;

/** The id of the set a correction replaces, on the correcting set. */
export const correctsSchema = recordId('The ID of the corrected vitals set is malformed.');

/** What a person types to mark a set in error: the reason. */
export const markInErrorInputSchema = z.object({ reason: inErrorReason });

export type MarkInErrorInput = z.input<typeof markInErrorInputSchema>;
