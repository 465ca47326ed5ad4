// The patient fields a merge compares, how each reads when blank, and plain-value helpers.
import type { Patient } from './schema';

/** When a value counts as "not given": '' (or all-blank strings in a group), or a placeholder. */
export type Blankness = 'empty' | 'unknown' | 'false' | 'unrecorded' | 'never';

/**
 * A field a merge compares: its dotted path, its label, and when it counts as blank. `with`
 * names fields that belong to it and travel with it (a gender identity and its description).
 */
export interface MergeField {
	path: string;
	label: string;
	blank: Blankness;
	with?: readonly string[];
}

const field = (
	path: string,
	label: string,
	blank: Blankness = 'empty',
	...together: string[]
): MergeField => ({ path, label, blank, ...(together.length > 0 ? { with: together } : {}) });

/** Every field a merge looks at, in form order. Groups (address …) are compared whole. */
export const MERGE_FIELDS: readonly MergeField[] = [
	field('givenName', 'First name'),
	field('middleName', 'Middle name'),
	field('familyName', 'Last name'),
	field('suffix', 'Suffix'),
	field('preferredName', 'Preferred name'),
	field('dateOfBirth', 'Date of birth'),
	field('sexAssignedAtBirth', 'Sex assigned at birth', 'unknown'),
	field('genderIdentity', 'Gender identity', 'unknown', 'genderIdentityOther'),
	field('pronouns', 'Pronouns'),
	field('phones.mobile', 'Mobile phone'),
	field('phones.home', 'Home phone'),
	field('phones.work', 'Work phone'),
	field('email', 'Email'),
	field('address', 'Address'),
	field('preferredLanguage', 'Preferred language'),
	// Either record saying an interpreter is needed is enough: false never overrules true.
	field('interpreterNeeded', 'Interpreter needed', 'false'),
	field('emergencyContact', 'Emergency contact'),
	// A consent moves whole: the answer, the date it was given and who recorded it.
	field('consents.sms', 'Consent to text messages', 'unrecorded'),
	field('consents.email', 'Consent to email', 'unrecorded'),
	field('consents.voicemail', 'Consent to voicemail', 'unrecorded'),
	// 'Self' is a real answer (an adult pays their own bills), so a guarantor is never blank. It
	// moves whole, with the guarantor's date of birth and address.
	field('guarantor', 'Guarantor', 'never')
];

/** True when `value` counts as not given under `blank`. */
export function isBlank(value: unknown, blank: Blankness): boolean {
	switch (blank) {
		case 'never':
			return false;
		case 'unknown':
			return value === 'unknown' || value === '';
		case 'false':
			return value === false;
		case 'unrecorded':
			return isRecord(value) && value.granted === false && value.recordedOn === '';
		case 'empty':
			return isRecord(value) ? Object.values(value).every((v) => v === '') : value === '';
	}
}

/** Every path a merge field writes: its own and those that travel with it. */
export function fieldPaths(field: MergeField): string[] {
	return [field.path, ...(field.with ?? [])];
}

/** A field's value: the value at its path, or `{ path: value, … }` when others travel with it. */
export function readField(patient: Patient, field: MergeField): unknown {
	if (!field.with) return readPath(patient, field.path);
	return Object.fromEntries(fieldPaths(field).map((path) => [path, readPath(patient, path)]));
}

/** A copy of `patient` with a field's value (as `readField` gives it) written. */
export function writeField(patient: Patient, field: MergeField, value: unknown): Patient {
	if (!field.with) return writePath(patient, field.path, value);
	const values = value as Record<string, unknown>;
	return fieldPaths(field).reduce((p, path) => writePath(p, path, values[path]), patient);
}

/** The value at a dotted path of a patient. */
export function readPath(patient: Patient, path: string): unknown {
	let value: unknown = patient;
	for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
	return value;
}

/** A copy of `patient` with the value at a dotted path replaced (copies along the path only). */
export function writePath(patient: Patient, path: string, value: unknown): Patient {
	const write = (target: unknown, keys: string[]): unknown => {
		const [key, ...rest] = keys;
		const record = isRecord(target) ? target : {};
		return { ...record, [key]: rest.length === 0 ? value : write(record[key], rest) };
	};
	return write(patient, path.split('.')) as Patient;
}

/** Deep equality of plain values (strings, numbers, booleans, arrays, objects). */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
	}
	if (!isRecord(a) || !isRecord(b) || Array.isArray(a) || Array.isArray(b)) return false;
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].every((key) => sameValue(a[key], b[key]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}
