import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Flow } from '$lib/schedule/flow-rules';
import type { ScheduledAppointment } from '$lib/schedule/queries';
import FlowCard from './FlowCard.svelte';

const NOW = Date.parse('2026-11-30T15:00:00Z');

function visit(flow: Flow): ScheduledAppointment {
	return {
		id: '01JVISIT0000000000000000AA',
		home: '2026-11',
		patientId: 'p',
		providerId: 'd',
		typeId: 't',
		roomId: '',
		start: '2026-11-30T14:30:00.000Z',
		end: '2026-11-30T15:00:00.000Z',
		note: '',
		seriesId: '',
		occurrenceDate: '',
		detached: false,
		voided: false,
		flow,
		bookedBy: 'x',
		bookedAt: '2026-11-01T00:00:00.000Z',
		updatedAt: '2026-11-01T00:00:00.000Z'
	};
}

function renderCard(flow: Flow) {
	const props = { onNext: vi.fn(), onBack: vi.fn(), onCancel: vi.fn() };
	const appointment = visit(flow);
	render(FlowCard, {
		appointment,
		time: '9:30–10:00',
		patient: 'Ann Smith',
		details: 'Follow-up · Dr Lee',
		now: NOW,
		busy: false,
		...props
	});
	return { ...props, appointment };
}

describe('a flow card', () => {
	it('checks a scheduled patient in with one tap, and offers cancel and no-show', async () => {
		const { onNext, onCancel, appointment } = renderCard({
			status: 'scheduled',
			stamps: { scheduled: '2026-11-01T00:00:00.000Z' }
		});
		await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
		expect(onNext).toHaveBeenCalledOnce();
		await userEvent.click(screen.getByRole('button', { name: 'No-show' }));
		expect(onCancel).toHaveBeenCalledWith(appointment, 'no-show');
		expect(screen.queryByRole('button', { name: 'Take back' })).toBeNull();
	});

	it('highlights a patient waiting past 15 minutes in the current step', () => {
		renderCard({ status: 'arrived', stamps: { arrived: '2026-11-30T14:40:00.000Z' } });
		expect(screen.getByText('Waiting 20 min')).toBeTruthy();
		expect(screen.getByRole('listitem', { name: 'Ann Smith at 9:30–10:00' }).className).toContain(
			'long'
		);
		expect(screen.getByRole('button', { name: 'Room patient' })).toBeTruthy();
	});

	it('shows a short wait plainly and lets the step be taken back', async () => {
		const { onBack } = renderCard({
			status: 'roomed',
			stamps: { roomed: '2026-11-30T14:55:00.000Z' },
			roomId: 'r'
		});
		expect(screen.getByText('5 min')).toBeTruthy();
		await userEvent.click(screen.getByRole('button', { name: 'Take back' }));
		expect(onBack).toHaveBeenCalledOnce();
		expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
	});
});
