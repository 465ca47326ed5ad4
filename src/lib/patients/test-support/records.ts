/**
 * Small factories for patient tests: form input as a person would type it, and stored records
 * (canonical values, active) as a projection would hold them.
 */
import type { InsurancePolicy, InsurancePolicyForm } from '../insurance-schema';
import { mrnForSequence } from '../mrn';
import type { Patient, PatientForm } from '../schema';

/** A well-formed record id (a ULID) for the n-th test record. */
export function testId(n: number): string {
	return `01J${String(n).padStart(23, '0')}`;
}

/** The registration form with every required field filled in. */
export function makePatientForm(overrides: Partial<PatientForm> = {}): PatientForm {
	return {
		givenName: 'María',
		familyName: 'García',
		dateOfBirth: '1984-03-07',
		sexAssignedAtBirth: 'female',
		...overrides
	};
}

/** A stored patient with canonical, mostly blank values; `n` gives its id and MRN. */
export function makePatient(n: number, overrides: Partial<Patient> = {}): Patient {
	return {
		id: testId(n),
		mrn: mrnForSequence(n),
		givenName: 'María',
		middleName: '',
		familyName: 'García',
		suffix: '',
		preferredName: '',
		dateOfBirth: '1984-03-07',
		sexAssignedAtBirth: 'female',
		genderIdentity: 'unknown',
		genderIdentityOther: '',
		pronouns: '',
		phones: { mobile: '', home: '', work: '' },
		email: '',
		address: { line1: '', line2: '', city: '', state: '', zip: '' },
		preferredLanguage: 'en',
		interpreterNeeded: false,
		emergencyContact: { name: '', relationship: '', phone: '' },
		consents: {
			sms: { granted: false, recordedOn: '', recordedBy: '' },
			email: { granted: false, recordedOn: '', recordedBy: '' },
			voicemail: { granted: false, recordedOn: '', recordedBy: '' }
		},
		guarantor: { relationship: 'self' },
		active: true,
		mergedInto: '',
		...overrides
	};
}

/** The insurance form with every required field filled in. */
export function makePolicyForm(overrides: Partial<InsurancePolicyForm> = {}): InsurancePolicyForm {
	return {
		order: 'primary',
		payerName: 'Blue Cross Blue Shield of Illinois',
		planName: 'PPO Gold',
		memberId: 'XOF123456789',
		subscriber: { relationship: 'self' },
		...overrides
	};
}

/** A stored, active policy of patient `patientId`; `n` gives its id. */
export function makePolicy(
	n: number,
	patientId: string,
	overrides: Partial<InsurancePolicy> = {}
): InsurancePolicy {
	return {
		id: testId(1000 + n),
		patientId,
		order: 'primary',
		payerName: 'Blue Cross Blue Shield of Illinois',
		payerId: '',
		planName: 'PPO Gold',
		memberId: 'XOF123456789',
		groupNumber: '',
		subscriber: { relationship: 'self' },
		effectiveDate: '',
		endDate: '',
		cardFrontDocumentId: '',
		cardBackDocumentId: '',
		notes: '',
		active: true,
		mergedFrom: '',
		...overrides
	};
}
