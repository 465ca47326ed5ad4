import { describe, expect, it } from 'vitest';
import { validate } from '$lib/core/validation/field-errors';
import {
	attachmentDetailsSchema,
	attachmentRemovalSchema,
	attachmentSchema
} from './attachment-schema';
import { makeAttachment } from './test-support/attachments';
import { testId } from './test-support/vitals';

const DETAILS = { category: 'referral', title: 'Cardiology referral', documentDate: '2026-03-02' };

describe('attachmentDetailsSchema', () => {
	it('trims the title and fills in an absent date and note', () => {
		const checked = validate(attachmentDetailsSchema, { category: 'other', title: '  Letter  ' });

		expect(checked).toEqual({
			ok: true,
			data: { category: 'other', title: 'Letter', documentDate: '', note: '' }
		});
	});

	it.each([
		['category', undefined, 'Choose what kind of document this is.'],
		['category', 'x-ray', 'Choose what kind of document this is.'],
		['title', '   ', 'Give the document a title.'],
		['title', 'x'.repeat(121), 'The title can be at most 120 characters.'],
		['documentDate', '03/02/2026', 'Enter the date of the document as YYYY-MM-DD.'],
		['documentDate', '2026-02-30', 'That date of the document is not on the calendar.'],
		['note', 'x'.repeat(501), 'The note can be at most 500 characters.']
	])('refuses %s = %j with “%s”', (field, value, message) => {
		const checked = validate(attachmentDetailsSchema, { ...DETAILS, [field]: value });

		expect(checked.ok).toBe(false);
		if (!checked.ok) expect(checked.errors[field]).toBe(message);
	});
});

describe('attachmentRemovalSchema', () => {
	it('needs a reason from the list', () => {
		const checked = validate(attachmentRemovalSchema, { reason: 'duplicate' });

		expect(checked.ok).toBe(false);
		if (!checked.ok) expect(checked.errors.reason).toBe('Choose why the document is removed.');
	});
});

describe('attachmentSchema', () => {
	it('accepts a stored document, removed or not', () => {
		expect(attachmentSchema.safeParse(makeAttachment(1)).success).toBe(true);
		const removed = {
			reason: 'wrong-patient' as const,
			explanation: '',
			removedAt: '2026-03-16T10:00:00.000Z',
			removedBy: testId(7)
		};
		expect(attachmentSchema.safeParse(makeAttachment(1, { removed })).success).toBe(true);
	});

	it.each([
		['mimeType', 'image/heic'],
		['byteSize', 0],
		['byteSize', 1.5],
		['width', -3],
		['pages', 0],
		['blobId', ''],
		['policyId', 'card.jpg'],
		['removed', { reason: 'entered-in-error' }]
	])('sets aside a record whose %s is %j', (field, value) => {
		expect(attachmentSchema.safeParse(makeAttachment(1, { [field]: value })).success).toBe(false);
	});
});
