/**
 * The error codes the relay answers with (ERROR frames). A fatal error closes the socket with 1008
 * after the ERROR frame; a non-fatal one refuses only the frame it answers.
 */

export type ErrorCode =
	| 'bad-frame'
	| 'bad-header'
	| 'bad-state'
	| 'not-authenticated'
	| 'unsupported-version'
	| 'unknown-device'
	| 'revoked'
	| 'bad-signature'
	| 'office-exists'
	| 'device-exists'
	| 'not-admin'
	| 'bad-nonce'
	| 'last-admin'
	| 'blob-exists'
	| 'stale-snapshot'
	| 'quota'
	| 'rate-limited'
	| 'too-large'
	| 'mailbox-full'
	| 'mailbox-expired'
	| 'not-in-mailbox'
	| 'no-peer'
	| 'internal';

/** Codes that count towards the bad frames after which a socket is closed. */
export const BAD_FRAME_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
	'bad-frame',
	'bad-header',
	'bad-state',
	'not-authenticated',
	'bad-signature'
]);

/** An expected refusal: becomes an ERROR frame with this code; `message` never quotes input. */
export class RelayError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly fatal = false
	) {
		super(message);
		this.name = 'RelayError';
	}
}
