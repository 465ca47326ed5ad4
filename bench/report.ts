/** Turns measurements into a table for people or JSON lines for machines. */
import { meetsGoal, type Goal, type Measurement } from './measurement';

/** Rounds to at most two decimals, so output does not pretend to more precision than there is. */
function rounded(value: number): number {
	return Math.round(value * 100) / 100;
}

function goalText(goal: Goal | undefined): string {
	if (!goal) return '';
	return 'atMost' in goal ? `≤ ${goal.atMost}` : `≥ ${goal.atLeast}`;
}

function okText(measurement: Measurement): string {
	const ok = meetsGoal(measurement);
	if (ok === undefined) return '';
	return ok ? 'yes' : 'NO';
}

/** One JSON object per line: `{"metric": …, "value": …, "unit": …}`. */
export function jsonLines(measurements: Measurement[]): string {
	return measurements
		.map(({ metric, value, unit }) => JSON.stringify({ metric, value: rounded(value), unit }))
		.join('\n');
}

/** A plain-text table (metric, value, unit, goal, ok?), then each metric's note. */
export function table(measurements: Measurement[]): string {
	const header = ['metric', 'value', 'unit', 'goal', 'ok?'];
	const rows = measurements.map((m) => [
		m.metric,
		rounded(m.value).toLocaleString('en-US', { minimumFractionDigits: 2 }),
		m.unit,
		goalText(m.goal),
		okText(m)
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column].length))
	);
	// Numbers right-aligned so their digits line up; everything else left-aligned.
	const line = (cells: string[]) =>
		cells
			.map((cell, column) =>
				column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])
			)
			.join('  ')
			.trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('  ');
	const notes = measurements.filter((m) => m.note).map((m) => `  ${m.metric}: ${m.note}`);
	return [
		line(header),
		rule,
		...rows.map(line),
		...(notes.length > 0 ? ['', 'Notes:', ...notes] : [])
	].join('\n');
}
