/**
 * The state of a "create or edit a record" dialog: which record, the form, its field messages,
 * and a notice once something was saved. Pages supply the commands; this keeps every list page's
 * dialog behaving the same (errors stay on their fields, the dialog closes only on success).
 */
import type { FieldErrors } from '$lib/core/validation/field-errors';
import { formProblem } from './command-errors';

export interface Editing {
	/** null while creating. */
	id: string | null;
	active: boolean;
}

export class RecordEditor<F> {
	editing = $state<Editing | null>(null);
	form = $state() as F;
	errors = $state<FieldErrors>({});
	message = $state('');
	notice = $state('');
	saving = $state(false);

	constructor(private readonly blank: () => F) {
		this.form = blank();
	}

	/** Opens the dialog on an empty form. */
	create(): void {
		this.#open({ id: null, active: true }, this.blank());
	}

	/** Opens the dialog on a record's fields. */
	edit(id: string, active: boolean, fields: F): void {
		this.#open({ id, active }, fields);
	}

	close(): void {
		this.editing = null;
	}

	/** Runs the save command; on success closes with `notice`, else shows what is wrong. */
	async save(run: (form: F, id: string | null) => Promise<unknown>, notice: (form: F) => string) {
		await this.#attempt(async (editing) => {
			await run(this.form, editing.id);
			return notice(this.form);
		}, true);
	}

	/** Deactivates or reactivates the record being edited. */
	async toggleActive(
		run: (id: string, active: boolean) => Promise<unknown>,
		notice: (form: F, active: boolean) => string
	) {
		await this.#attempt(async (editing) => {
			if (!editing.id) return null;
			await run(editing.id, !editing.active);
			return notice(this.form, !editing.active);
		}, false);
	}

	#open(editing: Editing, form: F): void {
		this.form = form;
		this.errors = {};
		this.message = '';
		this.editing = editing;
	}

	async #attempt(work: (editing: Editing) => Promise<string | null>, fieldErrors: boolean) {
		const editing = this.editing;
		if (!editing) return;
		this.saving = true;
		try {
			const notice = await work(editing);
			if (notice === null) return;
			this.notice = notice;
			this.editing = null;
		} catch (error) {
			const problem = formProblem(error);
			if (fieldErrors) this.errors = problem.fields;
			this.message = problem.message;
		} finally {
			this.saving = false;
		}
	}
}
