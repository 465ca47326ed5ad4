import { describe, expect, it } from 'vitest';
import { documentId, parseDocumentId, type DocumentRef } from './document-id';

describe('documentId and parseDocumentId', () => {
	it.each<[DocumentRef, string]>([
		[{ area: 'alpha' }, 'alpha'],
		[{ area: 'two-words' }, 'two-words'],
		[{ area: 'alpha', period: '2026' }, 'alpha/2026'],
		[{ area: 'alpha', period: '2026-01' }, 'alpha/2026-01'],
		[{ area: 'alpha', period: '2026-12' }, 'alpha/2026-12']
	])('names %o as %s, and reads that name back', (ref, id) => {
		expect(documentId(ref)).toBe(id);
		expect(parseDocumentId(id)).toEqual(ref);
	});

	it('gives a reference without a period no period key at all', () => {
		expect(Object.keys(parseDocumentId('alpha'))).toEqual(['area']);
	});

	it.each([
		'',
		'a',
		'Alpha',
		'alpha1',
		'1alpha',
		'al pha',
		'al_pha',
		'-alpha',
		'alpha/x',
		'a'.repeat(32)
	])('rejects the area %j', (area) => {
		expect(() => documentId({ area })).toThrow('Not an area name');
	});

	it.each([
		'',
		'26',
		'202',
		'20260',
		'2026-1',
		'2026-001',
		'2026/01',
		'2026-00',
		'2026-13',
		'x026'
	])('rejects the period %j', (period) => {
		expect(() => documentId({ area: 'alpha', period })).toThrow('Not a period');
	});

	it.each(['', 'alpha/', '/2026', 'alpha/2026/01', 'alpha/2026-13', 'Alpha', 'alpha//2026'])(
		'refuses to parse %j',
		(id) => {
			expect(() => parseDocumentId(id)).toThrow();
		}
	);
});
