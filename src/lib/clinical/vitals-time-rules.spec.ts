import { describe, expect, it } from 'vitest';
import { takenAtProblem } from './vitals-time-rules';

const NOW = new Date('2025-03-04T16:00:00.000Z');
const FUTURE = 'The time taken is in the future: check the date and time.';
const LATE = 'Vitals taken more than 30 days ago need a note saying why they are entered late.';
const TOO_OLD = 'Vitals taken more than a year ago cannot be entered: check the year.';

describe('takenAtProblem', () => {
	it.each([
		['now', '2025-03-04T16:00:00.000Z', '', null],
		['a minute ahead (clock skew)', '2025-03-04T16:01:00.000Z', '', null],
		[
			'a minute and a second ahead',
			'2025-03-04T16:01:01.000Z',
			'',
			{ field: 'takenAt', message: FUTURE }
		],
		['tomorrow', '2025-03-05T16:00:00.000Z', 'From paper', { field: 'takenAt', message: FUTURE }],
		['30 days ago', '2025-02-02T16:00:00.000Z', '', null],
		['30 days and a minute ago', '2025-02-02T15:59:00.000Z', '', { field: 'notes', message: LATE }],
		['30 days and a minute ago, with a note', '2025-02-02T15:59:00.000Z', 'From paper', null],
		[
			'31 days ago, a blank note',
			'2025-02-01T16:00:00.000Z',
			'   ',
			{ field: 'notes', message: LATE }
		],
		['365 days ago, with a note', '2024-03-04T16:00:00.000Z', 'From paper', null],
		[
			'365 days and a minute ago, with a note',
			'2024-03-04T15:59:00.000Z',
			'From paper',
			{ field: 'takenAt', message: TOO_OLD }
		],
		['a malformed time (the schema reports it)', 'yesterday', '', null]
	])('%s → %j', (_when, takenAt, notes, expected) => {
		expect(takenAtProblem(takenAt, NOW, notes)).toEqual(expected);
	});
});
