import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Slot } from '$lib/schedule/next-available';
import SlotsDialog from './SlotsDialog.svelte';

// jsdom has <dialog> but not its methods (see Dialog.svelte.test.ts).
beforeAll(() => {
	HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
		this.open = false;
	};
});

const DR_LEE = '01JDRLEE000000000000000000';
// Thursday 3 December 2026, 09:00–09:30 in New York.
const THURSDAY_MORNING: Slot = {
	providerId: DR_LEE,
	start: '2026-12-03T14:00:00.000Z',
	end: '2026-12-03T14:30:00.000Z',
	roomId: ''
};

function renderDialog(
	slots: Slot[],
	applied: boolean,
	preferences = 'Tuesdays and Thursdays, mornings'
) {
	const onSearch = vi.fn();
	render(SlotsDialog, {
		open: true,
		about: 'Ann Smith — Follow-up (30 min), any provider',
		preferences,
		applied,
		slots,
		timeZone: 'America/New_York',
		providerName: () => 'Mei Lee, MD',
		roomName: () => 'Room',
		error: '',
		booking: false,
		onBook: vi.fn(() => Promise.resolve()),
		onSearch,
		onClose: vi.fn()
	});
	return { onSearch };
}

describe('SlotsDialog', () => {
	it('says which preferences the slots were found with', () => {
		renderDialog([THURSDAY_MORNING], true);
		expect(
			screen.getByText('Preferences applied: Tuesdays and Thursdays, mornings.')
		).toBeInTheDocument();
		expect(screen.getByRole('list', { name: 'Free slots' })).toHaveTextContent(
			'Thu, Dec 3, 2026 9:00–9:30 AM'
		);
		expect(screen.queryByRole('button', { name: 'Search without preferences' })).toBeNull();
	});

	it('offers to search without preferences when nothing suits them', async () => {
		const { onSearch } = renderDialog([], true);
		expect(
			screen.getByText('No free time in the next 90 days suits these preferences.')
		).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Search without preferences' }));
		expect(onSearch).toHaveBeenCalledWith(false);
	});

	it('says when preferences were left out, and can apply them again', async () => {
		const { onSearch } = renderDialog([THURSDAY_MORNING], false);
		expect(
			screen.getByText('Preferences not applied: Tuesdays and Thursdays, mornings.')
		).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Search with preferences' }));
		expect(onSearch).toHaveBeenCalledWith(true);
	});

	it('says nothing of preferences for an entry without any', () => {
		renderDialog([], true, '');
		expect(screen.queryByText(/Preferences/)).toBeNull();
		expect(screen.getByText('No free time in the next 90 days.')).toBeInTheDocument();
	});
});
