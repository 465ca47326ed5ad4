/**
 * The rota page's live data: the rota setup tables (templates, time off, coverage) and the shift
 * tables of the week on screen, re-read whenever any of them changes (here or by sync).
 */
import { Live } from '$lib/app/live.svelte';
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import type { Workspace } from '$lib/core/session/workspace';
import {
	rotaMonths,
	rotaSetup,
	rotaWeek,
	shiftTables,
	type RotaSetup,
	type RotaWeek,
	type Shift
} from '$lib/schedule/rota-queries';

export class RotaDesk {
	readonly #setup: { [K in keyof RotaSetup]: Live<RotaSetup[K]> };
	#shifts = $state.raw<Map<string, Live<ProjectionTable<Shift>>> | null>(null);
	#monday = $state('');
	#loading = 0;

	private constructor(
		readonly workspace: Workspace,
		setup: RotaSetup
	) {
		this.#setup = {
			templates: new Live(setup.templates),
			timeOff: new Live(setup.timeOff),
			coverage: new Live(setup.coverage)
		};
	}

	/** Opens the rota's tables. */
	static async open(workspace: Workspace): Promise<RotaDesk> {
		return new RotaDesk(workspace, await rotaSetup(workspace));
	}

	/** The setup tables (reading this subscribes to them). */
	get setup(): RotaSetup {
		return {
			templates: this.#setup.templates.current,
			timeOff: this.#setup.timeOff.current,
			coverage: this.#setup.coverage.current
		};
	}

	get monday(): string {
		return this.#monday;
	}

	/** Shows the week starting `monday` (the last call wins if loads overlap). */
	async show(monday: string): Promise<void> {
		const ticket = ++this.#loading;
		const tables = await shiftTables(this.workspace, rotaMonths(monday));
		if (ticket !== this.#loading) return;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
		this.#shifts = new Map([...tables].map(([month, table]) => [month, new Live(table)]));
		this.#monday = monday;
	}

	/** The week on screen: shifts, hours and gaps (null while it loads). */
	week(timeZone: string): RotaWeek | null {
		const shifts = this.#shifts;
		if (!shifts || !this.#monday) return null;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway lookup
		const tables = new Map([...shifts].map(([month, live]) => [month, live.current]));
		return rotaWeek(this.setup, tables, this.#monday, timeZone);
	}
}
