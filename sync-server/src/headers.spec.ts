import { describe, expect, it } from 'vitest';
import { RelayError } from './errors';
import { HELLO, parseHeader, PUSH, SUBSCRIBE } from './headers';

const sig = Buffer.alloc(64, 7).toString('base64');
const push = {
	docId: 'schedule/2026-11',
	deviceSeq: 3,
	epoch: 0,
	nonce: 'AAAAAAAAAAAAAAAA',
	signature: sig
};

function refusal(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		if (error instanceof RelayError) return `${error.code}: ${error.message}`;
		throw error;
	}
	return 'accepted';
}

describe('header checks', () => {
	it('accepts a well-formed PUSH header and ignores extra fields', () => {
		expect(parseHeader(PUSH, { ...push, future: true })).toEqual(push);
	});

	it.each([
		['docId', { docId: 'a|b' }],
		['docId', { docId: '' }],
		['docId', { docId: 'x'.repeat(129) }],
		['deviceSeq', { deviceSeq: 0 }],
		['deviceSeq', { deviceSeq: 1.5 }],
		['deviceSeq', { deviceSeq: '3' }],
		['epoch', { epoch: -1 }],
		['nonce', { nonce: 'AAAA AAAA' }],
		['nonce', { nonce: 'AAB=' }],
		['nonce', { nonce: '' }],
		['signature', { signature: Buffer.alloc(63).toString('base64') }],
		['signature', { signature: null }]
	])('refuses a PUSH with a bad %s', (field, change) => {
		expect(refusal(() => parseHeader(PUSH, { ...push, ...change }))).toBe(
			`bad-header: missing or invalid field: ${field}`
		);
	});

	it('refuses a missing field, even one inherited from Object.prototype', () => {
		expect(refusal(() => parseHeader(HELLO, { v: 1, officeId: 'o' }))).toContain('deviceId');
		expect(refusal(() => parseHeader(SUBSCRIBE, {}))).toContain('cursors');
	});

	it('reads cursors into a map and refuses bad document ids or seqs', () => {
		expect(parseHeader(SUBSCRIBE, { cursors: { directory: 4 } }).cursors).toEqual(
			new Map([['directory', 4]])
		);
		expect(refusal(() => parseHeader(SUBSCRIBE, { cursors: { 'a|b': 1 } }))).toContain('cursors');
		expect(refusal(() => parseHeader(SUBSCRIBE, { cursors: { a: -1 } }))).toContain('cursors');
		expect(refusal(() => parseHeader(SUBSCRIBE, { cursors: [1] }))).toContain('cursors');
	});
});
