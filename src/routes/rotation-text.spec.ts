import { describe, expect, it } from 'vitest';
import type { RotationJob } from '$lib/core/keys/rotation-job';
import { rotationText } from './rotation-text';

function job(fields: Partial<RotationJob> = {}): RotationJob {
	return {
		id: 'job-1',
		areas: ['clinical'],
		startedAt: '2026-03-01T10:00:00.000Z',
		pending: [],
		done: 0,
		total: 0,
		relayPending: [],
		leftAtRelay: 0,
		...fields
	};
}

const idle = { job: null, running: false, error: '', last: null };

describe('the re-encryption panel', () => {
	it('shows nothing when no job was ever seen', () => {
		expect(rotationText(idle)).toBeNull();
	});

	it('counts documents while it re-encrypts here', () => {
		const working = job({ pending: ['a', 'b'], done: 3, total: 5 });

		expect(rotationText({ ...idle, job: working, running: true })).toEqual({
			tone: 'busy',
			message: 'Re-encrypting 3 of 5 documents…',
			progress: { done: 3, total: 5 }
		});
	});

	it('says what waits for the sync server, and what stays there', () => {
		const waiting = job({ done: 5, total: 5, relayPending: ['a', 'b', 'c', 'd'], leftAtRelay: 1 });

		const text = rotationText({ ...idle, job: waiting });

		expect(text?.tone).toBe('waiting');
		expect(text?.message).toMatch(/^Waiting to send 4 documents to the sync server\./);
		expect(text?.note).toMatch(/^Old copies of 1 document stay at the sync server/);
	});

	it('says done once the job it saw is gone', () => {
		const finished = job({ done: 1, total: 1 });

		expect(rotationText({ ...idle, last: finished })).toEqual({
			tone: 'done',
			message: 'Done: 1 document re-encrypted under the new keys.',
			note: undefined
		});
	});

	it('puts an error before everything else', () => {
		const text = rotationText({
			job: job({ pending: ['a'], total: 1 }),
			running: false,
			error: 'The disk is full.',
			last: null
		});

		expect(text?.tone).toBe('error');
		expect(text?.message).toBe(
			'Re-encrypting stopped: The disk is full. It will try again shortly and at the next sign-in.'
		);
	});
});
