/** The waitlist's add form as it binds; it is the command input as it stands. */
export interface WaitlistFormValues {
	patientId: string;
	typeId: string;
	/** '' for any provider. */
	providerId: string;
	earliest: string;
	preferences: string;
	note: string;
}

/** An empty form: any provider, as soon as possible. */
export function blankWaitlistForm(): WaitlistFormValues {
	return { patientId: '', typeId: '', providerId: '', earliest: '', preferences: '', note: '' };
}
