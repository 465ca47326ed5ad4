import { describe, expect, it } from 'vitest';
import { RelayError } from './errors';
import { HELLO, parseHeader, PUSH, REGISTER, SNAPSHOT, SUBSCRIBE } from './headers';

const sig = Buffer.alloc(64, 7).toString('base64');
const push = {
	docId: 'schedule/2026-11',
	deviceSeq: 3,
	epoch: 0,
	nonce: 'AAAAAAAAAAAAAAAA',
	signature: sig,
	link: 'chain:v1,prev=AAAA/+x_y.z-7'
};
const key = Buffer.alloc(32, 3).toString('base64');

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
		['signature', { signature: null }],
		['link', { link: 'a|b' }],
		['link', { link: 'a b' }],
		['link', { link: 'x'.repeat(4097) }],
		['link', { link: undefined }],
		['link', { link: 7 }]
	])('refuses a PUSH with a bad %s', (field, change) => {
		expect(refusal(() => parseHeader(PUSH, { ...push, ...change }))).toBe(
			`bad-header: missing or invalid field: ${field}`
		);
	});

	it.each([
		['empty', ''],
		['4096 characters long', 'x'.repeat(4096)]
	])('accepts a link that is %s', (_, link) => {
		expect(parseHeader(PUSH, { ...push, link }).link).toBe(link);
	});

	it('accepts only protocol version 2 in HELLO', () => {
		const hello = { officeId: 'o', deviceId: 'd' };
		expect(parseHeader(HELLO, { ...hello, v: 2 })).toEqual({ ...hello, v: 2 });
		expect(refusal(() => parseHeader(HELLO, { ...hello, v: 1 }))).toContain('field: v');
	});

	it('checks the admin countersignature fields of a SNAPSHOT', () => {
		const snapshot = { ...push, covers: 4, admin: key, adminSignature: sig };
		expect(parseHeader(SNAPSHOT, snapshot)).toEqual(snapshot);
		expect(refusal(() => parseHeader(SNAPSHOT, { ...snapshot, admin: sig }))).toContain('admin');
		const unsigned = { ...snapshot, adminSignature: undefined };
		expect(refusal(() => parseHeader(SNAPSHOT, unsigned))).toContain('adminSignature');
	});

	it('reads the first admin of a REGISTER as a nested object', () => {
		const register = { publicKey: key, signature: sig, admin: { key, proof: sig } };
		expect(parseHeader(REGISTER, register)).toEqual(register);
		for (const admin of [{ key }, { key, proof: 'x' }, [key, sig], null, key]) {
			expect(refusal(() => parseHeader(REGISTER, { ...register, admin }))).toContain('admin');
		}
	});

	it('refuses a missing field, even one inherited from Object.prototype', () => {
		expect(refusal(() => parseHeader(HELLO, { v: 2, officeId: 'o' }))).toContain('deviceId');
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
