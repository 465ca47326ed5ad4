/** Why a backup could not be made or restored, in words a person can act on. */

export type BackupProblem =
	| 'not-a-backup'
	| 'newer-format'
	| 'older-format'
	| 'wrong-passphrase'
	| 'damaged'
	| 'truncated'
	| 'has-office'
	| 'no-office'
	| 'storage';

const MESSAGES: Record<BackupProblem, string> = {
	'not-a-backup': 'This file is not a Practice Office backup. Choose a file ending in .pobackup.',
	'newer-format':
		'This backup was made by a newer version of Practice Office. Update the app, then try again.',
	'older-format':
		'This backup was made by an earlier test version of Practice Office, before each person had ' +
		'their own sign-in, and cannot be restored by this version. Nothing was restored.',
	'wrong-passphrase':
		'That passphrase does not open this backup. Use the passphrase you had when the backup was made.',
	damaged:
		'This backup file is damaged (it was changed after it was made). Nothing was restored. Try another copy.',
	truncated:
		'This backup file is incomplete: it ends early, perhaps because copying it was interrupted. Nothing was restored. Try another copy.',
	'has-office':
		'This device already has an office. A backup is only restored on a device without one, so nothing is overwritten.',
	'no-office': 'There is no office on this device to back up.',
	storage: 'The backup could not be stored on this device. Free some space and try again.'
};

/** A backup failure; `problem` says which, the message says what to do. */
export class BackupError extends Error {
	override name = 'BackupError';
	constructor(
		readonly problem: BackupProblem,
		options?: ErrorOptions
	) {
		super(MESSAGES[problem], options);
	}
}
