import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '$lib/core/audit/chain';
import { entryCheck, entryKey } from './trust';
import { auditEntry } from './test-support/entries';

const name = (id: string) => (id === 'MANAGER' ? 'Dana Manager' : `Person ${id}`);
const carried = (check: { ok: boolean; message?: string }) => ({
	by: 'MANAGER',
	device: 'DESK',
	at: '2026-12-01T00:00:00.000Z',
	check
});

describe('entryCheck', () => {
	it.each<[string, Partial<AuditEntry>, ReturnType<typeof entryCheck>]>([
		['a signed entry', { trust: 'verified' }, { level: 'verified', text: '' }],
		['an entry made by hand', {}, { level: 'verified', text: '' }],
		[
			'a forged entry',
			{ trust: 'forged' },
			{ level: 'bad', text: 'Forged: not signed by the device or person it names' }
		],
		[
			'an entry its person did not sign',
			{ trust: 'actor-unverified' },
			{ level: 'note', text: 'Person not verified (they had no signing key yet)' }
		],
		[
			'an old entry not carried over yet',
			{ trust: 'unsealed' },
			{
				level: 'note',
				text: 'From the old log, not yet carried over: anyone could have written it'
			}
		],
		[
			'an old entry carried over',
			{ trust: 'verified', carriedOver: carried({ ok: true }) },
			{ level: 'note', text: 'Carried over from the old log by Dana Manager' }
		],
		[
			'an old entry the old check already failed',
			{
				trust: 'verified',
				carriedOver: carried({ ok: false, message: 'It was changed after it was written.' })
			},
			{
				level: 'bad',
				text: 'Carried over by Dana Manager; the old log check failed: It was changed after it was written.'
			}
		],
		[
			'a carried-over entry whose record is forged',
			{ trust: 'forged', carriedOver: carried({ ok: true }) },
			{ level: 'bad', text: 'Forged: not signed by the device or person it names' }
		]
	])('says plainly what was checked of %s', (_label, fields, expected) => {
		expect(entryCheck(auditEntry(fields), name)).toEqual(expected);
	});
});

describe('entryKey', () => {
	it('tells a device’s old entries apart from its signed ones with the same seq', () => {
		const signed = auditEntry({ seq: 1, trust: 'verified' });
		const old = auditEntry({ seq: 1, trust: 'verified', carriedOver: carried({ ok: true }) });
		expect(entryKey(signed)).not.toBe(entryKey(old));
	});
});
