/**
 * The registration and insurance forms as the dialogs bind them: every field a plain string or
 * boolean, the guarantor and subscriber flattened so switching "self" back and forth keeps what
 * was typed. `…Input` turns a form into what the commands take; `…FormOf` fills a form from a
 * stored record.
 */
import { localIsoDate } from '$lib/patients/dates';
import type { InsurancePolicy, InsurancePolicyForm } from '$lib/patients/insurance-schema';
import type { Patient, PatientForm } from '$lib/patients/schema';
import type { GuarantorRelationship, SubscriberRelationship } from '$lib/patients/vocabulary';

const CHANNELS = ['sms', 'email', 'voicemail'] as const;

export interface PersonFields {
	givenName: string;
	familyName: string;
	dateOfBirth: string;
}

export interface AddressFields {
	line1: string;
	line2: string;
	city: string;
	state: string;
	zip: string;
}

export interface ConsentFields {
	granted: boolean;
	recordedOn: string;
	recordedBy: string;
}

export interface PatientFormState {
	givenName: string;
	middleName: string;
	familyName: string;
	suffix: string;
	preferredName: string;
	dateOfBirth: string;
	sexAssignedAtBirth: string;
	genderIdentity: string;
	genderIdentityOther: string;
	pronouns: string;
	phones: { mobile: string; home: string; work: string };
	email: string;
	address: AddressFields;
	preferredLanguage: string;
	interpreterNeeded: boolean;
	emergencyContact: { name: string; relationship: string; phone: string };
	consents: Record<(typeof CHANNELS)[number], ConsentFields>;
	guarantor: PersonFields & {
		relationship: GuarantorRelationship;
		phone: string;
		address: AddressFields;
	};
}

const blankAddress = (): AddressFields => ({ line1: '', line2: '', city: '', state: '', zip: '' });

/** An address as the schema takes it: untouched (nothing but the prefilled city/state) is none. */
function addressInput(address: AddressFields): Partial<AddressFields> {
	const untouched = address.line1 === '' && address.line2 === '' && address.zip === '';
	return untouched ? {} : address;
}

export function blankPatientForm(): PatientFormState {
	const consent = () => ({ granted: false, recordedOn: '', recordedBy: '' });
	return {
		givenName: '',
		middleName: '',
		familyName: '',
		suffix: '',
		preferredName: '',
		dateOfBirth: '',
		sexAssignedAtBirth: '',
		genderIdentity: 'unknown',
		genderIdentityOther: '',
		pronouns: '',
		phones: { mobile: '', home: '', work: '' },
		email: '',
		address: { line1: '', line2: '', city: 'Springfield', state: 'IL', zip: '' },
		preferredLanguage: 'en',
		interpreterNeeded: false,
		emergencyContact: { name: '', relationship: '', phone: '' },
		consents: { sms: consent(), email: consent(), voicemail: consent() },
		guarantor: {
			relationship: 'self',
			givenName: '',
			familyName: '',
			dateOfBirth: '',
			phone: '',
			address: blankAddress()
		}
	};
}

/**
 * What registerPatient / updatePatient take. A consent ticked without a date is given today; an
 * unticked one keeps no date or recorder; a description only goes with "another gender identity".
 */
export function patientInput(form: PatientFormState): PatientForm {
	const { guarantor, consents, address, ...rest } = form;
	return {
		...rest,
		sexAssignedAtBirth: rest.sexAssignedAtBirth as PatientForm['sexAssignedAtBirth'],
		genderIdentity: rest.genderIdentity as PatientForm['genderIdentity'],
		genderIdentityOther: rest.genderIdentity === 'other' ? rest.genderIdentityOther : '',
		address: addressInput(address),
		consents: Object.fromEntries(
			CHANNELS.map((channel) => {
				const { granted, recordedOn, recordedBy } = consents[channel];
				return [
					channel,
					granted
						? { granted, recordedOn: recordedOn || localIsoDate(), recordedBy }
						: { granted, recordedOn: '', recordedBy: '' }
				];
			})
		),
		guarantor:
			guarantor.relationship === 'self'
				? { relationship: 'self' }
				: { ...guarantor, address: addressInput(guarantor.address) }
	};
}

/** The form for editing a stored patient. */
export function patientFormOf(patient: Patient): PatientFormState {
	const blank = blankPatientForm();
	const { id: _id, mrn: _mrn, active: _active, mergedInto: _merged, guarantor, ...rest } = patient;
	return {
		...blank,
		...rest,
		consents: structuredClone(patient.consents),
		phones: { ...patient.phones },
		address: { ...patient.address },
		emergencyContact: { ...patient.emergencyContact },
		guarantor: {
			...blank.guarantor,
			...guarantor,
			address: { ...blank.guarantor.address, ...('address' in guarantor ? guarantor.address : {}) }
		}
	};
}

export interface PolicyFormState {
	order: string;
	payerName: string;
	payerId: string;
	planName: string;
	memberId: string;
	groupNumber: string;
	subscriber: PersonFields & { relationship: SubscriberRelationship };
	effectiveDate: string;
	endDate: string;
	notes: string;
}

export function blankPolicyForm(order = 'primary'): PolicyFormState {
	return {
		order,
		payerName: '',
		payerId: '',
		planName: '',
		memberId: '',
		groupNumber: '',
		subscriber: { relationship: 'self', givenName: '', familyName: '', dateOfBirth: '' },
		effectiveDate: '',
		endDate: '',
		notes: ''
	};
}

/** What addPolicy / updatePolicy take. */
export function policyInput(form: PolicyFormState): InsurancePolicyForm {
	const { subscriber, ...rest } = form;
	return {
		...rest,
		order: rest.order as InsurancePolicyForm['order'],
		subscriber: subscriber.relationship === 'self' ? { relationship: 'self' } : subscriber
	};
}

/** The form for editing a stored policy. */
export function policyFormOf(policy: InsurancePolicy): PolicyFormState {
	const blank = blankPolicyForm();
	return {
		...blank,
		...policy,
		subscriber: { ...blank.subscriber, ...policy.subscriber }
	};
}
