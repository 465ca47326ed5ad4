// Zod schemas for a patient's insurance policies: the form (input) and the stored record.
import { z } from 'zod';
import {
	birthDate,
	optionalIsoDate,
	optionalRecordId,
	optionalText,
	recordId,
	requiredText,
	str
} from './fields';
import { groupNumberProblem, memberIdProblem } from './insurance-rules';
import { POLICY_ORDERS, SUBSCRIBER_RELATIONSHIPS } from './vocabulary';

/** The collection insurance policies live in (their `patientId` points at the patient). */
export const POLICIES_COLLECTION = 'policies';

const problem = (check: (s: string) => string | null) => (s: string, ctx: z.RefinementCtx) => {
	const message = check(s);
	if (message) ctx.addIssue({ code: 'custom', message });
};

const SUBSCRIBER_OTHERS = SUBSCRIBER_RELATIONSHIPS.filter((r) => r !== 'self');

/** The person who holds the policy: the patient, or someone else named on the card. */
const subscriberSchema = (notInFuture: boolean) =>
	z.discriminatedUnion(
		'relationship',
		[
			z.object({ relationship: z.literal('self') }),
			z.object({
				relationship: z.enum(SUBSCRIBER_OTHERS),
				givenName: requiredText(
					'The subscriber’s first name',
					60,
					'Enter the subscriber’s first name.'
				),
				familyName: requiredText(
					'The subscriber’s last name',
					60,
					'Enter the subscriber’s last name.'
				),
				dateOfBirth: birthDate('the subscriber’s date of birth', {
					missing: 'Enter the subscriber’s date of birth.',
					notInFuture
				})
			})
		],
		{ error: 'Choose the patient’s relationship to the subscriber.' }
	);

/** The fields a person fills in; `notInFuture` as for birthDate. */
const policyFields = (notInFuture: boolean) =>
	z.object({
		order: z.enum(POLICY_ORDERS, { error: 'Choose primary, secondary or tertiary.' }),
		payerName: requiredText('The payer name', 80, 'Enter the insurance company (payer).'),
		payerId: str()
			.toUpperCase()
			.refine(
				(s) => s === '' || /^[A-Z0-9]{2,10}$/.test(s),
				'A payer ID is 2 to 10 letters or digits, e.g. 60054.'
			)
			.default(''),
		planName: requiredText('The plan name', 80, 'Enter the plan name as printed on the card.'),
		memberId: str('Enter the member ID from the card.')
			.toUpperCase()
			.superRefine(problem(memberIdProblem)),
		groupNumber: str().toUpperCase().superRefine(problem(groupNumberProblem)).default(''),
		subscriber: subscriberSchema(notInFuture),
		effectiveDate: optionalIsoDate('the effective date'),
		endDate: optionalIsoDate('the end date'),
		cardFrontDocumentId: optionalRecordId,
		cardBackDocumentId: optionalRecordId,
		notes: optionalText('Notes', 500)
	});

function endNotBeforeEffective(
	{ effectiveDate, endDate }: { effectiveDate: string; endDate: string },
	ctx: z.RefinementCtx
): void {
	if (effectiveDate !== '' && endDate !== '' && endDate < effectiveDate) {
		ctx.addIssue({
			code: 'custom',
			path: ['endDate'],
			message: 'The end date cannot be before the effective date.'
		});
	}
}

/** The insurance form: what is typed from the card, checked and normalized. */
export const insurancePolicyInputSchema = policyFields(true).superRefine(endNotBeforeEffective);

/**
 * A stored policy. Removing one deactivates it; an ended one keeps its end date. The subscriber's
 * birth date is not checked against today: another device's clock may run ahead. `mergedFrom`
 * names the patient record it belonged to before that record was merged into `patientId`.
 */
export const insurancePolicySchema = policyFields(false)
	.extend({
		id: recordId,
		patientId: recordId,
		active: z.boolean(),
		mergedFrom: optionalRecordId
	})
	.superRefine(endNotBeforeEffective);

export type InsurancePolicy = z.output<typeof insurancePolicySchema>;
export type InsurancePolicyInput = z.output<typeof insurancePolicyInputSchema>;
export type InsurancePolicyForm = z.input<typeof insurancePolicyInputSchema>;
export type Subscriber = InsurancePolicy['subscriber'];
