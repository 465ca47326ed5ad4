import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import PreferenceChips from './PreferenceChips.svelte';
import { DAY_CHIPS, TIME_CHIPS, TIME_CHIPS_HINT } from './waitlist-form';

/** Renders chips bound to `bound.values` (deeply reactive, as the page's form state is). */
function renderChips<T extends string | number>(
	options: readonly { value: T; label: string; name?: string }[],
	bound: { values: T[] },
	extra: { error?: string; hint?: string } = {}
) {
	render(PreferenceChips<T>, {
		props: {
			legend: 'Preferred days',
			options,
			get values() {
				return bound.values;
			},
			set values(values: T[]) {
				bound.values = values;
			},
			...extra
		}
	});
}

describe('PreferenceChips', () => {
	it('toggles weekday chips, named in full, into the bound days', async () => {
		const bound = $state({ values: [] as number[] });
		renderChips(DAY_CHIPS, bound);
		const tuesday = screen.getByRole('button', { name: 'Tuesday' });
		expect(tuesday).toHaveTextContent('Tue');
		expect(tuesday).toHaveAttribute('aria-pressed', 'false');

		await userEvent.click(tuesday);
		await userEvent.click(screen.getByRole('button', { name: 'Thursday' }));
		expect(bound.values).toEqual([1, 3]);
		expect(tuesday).toHaveAttribute('aria-pressed', 'true');

		await userEvent.click(tuesday);
		expect(bound.values).toEqual([3]);
		expect(tuesday).toHaveAttribute('aria-pressed', 'false');
		expect(screen.getByRole('button', { name: 'Thursday' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	});

	it('shows parts of the day pressed from the form, with where each starts', async () => {
		const bound = $state({ values: ['evening'] as string[] });
		renderChips(TIME_CHIPS, bound, { hint: TIME_CHIPS_HINT });
		expect(screen.getByRole('button', { name: 'Evenings' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		expect(screen.getByRole('group', { name: 'Preferred days' })).toHaveAccessibleDescription(
			'By start time: mornings before 12:00, afternoons 12:00–17:00, evenings from 17:00. None chosen: any time.'
		);
		await userEvent.click(screen.getByRole('button', { name: 'Mornings' }));
		expect(bound.values).toEqual(['evening', 'morning']);
	});

	it('says what is wrong with the days', () => {
		renderChips(DAY_CHIPS, { values: [] }, { error: 'Choose a weekday.' });
		expect(screen.getByRole('group', { name: 'Preferred days' })).toHaveAccessibleDescription(
			'Choose a weekday.'
		);
	});
});
