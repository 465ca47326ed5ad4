import { describe, expect, it } from 'vitest';
import type { AuthorityState } from '$lib/core/authority/state';
import { deviceRows, gapText } from './device-rows';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-08T12:00:00Z');

function state(): AuthorityState {
	const device = (id: string, name: string, extra = {}) => ({
		id,
		name,
		signingKey: 'k',
		encryptionJwk: null,
		encryptionFingerprint: null,
		addedBy: 'p1',
		addedAt: '2026-11-01T09:00:00Z',
		removed: false,
		removedAt: null,
		removedBy: null,
		removedIndex: null,
		...extra
	});
	return {
		persons: new Map([['p1', { name: 'Mara Manager' }]]),
		devices: new Map([
			['d1', device('d1', 'Front desk PC')],
			['d2', device('d2', 'Exam room tablet')],
			['d3', device('d3', 'Old laptop', { removed: true, removedBy: 'p1' })]
		])
	} as unknown as AuthorityState;
}

describe('the devices list', () => {
	it('puts this device first and removed ones last, naming who added and removed them', () => {
		const rows = deviceRows(state(), null, {}, 'd2', NOW);
		expect(rows.map((r) => r.name)).toEqual(['Exam room tablet', 'Front desk PC', 'Old laptop']);
		expect(rows[0]).toMatchObject({
			thisDevice: true,
			addedBy: 'Mara Manager',
			atRelay: 'unknown'
		});
		expect(rows[2]).toMatchObject({ removed: true, removedBy: 'Mara Manager' });
	});

	it('points out a device of the office not heard from for days, but not this one', () => {
		const heard = { d1: NOW - 5 * DAY, d2: NOW - 9 * DAY, d3: NOW - 30 * DAY };
		const rows = deviceRows(state(), null, heard, 'd2', NOW);
		expect(rows.find((r) => r.id === 'd1')?.quiet).toBe(true);
		expect(rows.find((r) => r.id === 'd2')?.quiet).toBe(false);
		expect(rows.find((r) => r.id === 'd3')?.quiet).toBe(false);
	});

	it('says what the relay thinks of each device', () => {
		const relay = [
			{ deviceId: 'd1', revoked: false, publicKey: 'k', addedBy: '', addedAt: 0 },
			{ deviceId: 'd3', revoked: true, publicKey: 'k', addedBy: '', addedAt: 0 }
		];
		const rows = deviceRows(state(), relay, {}, 'd1', NOW);
		expect(Object.fromEntries(rows.map((r) => [r.id, r.atRelay]))).toEqual({
			d1: 'enrolled',
			d2: 'missing',
			d3: 'revoked'
		});
	});
});

describe('gaps in a device’s changes', () => {
	it('names the device and what is missing', () => {
		expect(
			gapText({ docId: 'people', deviceId: 'd2', from: 6, to: 8, forked: false }, state())
		).toBe(
			'Changes from Exam room tablet to people and keys (#6–8) have not reached this device although later ones did. The sync server may be holding them back; it was asked again.'
		);
	});

	it('says plainly when a device told two stories', () => {
		expect(
			gapText({ docId: 'clinical/2026', deviceId: 'd1', from: 3, to: 2, forked: true }, state())
		).toMatch(/two different versions/);
	});
});
