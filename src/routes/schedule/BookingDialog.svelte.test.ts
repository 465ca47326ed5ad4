import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppointmentType } from '$lib/schedule/schema';
import BookingDialog from './BookingDialog.svelte';
import { blankBooking } from './booking-form';
import type { Clash, PatientOption } from './calendar-types';

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
const ANN: PatientOption = {
	id: '01JANN00000000000000000000',
	name: 'Smith, Ann',
	detail: 'born 1984-03-07'
};
const FOLLOW_UP: AppointmentType = {
	id: '01JTYPE0000000000000000000',
	name: 'Follow-up',
	minutes: 20,
	colour: 'blue',
	roomNeed: 'exam',
	patientKind: 'any',
	prep: [],
	active: true
};
const CLASH: Clash = {
	otherId: '01JOTHER000000000000000000',
	text: 'Dr Lee already has Bob Jones 9:00–9:30'
};

function renderDialog(findClashes: () => Promise<Clash[]>) {
	const onSave = vi.fn(() => Promise.resolve());
	render(BookingDialog, {
		open: true,
		initial: blankBooking({ date: '2026-03-03', time: '09:10', providerId: DR_LEE }),
		types: [FOLLOW_UP],
		providers: [{ value: DR_LEE, label: 'Mei Lee, MD' }],
		rooms: [{ value: '01JROOM0000000000000000000', label: 'Exam 1', kind: 'exam' }],
		timeZone: 'America/New_York',
		findPatients: (query: string) => (/smi/i.test(query) ? [ANN] : []),
		addPatient: vi.fn(),
		findClashes: vi.fn(findClashes),
		onSave,
		onClose: vi.fn()
	});
	return { onSave };
}

async function fillBooking() {
	await userEvent.type(screen.getByLabelText('Find patient'), 'smi');
	await userEvent.click(screen.getByRole('button', { name: /Smith, Ann/ }));
	await userEvent.selectOptions(screen.getByLabelText('Appointment type'), 'Follow-up (20 min)');
}

describe('BookingDialog', () => {
	it('names each missing field and books nothing', async () => {
		const { onSave } = renderDialog(() => Promise.resolve([]));

		await userEvent.click(screen.getByRole('button', { name: 'Book' }));

		expect(screen.getByText('Please correct the fields marked below.')).toBeInTheDocument();
		expect(screen.getByText('Choose the patient, or add a new one.')).toBeInTheDocument();
		expect(screen.getByText('Choose the appointment type.')).toBeInTheDocument();
		expect(screen.getByLabelText('Appointment type')).toHaveAttribute('aria-invalid', 'true');
		expect(onSave).not.toHaveBeenCalled();
	});

	it('asks for weekdays that include the first visit’s when it repeats weekly', async () => {
		const { onSave } = renderDialog(() => Promise.resolve([]));
		await fillBooking();
		await userEvent.selectOptions(screen.getByLabelText('Repeat'), 'Weekly');
		await userEvent.click(screen.getByRole('checkbox', { name: 'Tue' }));

		await userEvent.click(screen.getByRole('button', { name: 'Book' }));
		expect(screen.getByText('Choose at least one weekday.')).toBeInTheDocument();

		await userEvent.click(screen.getByRole('checkbox', { name: 'Thu' }));
		await userEvent.click(screen.getByRole('button', { name: 'Book' }));
		expect(screen.getByText('Include the weekday of the first visit.')).toBeInTheDocument();
		expect(onSave).not.toHaveBeenCalled();
	});

	it('sets the length from the appointment type', async () => {
		renderDialog(() => Promise.resolve([]));
		await fillBooking();
		expect(screen.getByLabelText('Length (minutes)')).toHaveValue(20);
	});

	it('shows a clash in words and books only when told to book anyway', async () => {
		const { onSave } = renderDialog(() => Promise.resolve([CLASH]));
		await fillBooking();

		await userEvent.click(screen.getByRole('button', { name: 'Book' }));

		const clashes = screen.getByRole('list', { name: 'Clashes' });
		expect(within(clashes).getByText('Dr Lee already has Bob Jones 9:00–9:30')).toBeInTheDocument();
		expect(onSave).not.toHaveBeenCalled();

		await userEvent.click(screen.getByRole('button', { name: 'Book anyway' }));

		expect(onSave).toHaveBeenCalledTimes(1);
		const [form, booking, accepted] = onSave.mock.calls[0] as unknown as [
			{ patientId: string; minutes: number },
			{ start: string; end: string },
			Clash[]
		];
		expect(form).toMatchObject({ patientId: ANN.id, minutes: 20 });
		expect(booking).toMatchObject({
			start: '2026-03-03T14:10:00.000Z',
			end: '2026-03-03T14:30:00.000Z'
		});
		expect(accepted).toEqual([CLASH]);
	});

	it('books straight away when nothing clashes', async () => {
		const { onSave } = renderDialog(() => Promise.resolve([]));
		await fillBooking();
		await userEvent.click(screen.getByRole('button', { name: 'Book' }));
		expect(onSave).toHaveBeenCalledTimes(1);
		expect(screen.queryByRole('list', { name: 'Clashes' })).toBeNull();
	});
});
