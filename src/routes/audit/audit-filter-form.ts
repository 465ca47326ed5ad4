/** The audit page's filter form: what a manager picks, before it becomes an `AuditFilter`. */
import { addDays } from '$lib/audit-report';

/** A patient chosen in the filter: the record and the ids merged into it. */
export interface ChosenPatient {
	ids: string[];
	/** Name and MRN, as the form shows it. */
	label: string;
}

export interface AuditFilterForm {
	/** Person id, '' for everyone. */
	person: string;
	/** Action, '' for every action. */
	action: string;
	/** Office-zone days 'YYYY-MM-DD', inclusive. */
	from: string;
	to: string;
	patient: ChosenPatient | null;
}

/** A choice in a select: its value and what the person reads. */
export interface Choice {
	value: string;
	label: string;
}

/** A patient found by the search box. */
export interface PatientChoice extends ChosenPatient {
	id: string;
}

/** The default: everyone, every action, the last `days` days up to `today`. */
export function blankAuditFilter(today: string, days = 7): AuditFilterForm {
	return { person: '', action: '', from: addDays(today, 1 - days), to: today, patient: null };
}

/** Why the date range cannot be used, or '' when it can. */
export function rangeProblem(form: Pick<AuditFilterForm, 'from' | 'to'>): string {
	const date = /^\d{4}-\d{2}-\d{2}$/;
	if (!date.test(form.from)) return 'Enter the first day as YYYY-MM-DD.';
	if (!date.test(form.to)) return 'Enter the last day as YYYY-MM-DD.';
	return form.from > form.to ? 'The first day must not be after the last day.' : '';
}
