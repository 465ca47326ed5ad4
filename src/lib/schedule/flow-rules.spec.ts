import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	advanceFlow,
	minutesInStep,
	scheduledFlow,
	visitMinutes,
	type Flow,
	type FlowChange
} from './flow-rules';

const t = (minutes: number) =>
	new Date(Date.UTC(2026, 10, 30, 14) + minutes * 60_000).toISOString();

function run(changes: FlowChange[]): Flow {
	return changes.reduce(
		(flow, change, i) => {
			const result = advanceFlow(flow, change, t(i + 1));
			if (!result.ok) throw new Error(result.message);
			return result.flow;
		},
		scheduledFlow(t(0))
	);
}

describe('patient flow', () => {
	it('walks a visit through every step with a stamp each', () => {
		const flow = run([
			{ to: 'arrived' },
			{ to: 'roomed', roomId: 'exam-2', assistantId: 'ma-1' },
			{ to: 'with-provider' },
			{ to: 'checkout' },
			{ to: 'done' }
		]);
		expect(flow.status).toBe('done');
		expect(flow.roomId).toBe('exam-2');
		expect(Object.keys(flow.stamps)).toHaveLength(6);
		expect(visitMinutes(flow)).toBe(4);
	});

	it.each([
		[[], { to: 'roomed', roomId: 'r' }, 'A visit goes from scheduled to arrived.'],
		[[{ to: 'arrived' }], { to: 'roomed', roomId: '' }, 'Choose the room.'],
		[
			[{ to: 'arrived' }],
			{ to: 'no-show', reason: 'x' },
			'The patient has arrived, so this is not a no-show.'
		],
		[[], { to: 'cancelled', reason: '  ' }, 'Give a reason.'],
		[[], { to: 'back' }, 'The visit has not started; there is no step to take back.'],
		[
			[{ to: 'cancelled', reason: 'Sick' }],
			{ to: 'arrived' },
			'The visit is cancelled; take that back first.'
		]
	] as [FlowChange[], FlowChange, string][])(
		'refuses an impossible step with a message',
		(before, change, message) => {
			expect(advanceFlow(run(before), change, t(99))).toEqual({ ok: false, message });
		}
	);

	it('takes a step back and forgets its stamp and room', () => {
		const roomed = run([{ to: 'arrived' }, { to: 'roomed', roomId: 'exam-1' }]);
		const back = advanceFlow(roomed, { to: 'back' }, t(9));
		expect(back.ok && back.flow).toMatchObject({ status: 'arrived' });
		expect(back.ok && back.flow.stamps.roomed).toBeUndefined();
		expect(back.ok && back.flow.roomId).toBeUndefined();
	});

	it('reinstates a cancelled visit', () => {
		const cancelled = run([{ to: 'cancelled', reason: 'Weather' }]);
		const back = advanceFlow(cancelled, { to: 'back' }, t(5));
		expect(back.ok && back.flow.status).toBe('scheduled');
	});

	it('counts minutes waiting in the current step', () => {
		const arrived = run([{ to: 'arrived' }]);
		expect(minutesInStep(arrived, t(18))).toBe(17);
		expect(minutesInStep(scheduledFlow(t(0)), t(18))).toBeNull();
	});

	it('only ever has stamps up to its current step', () => {
		const changes = fc.constantFrom<FlowChange>(
			{ to: 'arrived' },
			{ to: 'roomed', roomId: 'r' },
			{ to: 'with-provider' },
			{ to: 'checkout' },
			{ to: 'done' },
			{ to: 'back' },
			{ to: 'cancelled', reason: 'r' },
			{ to: 'no-show', reason: 'r' }
		);
		const order = ['scheduled', 'arrived', 'roomed', 'with-provider', 'checkout', 'done'];
		fc.assert(
			fc.property(fc.array(changes, { maxLength: 30 }), (list) => {
				let flow = scheduledFlow(t(0));
				list.forEach((change, i) => {
					const result = advanceFlow(flow, change, t(i + 1));
					if (result.ok) flow = result.flow;
				});
				expect(flow.stamps[flow.status]).toBeDefined();
				const reached = order.indexOf(flow.status);
				if (reached >= 0) {
					for (const [i, step] of order.entries()) {
						expect(flow.stamps[step as keyof Flow['stamps']] !== undefined).toBe(i <= reached);
					}
				}
			})
		);
	});
});
