/**
 * The patient flow of one visit: scheduled → arrived → roomed → with provider → checkout → done,
 * or cancelled / no-show instead. Each step is stamped with the instant it happened, and the
 * board shows how long the patient has waited in the current step.
 *
 * Steps can be taken back one at a time (a tap on the wrong row happens at a busy front desk);
 * taking a step back clears the stamps after it, so waiting times stay truthful.
 */

export const FLOW_STEPS = [
	'scheduled',
	'arrived',
	'roomed',
	'with-provider',
	'checkout',
	'done'
] as const;
export const FLOW_ENDINGS = ['cancelled', 'no-show'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];
export type FlowEnding = (typeof FLOW_ENDINGS)[number];
export type FlowStatus = FlowStep | FlowEnding;

export const FLOW_LABELS: Record<FlowStatus, string> = {
	scheduled: 'Scheduled',
	arrived: 'Arrived',
	roomed: 'Roomed',
	'with-provider': 'With provider',
	checkout: 'Checkout',
	done: 'Done',
	cancelled: 'Cancelled',
	'no-show': 'No-show'
};

/** The flow state stored on an appointment. */
export interface Flow {
	status: FlowStatus;
	/** When each step was reached (ISO instants); steps not reached are absent. */
	stamps: Partial<Record<FlowStatus, string>>;
	/** Set when roomed: which room, and the assistant who roomed the patient. */
	roomId?: string;
	assistantId?: string;
	/** Why it was cancelled or missed. */
	reason?: string;
}

export type FlowChange =
	| { to: 'arrived' | 'with-provider' | 'checkout' | 'done' }
	| { to: 'roomed'; roomId: string; assistantId?: string }
	| { to: 'cancelled' | 'no-show'; reason: string }
	| { to: 'back' };

export type FlowResult = { ok: true; flow: Flow } | { ok: false; message: string };

const stepIndex = (status: FlowStatus) => FLOW_STEPS.indexOf(status as FlowStep);

/** A new visit's flow. */
export function scheduledFlow(at: string): Flow {
	return { status: 'scheduled', stamps: { scheduled: at } };
}

/** The flow after `change` at instant `at`, or why it cannot happen. */
export function advanceFlow(flow: Flow, change: FlowChange, at: string): FlowResult {
	if (change.to === 'back') return stepBack(flow);
	if (change.to === 'cancelled' || change.to === 'no-show') {
		if (flow.status !== 'scheduled' && flow.status !== 'arrived') {
			return {
				ok: false,
				message: `A visit that is ${FLOW_LABELS[flow.status].toLowerCase()} cannot be ${FLOW_LABELS[change.to].toLowerCase()}.`
			};
		}
		if (change.to === 'no-show' && flow.status === 'arrived') {
			return { ok: false, message: 'The patient has arrived, so this is not a no-show.' };
		}
		const reason = change.reason.trim();
		if (!reason) return { ok: false, message: 'Give a reason.' };
		return {
			ok: true,
			flow: { ...flow, status: change.to, reason, stamps: { ...flow.stamps, [change.to]: at } }
		};
	}
	const from = stepIndex(flow.status);
	const to = stepIndex(change.to);
	if (from < 0) {
		return {
			ok: false,
			message: `The visit is ${FLOW_LABELS[flow.status].toLowerCase()}; take that back first.`
		};
	}
	if (to !== from + 1) {
		return {
			ok: false,
			message: `A visit goes from ${FLOW_LABELS[flow.status].toLowerCase()} to ${FLOW_LABELS[FLOW_STEPS[from + 1]]?.toLowerCase() ?? 'nothing further'}.`
		};
	}
	const next: Flow = { ...flow, status: change.to, stamps: { ...flow.stamps, [change.to]: at } };
	if (change.to === 'roomed') {
		if (!change.roomId) return { ok: false, message: 'Choose the room.' };
		next.roomId = change.roomId;
		next.assistantId = change.assistantId;
	}
	return { ok: true, flow: next };
}

function stepBack(flow: Flow): FlowResult {
	const stamps = { ...flow.stamps };
	delete stamps[flow.status];
	if (flow.status === 'cancelled' || flow.status === 'no-show') {
		const status: FlowStatus = stamps.arrived ? 'arrived' : 'scheduled';
		return {
			ok: true,
			flow: { status, stamps, roomId: flow.roomId, assistantId: flow.assistantId }
		};
	}
	const index = stepIndex(flow.status);
	if (index <= 0)
		return { ok: false, message: 'The visit has not started; there is no step to take back.' };
	const status = FLOW_STEPS[index - 1];
	const back: Flow = { ...flow, status, stamps };
	if (flow.status === 'roomed') {
		delete back.roomId;
		delete back.assistantId;
	}
	return { ok: true, flow: back };
}

/** Minutes the patient has been in the current step at instant `now` (null when not waiting). */
export function minutesInStep(flow: Flow, now: string): number | null {
	if (flow.status === 'scheduled' || flow.status === 'done') return null;
	if (flow.status === 'cancelled' || flow.status === 'no-show') return null;
	const since = flow.stamps[flow.status];
	if (!since) return null;
	return Math.max(0, Math.floor((Date.parse(now) - Date.parse(since)) / 60_000));
}

/** Minutes from arrival to done, once done. */
export function visitMinutes(flow: Flow): number | null {
	const { arrived, done } = flow.stamps;
	if (!arrived || !done) return null;
	return Math.round((Date.parse(done) - Date.parse(arrived)) / 60_000);
}

/** Whether the visit still holds its time slot (cancelled and no-show free it). */
export function holdsTime(status: FlowStatus): boolean {
	return status !== 'cancelled' && status !== 'no-show';
}
