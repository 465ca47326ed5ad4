/**
 * The schedule as pages read it: the live setup tables (types, availability, series, waitlist,
 * accepted double bookings) and, per span of dates, the live tables of the month documents it
 * touches. The schedule layout opens one and hands it to the schedule pages through context.
 */
import { getContext, setContext } from 'svelte';
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import type { Workspace } from '$lib/core/session/workspace';
import {
	appointmentsIn,
	monthTables,
	monthsOf,
	scheduleSetup,
	type Appointment,
	type ScheduledAppointment,
	type ScheduleSetup
} from '$lib/schedule/queries';
import { Live } from './live.svelte';

/** The appointments of a span of dates, kept live as their month documents change. */
export class LiveSpan {
	readonly #tables: ReadonlyMap<string, Live<ProjectionTable<Appointment>>>;

	constructor(
		tables: Map<string, ProjectionTable<Appointment>>,
		readonly from: string,
		readonly to: string
	) {
		// Plain maps, built once: reactivity comes from the Live wrappers, not the map.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#tables = new Map([...tables].map(([home, table]) => [home, new Live(table)]));
	}

	/** Appointments starting in the span (reading this subscribes to every month table). */
	appointments(timeZone: string): ScheduledAppointment[] {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway lookup
		const tables = new Map([...this.#tables].map(([home, live]) => [home, live.current]));
		return appointmentsIn(tables, this.from, this.to, timeZone);
	}
}

export class ScheduleView {
	readonly #live: { [K in keyof ScheduleSetup]: Live<ScheduleSetup[K]> };

	private constructor(
		readonly workspace: Workspace,
		readonly tables: ScheduleSetup
	) {
		this.#live = Object.fromEntries(
			Object.entries(tables).map(([name, table]) => [name, new Live(table)])
		) as unknown as { [K in keyof ScheduleSetup]: Live<ScheduleSetup[K]> };
	}

	/** Opens the `schedule` document's tables. */
	static async open(workspace: Workspace): Promise<ScheduleView> {
		return new ScheduleView(workspace, await scheduleSetup(workspace));
	}

	/** The setup tables (reading this subscribes to all of them). */
	get setup(): ScheduleSetup {
		for (const live of Object.values(this.#live)) void live.version;
		return this.tables;
	}

	/** Opens the months of local dates `from`–`to` (inclusive) and keeps them live. */
	async span(from: string, to: string): Promise<LiveSpan> {
		return new LiveSpan(await monthTables(this.workspace, monthsOf(from, to)), from, to);
	}
}

const KEY = Symbol('schedule-view');

/** Makes the schedule view available to the schedule pages. */
export function provideScheduleView(get: () => ScheduleView | null): void {
	setContext(KEY, get);
}

/** The schedule view (null while it opens or for people without the schedule's key). */
export function useScheduleView(): () => ScheduleView | null {
	return getContext<() => ScheduleView | null>(KEY);
}
