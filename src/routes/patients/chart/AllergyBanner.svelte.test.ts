import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importHistory } from '$lib/clinical/history-import';
import type { HistoryItem } from '$lib/clinical/history-schema';
import {
	createClinicalOffice,
	type ClinicalOffice
} from '$lib/clinical/test-support/clinical-office';
import { storedItems } from '$lib/clinical/test-support/history';
import { PATIENT_ID } from '$lib/clinical/test-support/vitals';
import AllergyBanner from './AllergyBanner.svelte';

let office: ClinicalOffice;

beforeEach(async () => {
	office = await createClinicalOffice();
});

afterEach(async () => {
	cleanup();
	await office.dispose();
});

async function bannerFor(items: HistoryItem[]) {
	if (items.length > 0) await office.run(importHistory, { items });
	render(AllergyBanner, {
		workspace: office.workspace,
		patient: { id: PATIENT_ID },
		timeZone: 'UTC'
	});
	return screen.findByRole('region', { name: 'Allergies' });
}

describe('AllergyBanner', () => {
	it('warns when nobody has recorded the allergies yet', async () => {
		const banner = await bannerFor([]);

		expect(banner).toHaveTextContent('Allergies not recorded');
	});

	it('says “No known allergies” and since when', async () => {
		const banner = await bannerFor([storedItems.noKnownAllergies(1)]);

		expect(banner).toHaveTextContent('No known allergies as of Mar 4, 2025');
	});

	it('lists each allergy with its reactions and severity', async () => {
		const banner = await bannerFor([
			storedItems.allergy(1),
			storedItems.allergy(2, {
				substance: 'Peanuts',
				category: 'food',
				reactions: ['anaphylaxis'],
				severity: 'life-threatening'
			})
		]);

		expect(banner).toHaveTextContent(/^Allergies:/);
		expect(
			within(banner)
				.getAllByRole('listitem')
				.map((item) => item.textContent)
		).toEqual(['Peanuts (Anaphylaxis · Life-threatening)', 'Penicillin (Hives · Moderate)']);
	});

	it('points out an allergy and “no known allergies” both on file', async () => {
		const banner = await bannerFor([storedItems.allergy(1), storedItems.noKnownAllergies(2)]);

		expect(banner).toHaveTextContent('Penicillin');
		expect(banner).toHaveTextContent('“No known allergies” is also on file');
	});
});
