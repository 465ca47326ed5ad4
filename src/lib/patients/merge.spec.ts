import { describe, expect, it } from 'vitest';
import type { Address } from './fields';
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
		sms: { granted: true, recordedOn: '2024-05-01', recordedBy: 'AL' },
		email: { granted: false, recordedOn: '', recordedBy: '' },
		voicemail: { granted: false, recordedOn: '', recordedBy: '' }
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
			consents: { sms: { granted: true, recordedOn: '2024-05-01', recordedBy: 'AL' } }
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

	it('lists every survivor value it changes, before and after, for an undo', () => {
		const { changes } = plan({ ...survivor, active: false }, duplicate, {
			takeFromDuplicate: ['givenName']
		});
		expect(changes).toEqual([
			{ path: 'givenName', before: 'María', after: 'Maria' },
			{ path: 'sexAssignedAtBirth', before: 'unknown', after: 'female' },
			{ path: 'phones.home', before: '', after: '(217) 555-0150' },
			{ path: 'email', before: '', after: 'maria@example.com' },
			{ path: 'interpreterNeeded', before: false, after: true },
			{ path: 'consents.sms', before: survivor.consents.sms, after: duplicate.consents.sms },
			{ path: 'active', before: false, after: true }
		]);
	});

	it('takes a gender identity together with its description', () => {
		const described = { genderIdentity: 'other', genderIdentityOther: 'Two-spirit' } as const;
		const keep = { ...survivor, genderIdentity: 'female' } as const;
		const { merged, conflicts } = plan(
			keep,
			{ ...duplicate, ...described },
			{
				takeFromDuplicate: ['genderIdentity']
			}
		);
		expect(merged).toMatchObject(described);
		expect(conflicts.find((c) => c.field === 'genderIdentity')).toMatchObject({
			survivor: { genderIdentity: 'female', genderIdentityOther: '' },
			duplicate: described,
			kept: 'duplicate'
		});
		expect(plan(keep, { ...duplicate, ...described }).merged).toMatchObject({
			genderIdentity: 'female',
			genderIdentityOther: ''
		});
	});

	describe('policies', () => {
		const policies = [
			makePolicy(1, survivor.id, { payerName: 'Aetna', memberId: 'A1' }),
			makePolicy(2, duplicate.id, { payerName: 'Cigna', memberId: 'C2' }),
			makePolicy(3, duplicate.id, { order: 'secondary', payerName: 'Medicare' }),
			makePolicy(4, duplicate.id, { order: 'tertiary', active: false }),
			makePolicy(5, testId(99), { payerName: 'Someone else’s' })
		];

		it('moves every policy of the duplicate, removed ones too, and no one else’s', () => {
			const { movedPolicies } = plan(survivor, duplicate, { policies });
			expect(movedPolicies).toEqual([policies[1].id, policies[2].id, policies[3].id]);
		});

		it('lists a shared active order as a conflict and removes the duplicate’s policy', () => {
			const { conflicts, removedPolicies } = plan(survivor, duplicate, { policies });
			expect(conflicts.at(-1)).toEqual({
				field: 'policies.primary',
				label: 'Primary insurance',
				survivor: ['Aetna · PPO Gold · A1'],
				duplicate: ['Cigna · PPO Gold · C2'],
				kept: 'survivor'
			});
			expect(removedPolicies).toEqual([policies[1].id]);
		});

		it('removes the survivor’s policy instead when the person keeps the duplicate’s', () => {
			const { conflicts, removedPolicies } = plan(survivor, duplicate, {
				policies,
				takeFromDuplicate: ['policies.primary']
			});
			expect(conflicts.at(-1)?.kept).toBe('duplicate');
			expect(removedPolicies).toEqual([policies[0].id]);
		});

		it('sees no clash when the survivor’s policy of that order is already removed', () => {
			const { conflicts, removedPolicies } = plan(survivor, duplicate, {
				policies: [{ ...policies[0], active: false }, policies[1]]
			});
			expect(conflicts.map((c) => c.field)).not.toContain('policies.primary');
			expect(removedPolicies).toEqual([]);
		});

		it('writes an audit detail of record ids and counts only', () => {
			const { auditDetail } = plan(survivor, duplicate, { policies });
			expect(auditDetail).toBe(
				`patients/patients/${duplicate.id} merged into patients/patients/${survivor.id}: ` +
					'5 blank field(s) filled, 4 conflict(s) (0 taken from the merged record), ' +
					'3 insurance policy(ies) moved, 1 removed for a shared order.'
			);
			for (const phi of [duplicate.mrn, survivor.mrn, 'Mar', 'Cigna', '217']) {
				expect(auditDetail).not.toContain(phi);
			}
		});
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
