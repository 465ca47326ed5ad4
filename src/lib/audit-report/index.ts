/**
 * Reading the audit log as a manager: filters, the "who saw this record" report and the CSV
 * export. Pure TypeScript over `AuditEntry` values; it imports no area, so any page may use it.
 */
export { accessReport, type PersonAccess } from './access-report';
export { csvCell, toCsv } from './csv';
export { distinct, filterEntries, type AuditFilter } from './filter';
export { addDays, localDateOf, monthsCovering, officeTime } from './office-time';
export { concernsPatient, patientIdsIn, patientRef, relatedTargets } from './refs';
export {
	CSV_HEADER,
	actionLabel,
	auditRow,
	describeDetail,
	describeRef,
	deviceLabel,
	personLabel,
	rowsToCsv,
	shortId,
	type AuditLabels,
	type AuditRow
} from './rows';
export { entryCheck, entryKey, personVerified, type EntryCheck } from './trust';
