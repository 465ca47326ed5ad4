import { describe, expect, it } from 'vitest';
import type { Address } from './fields';
import { POLICIES_COLLECTION } from './insurance-schema';
import { planMerge, type MergePlan } from './merge';
import { patientSchema, type Guarantor } from './schema';
import { makePatient, makePolicy, testId } from './test-support/records';

const address: Address = {
	line1: '12 Maple St',
	line2: '',
	city: 'Springfield',
	state: 'IL',
	zip: '62701'
};

const survivor = makePatient(1, {
	phones: { mobile: '(217) 555-0101', home: '', work: '' },
	email: '',
	address,
	sexAssignedAtBirth: 'unknown'
});
const duplicate = makePatient(2, {
	givenName: 'Maria',
	phones: { mobile: '(217) 555-0199', home: '(217) 555-0150', work: '' },
	email: 'maria@example.com',
	address: { ...address, line1: '40 Oak Ave', zip: '62704' },
	sexAssignedAtBirth: 'female',
	interpreterNeeded: true,
	consents: {
		sms: { granted: true, recordedOn: '2024-05-01' },
		email: { granted: false, recordedOn: '' },
		voicemail: { granted: false, recordedOn: '' }
	}
});

function plan(...args: Parameters<typeof planMerge>): MergePlan {
	const result = planMerge(...args);
	if (!result.ok) throw new Error(result.problem);
	return result.plan;
}

describe('planMerge', () => {
	it('fills what the survivor left blank from the duplicate', () => {
		const { merged, filled } = plan(survivor, duplicate);
		expect(filled.map((f) => f.label)).toEqual([
			'Sex assigned at birth',
			'Home phone',
			'Email',
			'Interpreter needed',
			'Consent to text messages'
		]);
		expect(merged).toMatchObject({
			id: survivor.id,
			mrn: survivor.mrn,
			sexAssignedAtBirth: 'female',
			phones: { mobile: '(217) 555-0101', home: '(217) 555-0150', work: '' },
			email: 'maria@example.com',
			interpreterNeeded: true,
			consents: { sms: { granted: true, recordedOn: '2024-05-01' } }
		});
		expect(patientSchema.parse(merged)).toEqual(merged);
	});

	it('keeps the survivor’s value where both differ and lists the conflict', () => {
		const { merged, conflicts } = plan(survivor, duplicate);
		expect(conflicts).toEqual([
			{
				field: 'givenName',
				label: 'First name',
				survivor: 'María',
				duplicate: 'Maria',
				kept: 'survivor'
			},
			{
				field: 'phones.mobile',
				label: 'Mobile phone',
				survivor: '(217) 555-0101',
				duplicate: '(217) 555-0199',
				kept: 'survivor'
			},
			{
				field: 'address',
				label: 'Address',
				survivor: address,
				duplicate: duplicate.address,
				kept: 'survivor'
			}
		]);
		expect(merged.address).toBe(survivor.address);
	});

	it('takes the duplicate’s value for a conflict the person chose, and the group whole', () => {
		const { merged, conflicts } = plan(survivor, duplicate, { takeFromDuplicate: ['address'] });
		expect(merged.address).toEqual(duplicate.address);
		expect(conflicts.find((c) => c.field === 'address')?.kept).toBe('duplicate');
	});

	it('marks the duplicate inactive and merged into the survivor, without deleting anything', () => {
		const { retired } = plan(survivor, duplicate);
		expect(retired).toEqual({ ...duplicate, active: false, mergedInto: survivor.id });
	});

	it('keeps the merged record active when only the duplicate was', () => {
		const { merged } = plan({ ...survivor, active: false }, duplicate);
		expect(merged.active).toBe(true);
	});

	it('moves the duplicate’s policies and other references, and lists clashing policy orders', () => {
		const policies = [
			makePolicy(1, survivor.id, { payerName: 'Aetna' }),
			makePolicy(2, duplicate.id, { payerName: 'Cigna' }),
			makePolicy(3, duplicate.id, { order: 'secondary', payerName: 'Medicare' }),
			makePolicy(4, testId(99), { payerName: 'Someone else’s' })
		];
		const documents = [{ collection: 'documents', id: testId(50), field: 'patientId' }];
		const { moves, conflicts, auditDetail } = plan(survivor, duplicate, {
			policies,
			references: documents
		});
		expect(moves).toEqual([
			{
				collection: POLICIES_COLLECTION,
				id: policies[1].id,
				field: 'patientId',
				from: duplicate.id,
				to: survivor.id
			},
			{
				collection: POLICIES_COLLECTION,
				id: policies[2].id,
				field: 'patientId',
				from: duplicate.id,
				to: survivor.id
			},
			{
				collection: 'documents',
				id: testId(50),
				field: 'patientId',
				from: duplicate.id,
				to: survivor.id
			}
		]);
		expect(conflicts.at(-1)).toEqual({
			field: 'policies.primary',
			label: 'Primary insurance',
			survivor: ['Aetna'],
			duplicate: ['Cigna'],
			kept: 'survivor'
		});
		expect(auditDetail).toBe(
			`Patient record ${duplicate.mrn} merged into ${survivor.mrn}: 5 blank field(s) filled, ` +
				`4 conflict(s) (0 taken from ${duplicate.mrn}), 3 reference(s) moved (policies 2, documents 1).`
		);
	});

	it('never treats a guarantor as blank', () => {
		const guarantor: Guarantor = {
			relationship: 'parent',
			givenName: 'Rosa',
			familyName: 'García',
			dateOfBirth: '',
			phone: '',
			address
		};
		const { merged, conflicts } = plan(survivor, { ...duplicate, guarantor });
		expect(merged.guarantor).toEqual({ relationship: 'self' });
		expect(conflicts.map((c) => c.field)).toContain('guarantor');
	});

	it.each([
		['itself', survivor, survivor, 'A record cannot be merged into itself.'],
		[
			'an already merged duplicate',
			survivor,
			{ ...duplicate, mergedInto: testId(7) },
			`Record ${duplicate.mrn} was already merged into another.`
		],
		[
			'a merged survivor',
			{ ...survivor, mergedInto: testId(7) },
			duplicate,
			`Record ${survivor.mrn} was itself merged into another; merge into that one instead.`
		]
	])('refuses to merge %s', (_case, keep, drop, problem) => {
		expect(planMerge(keep, drop)).toEqual({ ok: false, problem });
	});
});
