/**
 * Running a people change from a screen: the change itself (people/admin.ts) replaces the keys
 * of the areas someone lost; what is stored under the old keys is then re-encrypted in the
 * background by the rotation runner, whose progress the app shell shows.
 */
import { rotation } from '$lib/app/rotation.svelte';
import { session } from '$lib/app/session.svelte';
import type { PeopleContext } from '$lib/people/admin';

/** Runs a change as the signed-in manager; returns the areas whose keys it replaced. */
export async function applyPeopleChange(
	change: (context: PeopleContext) => Promise<{ rotated: string[] } | void>
): Promise<string[]> {
	const result = await change(session.peopleContext());
	const rotated = result?.rotated ?? [];
	// Not awaited: re-encrypting every stored document can take a while; the panel shows it.
	if (rotated.length > 0) void rotation.reencrypt(rotated).catch(() => undefined);
	return rotated;
}

/** What a thrown change error says (PeopleChangeError messages are written for people). */
export function problemOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message || 'Something went wrong; nothing was changed.';
}
