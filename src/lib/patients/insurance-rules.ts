// Pure rules for insurance policies: identifiers as printed on cards, and coordination of benefits.
import type { PolicyOrder } from './vocabulary';

/** A sentence saying what is wrong with a member ID (trimmed), or null when it is acceptable. */
export function memberIdProblem(memberId: string): string | null {
	if (memberId === '') return 'Enter the member ID from the card.';
	if (/\s/.test(memberId)) return 'Enter the member ID without spaces.';
	const stray = /[^A-Za-z0-9-]/.exec(memberId);
	if (stray) {
		return `A member ID has only letters, digits and hyphens — remove the “${stray[0]}”.`;
	}
	if (memberId.length < 2 || memberId.length > 30) return 'A member ID is 2 to 30 characters long.';
	return null;
}

/** A sentence saying what is wrong with a group number (trimmed, may be blank), or null. */
export function groupNumberProblem(groupNumber: string): string | null {
	if (groupNumber === '') return null;
	if (!/^[A-Za-z0-9-]+$/.test(groupNumber)) {
		return 'A group number has only letters, digits and hyphens, without spaces.';
	}
	if (groupNumber.length > 30) return 'A group number can be at most 30 characters.';
	return null;
}

/** The part of a policy that decides coordination of benefits. */
export interface OrderedPolicy {
	id: string;
	order: PolicyOrder;
	payerName: string;
	active: boolean;
}

/** Orders held by more than one active policy, with those policies: a payer needs one each. */
export function policyOrderClashes<P extends OrderedPolicy>(
	policies: readonly P[]
): { order: PolicyOrder; policies: P[] }[] {
	const byOrder = new Map<PolicyOrder, P[]>();
	for (const policy of policies) {
		if (!policy.active) continue;
		byOrder.set(policy.order, [...(byOrder.get(policy.order) ?? []), policy]);
	}
	return [...byOrder]
		.filter(([, held]) => held.length > 1)
		.map(([order, held]) => ({ order, policies: held }));
}
