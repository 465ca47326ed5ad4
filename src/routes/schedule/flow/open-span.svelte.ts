/**
 * For the boards: the live appointments of a span of dates that follows the page (today's date
 * changes at midnight), and a clock that ticks so waiting times count up without a tap.
 * Both must be created while a component initialises (they use $effect).
 */
import type { LiveSpan, ScheduleView } from '$lib/app/schedule-view.svelte';

/** The live span of `range()`, reopened when the range or the schedule view changes. */
export class OpenSpan {
	span = $state.raw<LiveSpan | null>(null);
	error = $state('');

	constructor(schedule: () => ScheduleView | null, range: () => readonly [string, string]) {
		$effect(() => {
			const view = schedule();
			const [from, to] = range();
			if (!view) return;
			let cancelled = false;
			view.span(from, to).then(
				(span) => {
					if (!cancelled) this.span = span;
				},
				(error: unknown) => {
					if (!cancelled) this.error = error instanceof Error ? error.message : String(error);
				}
			);
			return () => {
				cancelled = true;
			};
		});
	}
}

/** The time now (epoch ms), updated every `everyMs` (30 s by default) while the page is open. */
export class Ticker {
	now = $state(Date.now());

	constructor(everyMs = 30_000) {
		$effect(() => {
			const timer = setInterval(() => (this.now = Date.now()), everyMs);
			return () => clearInterval(timer);
		});
	}
}
