/**
 * Errors the crypto layer throws on purpose; their messages are written to be shown to people.
 */

/** Raised when authenticated decryption fails: tampered data, wrong key, or wrong context. */
export class DecryptionError extends Error {
	constructor(options?: ErrorOptions) {
		super(
			'This data could not be decrypted: it was altered, or it belongs to another key.',
			options
		);
		this.name = 'DecryptionError';
	}
}

/** Raised when a passphrase does not unlock the secret it is asked to unwrap. */
export class WrongPassphraseError extends Error {
	constructor(options?: ErrorOptions) {
		super('That passphrase is not correct.', options);
		this.name = 'WrongPassphraseError';
	}
}
