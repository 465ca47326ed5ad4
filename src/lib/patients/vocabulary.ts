// The fixed choices of the patient and insurance forms, each with the label a person sees.
import { US_MILITARY_STATES, US_STATES_AND_DC, US_TERRITORIES } from '$lib/text/address';

/** Where patients live: every state, DC, the territories and military mail ('AA', 'AE', 'AP'). */
export const ADDRESS_STATES: readonly string[] = [
	...US_STATES_AND_DC,
	...US_TERRITORIES,
	...US_MILITARY_STATES
];

const ADDRESS_STATE_SET: ReadonlySet<string> = new Set(ADDRESS_STATES);

/** True for a two-letter code in ADDRESS_STATES (uppercase). */
export function isAddressState(s: string): boolean {
	return ADDRESS_STATE_SET.has(s);
}

export const SEXES_AT_BIRTH = ['female', 'male', 'intersex', 'unknown', 'declined'] as const;
export type SexAtBirth = (typeof SEXES_AT_BIRTH)[number];
export const SEX_AT_BIRTH_LABELS: Record<SexAtBirth, string> = {
	female: 'Female',
	male: 'Male',
	intersex: 'Intersex',
	unknown: 'Unknown',
	declined: 'Chose not to answer'
};

export const GENDER_IDENTITIES = [
	'female',
	'male',
	'non-binary',
	'other',
	'declined',
	'unknown'
] as const;
export type GenderIdentity = (typeof GENDER_IDENTITIES)[number];
export const GENDER_IDENTITY_LABELS: Record<GenderIdentity, string> = {
	female: 'Female',
	male: 'Male',
	'non-binary': 'Non-binary',
	other: 'Another gender identity',
	declined: 'Chose not to answer',
	unknown: 'Unknown'
};

/** The languages most often preferred by US patients, as BCP 47 codes; any other code is allowed. */
export const COMMON_LANGUAGES: readonly { code: string; label: string }[] = [
	{ code: 'en', label: 'English' },
	{ code: 'es', label: 'Spanish' },
	{ code: 'zh', label: 'Chinese (Mandarin)' },
	{ code: 'yue', label: 'Chinese (Cantonese)' },
	{ code: 'vi', label: 'Vietnamese' },
	{ code: 'tl', label: 'Tagalog' },
	{ code: 'ar', label: 'Arabic' },
	{ code: 'ko', label: 'Korean' },
	{ code: 'ru', label: 'Russian' },
	{ code: 'fr', label: 'French' },
	{ code: 'ht', label: 'Haitian Creole' },
	{ code: 'pt', label: 'Portuguese' },
	{ code: 'de', label: 'German' },
	{ code: 'hi', label: 'Hindi' },
	{ code: 'ur', label: 'Urdu' },
	{ code: 'bn', label: 'Bengali' },
	{ code: 'fa', label: 'Persian (Farsi)' },
	{ code: 'pl', label: 'Polish' },
	{ code: 'it', label: 'Italian' },
	{ code: 'ja', label: 'Japanese' },
	{ code: 'so', label: 'Somali' },
	{ code: 'hmn', label: 'Hmong' },
	{ code: 'ase', label: 'American Sign Language' }
];

const LANGUAGE_LABELS = new Map(COMMON_LANGUAGES.map(({ code, label }) => [code, label]));

/** The label of a language code: from the list, else the engine's English name, else the code. */
export function languageLabel(code: string): string {
	const listed = LANGUAGE_LABELS.get(code);
	if (listed) return listed;
	try {
		return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code) ?? code;
	} catch {
		return code;
	}
}

export const PHONE_KINDS = ['mobile', 'home', 'work'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];
export const PHONE_KIND_LABELS: Record<PhoneKind, string> = {
	mobile: 'Mobile phone',
	home: 'Home phone',
	work: 'Work phone'
};

export const CONSENT_CHANNELS = ['sms', 'email', 'voicemail'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const CONSENT_CHANNEL_LABELS: Record<ConsentChannel, string> = {
	sms: 'Text messages',
	email: 'Email',
	voicemail: 'Voicemail'
};

export const GUARANTOR_RELATIONSHIPS = [
	'self',
	'parent',
	'spouse',
	'legal-guardian',
	'other'
] as const;
export type GuarantorRelationship = (typeof GUARANTOR_RELATIONSHIPS)[number];
export const GUARANTOR_RELATIONSHIP_LABELS: Record<GuarantorRelationship, string> = {
	self: 'Self',
	parent: 'Parent',
	spouse: 'Spouse or partner',
	'legal-guardian': 'Legal guardian',
	other: 'Other'
};

export const SUBSCRIBER_RELATIONSHIPS = ['self', 'spouse', 'child', 'other'] as const;
export type SubscriberRelationship = (typeof SUBSCRIBER_RELATIONSHIPS)[number];
export const SUBSCRIBER_RELATIONSHIP_LABELS: Record<SubscriberRelationship, string> = {
	self: 'Self',
	spouse: 'Spouse or partner',
	child: 'Child',
	other: 'Other'
};

export const POLICY_ORDERS = ['primary', 'secondary', 'tertiary'] as const;
export type PolicyOrder = (typeof POLICY_ORDERS)[number];
export const POLICY_ORDER_LABELS: Record<PolicyOrder, string> = {
	primary: 'Primary',
	secondary: 'Secondary',
	tertiary: 'Tertiary'
};
