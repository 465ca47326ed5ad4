/** Backing up the whole office to one encrypted file, and restoring it on a new device. */
export { BackupError, type BackupProblem } from './errors';
export { exportBackup, type BackupProgress, type ExportedBackup } from './export';
export { BACKUP_EXTENSION, type BackupHeader, type TableCounts } from './format';
export {
	discardInterruptedRestore,
	LAST_BACKUP_META_KEY,
	readBackupHeader,
	RESTORED_META_KEY,
	restoreBackup,
	type RestoredFrom,
	type RestoreResult
} from './restore';
