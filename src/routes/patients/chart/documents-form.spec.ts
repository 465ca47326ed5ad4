import { describe, expect, it } from 'vitest';
import { makeAttachment } from '$lib/clinical/test-support/attachments';
import {
	addedBy,
	blankDocumentForm,
	describeFile,
	documentDetails,
	downloadName,
	listedDate,
	withCategory
} from './documents-form';

describe('withCategory', () => {
	it('names an untitled document after its kind, and renames it while untouched', () => {
		const referral = withCategory(blankDocumentForm('2026-03-15'), 'referral');
		expect(referral.title).toBe('Referral letter');

		expect(withCategory(referral, 'result').title).toBe('Lab or imaging result');
	});

	it('keeps a title someone typed', () => {
		const typed = { ...blankDocumentForm('2026-03-15'), title: 'Dr Okafor, cardiology' };

		expect(withCategory(typed, 'referral').title).toBe('Dr Okafor, cardiology');
	});
});

describe('documentDetails', () => {
	it('leaves an unchosen kind out, so the schema names the field', () => {
		expect(documentDetails(blankDocumentForm('2026-03-15')).category).toBeUndefined();
	});
});

describe('describeFile', () => {
	it.each([
		[{ pages: 1, byteSize: 48_213 }, '1 page · 47 KB'],
		[{ pages: 3, byteSize: 2 * 1024 * 1024 }, '3 pages · 2 MB'],
		[
			{ mimeType: 'image/jpeg', pages: null, width: 2400, height: 1800, byteSize: 812 * 1024 },
			'2400 × 1800 · 812 KB'
		],
		[{ pages: null, byteSize: 900 }, '900 bytes']
	] as const)('describes %j as “%s”', (fields, text) => {
		expect(describeFile(makeAttachment(1, fields))).toBe(text);
	});
});

describe('listing', () => {
	it('lists a document under the date on it, else the day it was added', () => {
		expect(listedDate(makeAttachment(1, { documentDate: '2019-06-14' }))).toBe('2019-06-14');
		expect(listedDate(makeAttachment(1, { documentDate: '' }))).toBe('2026-03-15');
	});

	it('says “you” for documents this person added', () => {
		const attachment = makeAttachment(1);
		expect(addedBy(attachment, attachment.recordedBy)).toBe('you');
		expect(addedBy(attachment, 'someone else')).toBe('a colleague');
		const names = new Map([[attachment.recordedBy, 'Dana Whitfield']]);
		expect(addedBy(attachment, 'someone else', names)).toBe('Dana Whitfield');
	});

	it('downloads under the title, made safe, with the stored type’s extension', () => {
		const card = makeAttachment(1, { title: 'Card: front / Aetna?', mimeType: 'image/jpeg' });
		expect(downloadName(card)).toBe('Card front Aetna.jpg');
		expect(downloadName(makeAttachment(2, { title: '???' }))).toBe('document.pdf');
	});
});
