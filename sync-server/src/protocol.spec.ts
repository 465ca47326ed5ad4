import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, HEADER_MAX_BYTES, MSG } from './protocol';

const withLength = (type: number, header: string, declared: number) => {
	const body = Buffer.from(header);
	const frame = Buffer.alloc(5 + body.length);
	frame.writeUInt8(type, 0);
	frame.writeUInt32BE(declared, 1);
	body.copy(frame, 5);
	return frame;
};

describe('frame codec', () => {
	it('round-trips type, header and payload parts', () => {
		const frame = encodeFrame(MSG.PUSH, { docId: 'directory' }, [
			Buffer.from('ab'),
			Buffer.from('c')
		]);
		const decoded = decodeFrame(frame);
		expect(decoded).toEqual({
			ok: true,
			frame: { type: MSG.PUSH, header: { docId: 'directory' }, payload: Buffer.from('abc') }
		});
	});

	it.each([
		['shorter than 5 bytes', Buffer.from([1, 0, 0])],
		['a header longer than declared bytes', withLength(MSG.HELLO, '{}', 10)],
		['a header over 16 KiB', withLength(MSG.HELLO, '{}', HEADER_MAX_BYTES + 1)],
		['a header that is not JSON', withLength(MSG.HELLO, '{nope', 5)],
		['a header that is an array', withLength(MSG.HELLO, '[1]', 3)],
		['a header that is null', withLength(MSG.HELLO, 'null', 4)]
	])('refuses a frame %s', (_, frame) => {
		expect(decodeFrame(frame).ok).toBe(false);
	});

	it('allows SUBSCRIBE a header of up to 1 MiB for its cursors', () => {
		const cursors = Object.fromEntries(
			Array.from({ length: 2000 }, (_, i) => [`schedule/doc-${i}`, i])
		);
		const frame = encodeFrame(MSG.SUBSCRIBE, { cursors });
		expect(frame.length).toBeGreaterThan(HEADER_MAX_BYTES);
		expect(decodeFrame(frame).ok).toBe(true);
		expect(decodeFrame(Buffer.concat([Buffer.from([MSG.PUSH]), frame.subarray(1)])).ok).toBe(false);
	});
});
