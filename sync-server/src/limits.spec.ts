import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsFromEnv, resolveLimits } from './limits';
import { TokenBucket } from './rate-limit';

describe('limits', () => {
	it('reads the limits named in the protocol from the environment', () => {
		const env = {
			MAX_FRAME_BYTES: '1024',
			RATE_BURST: '5',
			SNAPSHOT_CONFIRMATIONS: '2',
			OTHER: '1'
		};
		expect(limitsFromEnv(env)).toEqual({
			maxFrameBytes: 1024,
			rateBurst: 5,
			snapshotConfirmations: 2
		});
		expect(resolveLimits({ rateBurst: 5 })).toEqual({ ...DEFAULT_LIMITS, rateBurst: 5 });
	});

	it.each(['0', '-1', 'many'])('refuses %s as a limit', (value) => {
		expect(() => limitsFromEnv({ OFFICE_MAX_DOCUMENTS: value })).toThrow('OFFICE_MAX_DOCUMENTS');
	});

	it('lets a burst through, then refills at the rate', async () => {
		const bucket = new TokenBucket(100, 3);
		expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
			true,
			true,
			true,
			false
		]);
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(bucket.take()).toBe(true);
	});
});
