import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-modules';

describe('qrPath', () => {
	it('draws a square code with the three finder patterns in their corners', () => {
		const { size, path } = qrPath('https://office.example/join#code=ABCDE-FGHJK');
		expect(size).toBeGreaterThanOrEqual(21);
		expect((size - 17) % 4).toBe(0);
		// Each finder pattern starts with a dark top-left module.
		for (const [col, row] of [
			[0, 0],
			[size - 7, 0],
			[0, size - 7]
		]) {
			expect(path).toContain(`M${col} ${row}h1v1h-1z`);
		}
	});

	it('gives a larger code for a longer text', () => {
		expect(qrPath('x'.repeat(200)).size).toBeGreaterThan(qrPath('short').size);
	});
});
