import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ChainStatus from './ChainStatus.svelte';

const HERE = '01JHEREAAAAAAAAAAAAAAAAAAA';
const TABLET = '01JTABLETAAAAAAAAAAAAAB2C3';

describe('ChainStatus', () => {
	it('says the log is intact on every device, with the entries checked', () => {
		render(ChainStatus, {
			thisDevice: HERE,
			verdicts: [
				{ device: HERE, verdict: { ok: true, count: 12 } },
				{ device: TABLET, verdict: { ok: true, count: 3 } }
			]
		});
		expect(screen.getByText(/intact on all 2 devices: 15 entries checked/)).toBeVisible();
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('names the device whose chain is broken and how', () => {
		render(ChainStatus, {
			thisDevice: HERE,
			verdicts: [
				{ device: HERE, verdict: { ok: true, count: 12 } },
				{
					device: TABLET,
					verdict: {
						ok: false,
						problem: 'removed',
						atSeq: 4,
						message: 'Audit entry 4 is missing.'
					}
				}
			]
		});
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent('The log was altered');
		expect(alert).toHaveTextContent(`Device …AAB2C3 (${TABLET}): Audit entry 4 is missing.`);
		expect(alert).toHaveTextContent('The chain of the other device is intact.');
	});
});
