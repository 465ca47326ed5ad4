// The stored record of one merge, kept so it can be undone: which record went into which, the
// survivor's values the merge replaced (before and after, path by path), and the policies it
// moved or removed. It lives in the registry's own document and is encrypted like the patients;
// the audit log names only the two record ids.
import { z } from 'zod';
import { optionalText, recordId } from './fields';

/** The collection merges are recorded in. */
export const MERGES_COLLECTION = 'merges';

const changeSchema = z.object({ path: z.string().min(1), before: z.unknown(), after: z.unknown() });

/** One merge of `duplicateId` into `survivorId`; `undoneAt` is set once it was undone. */
export const mergeRecordSchema = z.object({
	id: recordId,
	survivorId: recordId,
	duplicateId: recordId,
	/** When the merge was made (ISO instant). */
	mergedAt: z.string().min(1),
	duplicateWasActive: z.boolean(),
	changes: z.array(changeSchema),
	movedPolicies: z.array(recordId),
	removedPolicies: z.array(recordId),
	undoneAt: optionalText('When the merge was undone', 40)
});

export type MergeRecord = z.output<typeof mergeRecordSchema>;
