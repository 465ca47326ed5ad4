/**
 * Patient values as one line of text, for the chart and the merge dialog: addresses, consents,
 * the guarantor, a gender identity with its description, and every field a merge compares.
 */
import type { Address } from '$lib/patients/fields';
import type { Consent, Guarantor } from '$lib/patients/schema';
import {
	GENDER_IDENTITY_LABELS,
	GUARANTOR_RELATIONSHIP_LABELS,
	SEX_AT_BIRTH_LABELS,
	languageLabel,
	type GenderIdentity,
	type SexAtBirth
} from '$lib/patients/vocabulary';

const NONE = '—';

/** The value of merge field `field` (a path such as 'address' or 'policies.primary') as text. */
export function mergeValueText(field: string, value: unknown): string {
	if (field.startsWith('policies.')) return (value as string[]).join('; ') || NONE;
	if (field.startsWith('consents.')) return consentText(value as Consent);
	switch (field) {
		case 'sexAssignedAtBirth':
			return SEX_AT_BIRTH_LABELS[value as SexAtBirth];
		case 'genderIdentity':
			return genderIdentityText(value as GenderFields);
		case 'preferredLanguage':
			return languageLabel(value as string);
		case 'interpreterNeeded':
			return value ? 'Needs an interpreter' : 'No interpreter';
		case 'address':
			return addressText(value as Address);
		case 'emergencyContact': {
			const { name, relationship, phone } = value as Record<string, string>;
			return [name, relationship && `(${relationship})`, phone].filter(Boolean).join(' ') || NONE;
		}
		case 'guarantor':
			return guarantorText(value as Guarantor);
		default:
			return typeof value === 'string' && value !== '' ? value : NONE;
	}
}

interface GenderFields {
	genderIdentity: GenderIdentity;
	genderIdentityOther: string;
}

/** 'Non-binary', or the patient's own words for another gender identity. */
export function genderIdentityText({ genderIdentity, genderIdentityOther }: GenderFields): string {
	const label = GENDER_IDENTITY_LABELS[genderIdentity];
	return genderIdentity === 'other' && genderIdentityOther
		? `${label}: ${genderIdentityOther}`
		: label;
}

/** '12 Maple St, Apt 2, Springfield, IL 62701', or '—'. */
export function addressText(address: Address): string {
	if (!address.line1) return NONE;
	return [address.line1, address.line2, `${address.city}, ${address.state} ${address.zip}`]
		.filter(Boolean)
		.join(', ');
}

/** 'Agreed (given 2026-03-01, recorded by AL)'. */
export function consentText({ granted, recordedOn, recordedBy }: Consent): string {
	const when = [recordedOn && `given ${recordedOn}`, recordedBy && `recorded by ${recordedBy}`]
		.filter(Boolean)
		.join(', ');
	return `${granted ? 'Agreed' : 'Not agreed'}${when ? ` (${when})` : ''}`;
}

/** 'Self', or the guarantor's name, relationship, birth date, phone and address. */
export function guarantorText(guarantor: Guarantor): string {
	if (guarantor.relationship === 'self') return 'Self';
	const relation = GUARANTOR_RELATIONSHIP_LABELS[guarantor.relationship].toLowerCase();
	return [
		`${guarantor.givenName} ${guarantor.familyName} (${relation})`,
		guarantor.dateOfBirth && `born ${guarantor.dateOfBirth}`,
		guarantor.phone,
		guarantor.address.line1 && addressText(guarantor.address)
	]
		.filter(Boolean)
		.join(', ');
}
