import type { Locator } from '@playwright/test';

/**
 * The error message shown under a form field. The field components link it to the input through
 * `aria-describedby` as `<input id>-error`, so the locator matches once the error is rendered.
 */
export async function errorOf(field: Locator): Promise<Locator> {
	const id = await field.getAttribute('id');
	if (!id) throw new Error('The field has no id, so its error cannot be found.');
	return field.page().locator(`[id="${id}-error"]`);
}
