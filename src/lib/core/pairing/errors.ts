/**
 * Why a pairing stopped, as messages a person can act on. A side that gives up tells the other
 * with an `abort` carrying one of ABORT_REASONS; that message is unauthenticated, so it can only
 * ever stop a pairing, never advance one.
 */

/** Reasons one side can tell the other. */
export const ABORT_REASONS = [
	'wrong-code',
	'tampered',
	'malformed',
	'has-office',
	'cancelled',
	'timeout',
	'failed'
] as const;

export type AbortReason = (typeof ABORT_REASONS)[number];

/** Every way a pairing can end without success. */
export type PairingFailure =
	AbortReason | 'no-office' | 'peer-left' | 'connection' | 'enrol' | 'storage';

const MESSAGES: Record<PairingFailure, string> = {
	'wrong-code': 'That code is not right or has expired.',
	tampered:
		'The pairing messages were altered on the way, so pairing was stopped. Start again with a new code.',
	malformed:
		'The other device sent something this version of the app cannot use, so nothing was saved. ' +
		'Update both devices and start again.',
	'has-office': 'This device already has an office.',
	cancelled: 'Pairing was cancelled.',
	timeout: 'Pairing took too long and was stopped. Start again with a new code.',
	failed: 'Pairing did not finish on the other device. Start again with a new code.',
	'no-office': 'No office is set up on this device yet.',
	'peer-left': 'The other device left before pairing finished. Start again with a new code.',
	connection: 'The connection to the relay was lost. Check the network and start again.',
	enrol: 'The relay did not accept the new device. Check the connection and start again.',
	storage: 'The keys could not be saved on this device. Free up some space and start again.'
};

// What the other side's reason means to this side, where it reads differently.
const FROM_PEER: Partial<Record<AbortReason, string>> = {
	'has-office': 'The other device already has an office.',
	malformed:
		'The other device could not use what this device sent, so nothing was saved there. ' +
		'Update both devices and start again.',
	cancelled: 'Pairing was cancelled on the other device.'
};

export class PairingError extends Error {
	override name = 'PairingError';
	constructor(
		readonly failure: PairingFailure,
		options?: ErrorOptions & { fromPeer?: boolean }
	) {
		const fromPeer = options?.fromPeer ? FROM_PEER[failure as AbortReason] : undefined;
		super(fromPeer ?? MESSAGES[failure], options);
	}

	/** What to tell the other side, if anything it should know. */
	get abortReason(): AbortReason {
		return (ABORT_REASONS as readonly string[]).includes(this.failure)
			? (this.failure as AbortReason)
			: 'failed';
	}
}

/** The PairingError for anything thrown; unknown errors become `fallback`. */
export function asPairingError(error: unknown, fallback: PairingFailure): PairingError {
	return error instanceof PairingError ? error : new PairingError(fallback, { cause: error });
}
