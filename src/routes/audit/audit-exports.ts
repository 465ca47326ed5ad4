/** Saving the audit rows as a CSV file through the browser's download. */
import { rowsToCsv, type AuditRow } from '$lib/audit-report';

/** Offers the rows as `audit-log-<from>-to-<to>.csv`; returns the file name. */
export function downloadCsv(rows: readonly AuditRow[], from: string, to: string): string {
	const name = `audit-log-${from}-to-${to}.csv`;
	// A byte-order mark so spreadsheet programs read the names as UTF-8.
	const blob = new Blob(['\uFEFF', rowsToCsv(rows)], { type: 'text/csv;charset=utf-8' });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoke after the click has been handled, or some browsers cancel the download.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
	return name;
}
