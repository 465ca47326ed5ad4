// Zod schemas for the staff rota: shift templates, shifts (in the month documents), time-off
// requests and coverage requirements (in the `schedule` document). A shift's end at or before its
// start means it ends the next day (a night shift); hours are computed in rota-rules.ts.
// Shifts and coverage requirements are never deleted: removing one marks it (see rota-removal.ts).
import { z } from 'zod';
import {
	instant,
	localDate,
	localTime,
	optionalText,
	recordId,
	requiredText,
	weekday
} from './fields';
import { removal, TYPE_COLOURS, type TypeColour } from './schema';

/** Who a shift or a coverage requirement is about. */
export const ROLE_GROUPS = ['front-desk', 'clinical', 'provider', 'billing', 'manager'] as const;
export type RoleGroup = (typeof ROLE_GROUPS)[number];
export const ROLE_GROUP_LABELS: Record<RoleGroup, string> = {
	'front-desk': 'Front desk',
	clinical: 'Clinical',
	provider: 'Provider',
	billing: 'Billing',
	manager: 'Manager'
};

const COLOUR_KEYS = Object.keys(TYPE_COLOURS) as [TypeColour, ...TypeColour[]];
const roleGroup = z.enum(ROLE_GROUPS, { error: 'Choose the role group.' });

const breakMinutes = z
	.number({ error: 'Enter the unpaid break in minutes.' })
	.int('Enter the break in whole minutes.')
	.min(0, 'The break cannot be negative.')
	.max(120, 'The break can be at most 2 hours.')
	.default(0);

/** Start and end differ; an end at or before the start is the next day, at most 16 hours on. */
function checkShiftTimes(s: { start: string; end: string }, ctx: z.RefinementCtx): void {
	const [start, end] = [s.start, s.end].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
	if (start === end) {
		ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end must differ from the start.' });
	} else if ((end - start + 1440) % 1440 > 16 * 60) {
		ctx.addIssue({ code: 'custom', path: ['end'], message: 'A shift can be at most 16 hours.' });
	}
}

export const shiftTemplateInputSchema = z
	.object({
		name: requiredText('The name', 40, 'Name the shift, e.g. “Front desk early”.'),
		start: localTime('start time'),
		end: localTime('end time'),
		roleGroup,
		colour: z.enum(COLOUR_KEYS, { error: 'Choose a colour.' }).default('blue'),
		breakMinutes
	})
	.superRefine(checkShiftTimes);
export const shiftTemplateSchema = z.intersection(
	shiftTemplateInputSchema,
	z.object({ id: recordId(), active: z.boolean() })
);
export type ShiftTemplate = z.output<typeof shiftTemplateSchema>;

export const shiftInputSchema = z
	.object({
		staffId: recordId('Choose the staff member.'),
		date: localDate('date'),
		start: localTime('start time'),
		end: localTime('end time'),
		roleGroup,
		templateId: z.string().default(''),
		breakMinutes,
		note: optionalText('The note', 120)
	})
	.superRefine(checkShiftTimes);
export const shiftSchema = z.intersection(
	shiftInputSchema,
	z.object({
		id: recordId(),
		assignedBy: recordId(),
		assignedAt: instant('The time assigned is malformed.'),
		...removal
	})
);
export type Shift = z.output<typeof shiftSchema>;

export const TIME_OFF_STATUSES = ['requested', 'approved', 'declined'] as const;
export type TimeOffStatus = (typeof TIME_OFF_STATUSES)[number];

const optionalTime = (label: string) => z.union([z.literal(''), localTime(label)]).default('');

export const timeOffInputSchema = z
	.object({
		staffId: recordId('Choose the staff member.'),
		from: localDate('first day'),
		to: localDate('last day'),
		/** Part of each day only: both times, or neither for whole days. */
		start: optionalTime('start time'),
		end: optionalTime('end time'),
		reason: optionalText('The reason', 200)
	})
	.superRefine((t, ctx) => {
		if (t.to < t.from) {
			ctx.addIssue({
				code: 'custom',
				path: ['to'],
				message: 'The last day cannot be before the first.'
			});
		}
		if ((t.start === '') !== (t.end === '')) {
			const path = t.start === '' ? 'start' : 'end';
			ctx.addIssue({
				code: 'custom',
				path: [path],
				message: 'Give both times, or neither for whole days.'
			});
		} else if (t.start !== '' && t.end <= t.start) {
			ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end must be after the start.' });
		}
	});
export const timeOffSchema = z.intersection(
	timeOffInputSchema,
	z.object({
		id: recordId(),
		status: z.enum(TIME_OFF_STATUSES),
		requestedBy: recordId(),
		requestedAt: instant('The time requested is malformed.'),
		decidedBy: z.string().default(''),
		decidedAt: z.string().default(''),
		decisionNote: optionalText('The note', 200)
	})
);
export type TimeOff = z.output<typeof timeOffSchema>;

const coverageFields = {
	start: localTime('start time'),
	end: localTime('end time'),
	roleGroup,
	minimum: z
		.number({ error: 'Enter how many people are needed.' })
		.int('Enter a whole number of people.')
		.min(1, 'At least one person.')
		.max(20, 'At most 20 people.')
};
const endAfterStart = { message: 'The end must be after the start.', path: ['end'] };

export const coverageInputSchema = z
	.object({ weekday, ...coverageFields })
	.refine((c) => c.end > c.start, endAfterStart);

/** One requirement for several weekdays at once (the form's shape): one record per day. */
export const coverageDaysInputSchema = z
	.object({
		weekdays: z
			.array(weekday)
			.min(1, 'Choose at least one day.')
			.transform((days) => [...new Set(days)].sort((a, b) => a - b)),
		...coverageFields
	})
	.refine((c) => c.end > c.start, endAfterStart);
export const coverageSchema = z.intersection(
	coverageInputSchema,
	z.object({ id: recordId(), ...removal })
);
export type CoverageRequirement = z.output<typeof coverageSchema>;
