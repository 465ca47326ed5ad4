import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DeviceChainVerdict } from '$lib/core/audit/audit-log';
import ChainStatus from './ChainStatus.svelte';

const HERE = '01JHEREAAAAAAAAAAAAAAAAAAA';
const TABLET = '01JTABLETAAAAAAAAAAAAAB2C3';

function verdict(
	device: string,
	result: DeviceChainVerdict['verdict'],
	extra: Partial<DeviceChainVerdict> = {}
): DeviceChainVerdict {
	return {
		device,
		verdict: result,
		actorUnverified: 0,
		carriedOver: 0,
		unsealed: 0,
		actorsChecked: true,
		...extra
	};
}

describe('ChainStatus', () => {
	it('says the log is intact on every device, with the entries checked', () => {
		render(ChainStatus, {
			thisDevice: HERE,
			verdicts: [verdict(HERE, { ok: true, count: 12 }), verdict(TABLET, { ok: true, count: 3 })]
		});
		expect(screen.getByText(/intact on all 2 devices: 15 entries checked/)).toBeVisible();
		expect(screen.queryByRole('alert')).toBeNull();
		expect(screen.queryByRole('list', { name: /cannot vouch for/ })).toBeNull();
	});

	it('names the device whose chain is broken and how', () => {
		render(ChainStatus, {
			thisDevice: HERE,
			verdicts: [
				verdict(HERE, { ok: true, count: 12 }),
				verdict(TABLET, {
					ok: false,
					problem: 'removed',
					atSeq: 4,
					message: 'Audit entry 4 is missing.'
				})
			]
		});
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent('The log was altered');
		expect(alert).toHaveTextContent(`Device …AAB2C3 (${TABLET}): Audit entry 4 is missing.`);
		expect(alert).toHaveTextContent('The chain of the other device is intact.');
	});

	it('reports an entry forged into a device’s chain as tampering', () => {
		render(ChainStatus, {
			thisDevice: HERE,
			verdicts: [
				verdict(HERE, {
					ok: false,
					problem: 'forged',
					atSeq: 7,
					message: 'Audit entry 7 was not written by the device whose log holds it.'
				})
			]
		});
		expect(screen.getByRole('alert')).toHaveTextContent(
			'This device (01JHEREAAAAAAAAAAAAAAAAAAA): Audit entry 7 was not written by the device whose log holds it.'
		);
	});

	it('says plainly what an intact log still cannot vouch for', () => {
		render(ChainStatus, {
			thisDevice: HERE,
			verdicts: [
				verdict(HERE, { ok: true, count: 9 }, { actorUnverified: 1, carriedOver: 5, unsealed: 2 }),
				verdict(TABLET, { ok: true, count: 1 }, { actorsChecked: false })
			]
		});
		const notes = screen.getByRole('list', { name: 'What the check cannot vouch for' });
		expect(notes).toHaveTextContent('1 entry names a person who did not sign it');
		expect(notes).toHaveTextContent('5 entries came from the old, unsigned log');
		expect(notes).toHaveTextContent('2 entries from the old log wait for an office manager');
		expect(notes).toHaveTextContent('Only an office manager’s check covers the people');
	});

	it('offers to carry over the old log’s waiting entries, and says why it could not', async () => {
		const onCarryOver = vi
			.fn()
			.mockRejectedValue(new Error('This device is out of storage space.'));
		render(ChainStatus, {
			thisDevice: HERE,
			verdicts: [verdict(HERE, { ok: true, count: 3 }, { unsealed: 2 })],
			onCarryOver
		});

		await userEvent.setup().click(screen.getByRole('button', { name: 'Carry them over now' }));

		expect(onCarryOver).toHaveBeenCalledOnce();
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'They could not be carried over: This device is out of storage space.'
		);
	});

	it('offers nothing to carry over when no old entry waits', () => {
		render(ChainStatus, {
			thisDevice: HERE,
			verdicts: [verdict(HERE, { ok: true, count: 3 }, { carriedOver: 3 })],
			onCarryOver: vi.fn()
		});
		expect(screen.queryByRole('button', { name: 'Carry them over now' })).toBeNull();
	});
});
