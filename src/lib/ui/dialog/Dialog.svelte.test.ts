import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import Dialog from './Dialog.svelte';

// jsdom has <dialog> but not its methods; these do what a browser does, minus focus and inertness.
// Each test file gets its own jsdom, so the polyfill stays in this file.
beforeAll(() => {
	HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
		if (!this.open) return;
		this.open = false;
		this.dispatchEvent(new Event('close'));
	};
});

const body = createRawSnippet(() => ({ render: () => '<p>Room details go here.</p>' }));

function renderDialog(props: { open?: boolean; title?: string } = {}) {
	const onClose = vi.fn();
	const result = render(Dialog, {
		open: true,
		title: 'Edit room',
		onClose,
		children: body,
		...props
	});
	return { ...result, onClose };
}

describe('Dialog', () => {
	it('opens as a modal named by its title, showing its content', () => {
		renderDialog();

		const dialog = screen.getByRole('dialog', { name: 'Edit room' });
		expect(dialog).toHaveAttribute('open');
		expect(screen.getByRole('heading', { level: 2, name: 'Edit room' })).toBeInTheDocument();
		expect(screen.getByText('Room details go here.')).toBeInTheDocument();
	});

	it('renders neither title nor content while closed', () => {
		renderDialog({ open: false });

		expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
		expect(screen.queryByText('Edit room')).not.toBeInTheDocument();
		expect(screen.queryByText('Room details go here.')).not.toBeInTheDocument();
	});

	it('calls onClose when the close button is pressed', async () => {
		const { onClose } = renderDialog();

		await userEvent.click(screen.getByRole('button', { name: 'Close' }));

		expect(onClose).toHaveBeenCalledOnce();
	});

	it('calls onClose when the browser closes it while open (Escape)', () => {
		const { onClose } = renderDialog();

		screen.getByRole<HTMLDialogElement>('dialog').close();

		expect(onClose).toHaveBeenCalledOnce();
	});

	it('closes when its parent sets open to false, without calling onClose back', async () => {
		const { container, onClose, rerender } = renderDialog();
		const dialog = container.querySelector('dialog')!;

		await rerender({ open: false });

		expect(dialog.open).toBe(false);
		expect(screen.queryByText('Room details go here.')).not.toBeInTheDocument();
		expect(onClose).not.toHaveBeenCalled();

		await rerender({ open: true });
		expect(dialog.open).toBe(true);
		expect(screen.getByText('Room details go here.')).toBeInTheDocument();
	});
});
