import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import RemovedList from './RemovedList.svelte';

const CHRISTMAS = {
	id: '01JXMAS0000000000000000000',
	when: 'Friday 25 December 2026',
	text: 'Christmas Day',
	name: 'Christmas Day'
};

describe('RemovedList', () => {
	it('shows nothing while nothing is removed', () => {
		render(RemovedList, { items: [], label: 'Removed holidays', onRestore: vi.fn() });
		expect(screen.queryByText(/Removed/)).not.toBeInTheDocument();
	});

	it('counts the removed records and restores the one chosen', async () => {
		const onRestore = vi.fn();
		render(RemovedList, { items: [CHRISTMAS], label: 'Removed holidays', onRestore });
		await userEvent.click(screen.getByText('Removed (1)'));
		const list = screen.getByRole('list', { name: 'Removed holidays' });
		expect(list).toHaveTextContent('Friday 25 December 2026');
		await userEvent.click(screen.getByRole('button', { name: 'Restore Christmas Day' }));
		expect(onRestore).toHaveBeenCalledWith(CHRISTMAS.id);
	});
});
