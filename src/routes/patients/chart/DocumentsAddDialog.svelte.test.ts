import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addAttachmentInputSchema } from '$lib/clinical/attachment-commands';
import { heicBytes, pdfBytes, pdfOfSize } from '$lib/clinical/test-support/attachments';
import { PATIENT_ID } from '$lib/clinical/test-support/vitals';
import { InvalidInputError } from '$lib/core/commands/command';
import { validate } from '$lib/core/validation/field-errors';
import { documentDetails, type DocumentForm } from './documents-form';
import DocumentsAddDialog from './DocumentsAddDialog.svelte';

// jsdom has <dialog> but not its methods (see Dialog.svelte.test.ts).
beforeAll(() => {
	HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
		this.open = false;
	};
});

const MB = 1024 * 1024;
const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

/** Saves the way the section does: the command's own schema decides what is wrong. */
function commandSave(form: DocumentForm, bytes: Uint8Array): Promise<void> {
	const input = { ...documentDetails(form), patientId: PATIENT_ID, file: bytes };
	const checked = validate(addAttachmentInputSchema, input);
	if (!checked.ok) throw new InvalidInputError('clinical.add-attachment', checked.errors);
	return Promise.resolve();
}

function renderDialog(file: File, onSave = vi.fn(commandSave)) {
	render(DocumentsAddDialog, { file, today: '2026-03-15', onSave, onClose: vi.fn() });
	return onSave;
}

describe('DocumentsAddDialog', () => {
	it('explains how to get a JPEG when a HEIC photo is chosen, and offers no Save', async () => {
		renderDialog(fileOf(heicBytes(), 'IMG_0042.HEIC'));

		expect(await screen.findByRole('alert')).toHaveTextContent(/HEIC.*Most Compatible.*JPEG/);
		expect(screen.queryByRole('button', { name: 'Save document' })).not.toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
	});

	it('says how large a PDF is, what the limit is and what to do', async () => {
		renderDialog(fileOf(pdfOfSize(Math.round(23.4 * MB)), 'referral.pdf'));

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'This PDF is 23.4 MB; the limit is 15 MB. Scan at a lower resolution or split it.'
		);
		expect(screen.queryByLabelText('Title')).not.toBeInTheDocument();
	});

	it('names what is accepted when the file is not a type we store', async () => {
		renderDialog(fileOf(new TextEncoder().encode('Dear colleague,'), 'letter.pdf'));

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Attach a JPEG, PNG or WebP image, or a PDF.'
		);
	});

	it('shows the command’s message on each field that needs attention', async () => {
		const onSave = renderDialog(fileOf(pdfBytes(2), 'scan.pdf'));
		const save = await screen.findByRole('button', { name: 'Save document' });
		await userEvent.clear(screen.getByLabelText('Date of the document'));

		await userEvent.click(save);

		expect(onSave).toHaveBeenCalledOnce();
		expect(await screen.findByText('Choose what kind of document this is.')).toBeVisible();
		expect(screen.getByLabelText('Title')).toHaveAccessibleDescription(
			'Give the document a title.'
		);
		expect(screen.getByRole('alert')).toHaveTextContent('Please correct the fields marked below.');
	});

	it('names the document after its kind until a title is typed', async () => {
		renderDialog(fileOf(pdfBytes(1), 'scan.pdf'));
		const kind = await screen.findByLabelText('Kind of document');

		await userEvent.selectOptions(kind, 'Referral letter');
		expect(screen.getByLabelText('Title')).toHaveValue('Referral letter');

		await userEvent.selectOptions(kind, 'Consent form');
		expect(screen.getByLabelText('Title')).toHaveValue('Consent form');
	});

	it('shows progress while the file is encrypted and saved', async () => {
		let finish = () => {};
		const onSave = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
		renderDialog(fileOf(pdfBytes(1), 'scan.pdf'), onSave);
		await userEvent.selectOptions(await screen.findByLabelText('Kind of document'), 'Other');

		await userEvent.click(screen.getByRole('button', { name: 'Save document' }));

		expect(screen.getByRole('status')).toHaveTextContent('Encrypting and saving…');
		expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
		finish();
	});
});
