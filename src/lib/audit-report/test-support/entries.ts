import type { AuditEntry } from '$lib/core/audit/chain';

let seq = 0;

/** An audit entry with plausible defaults; hashes are placeholders (nothing here verifies them). */
export function auditEntry(fields: Partial<AuditEntry> = {}): AuditEntry {
	seq++;
	return {
		seq,
		at: '2026-11-20T15:00:00.000Z',
		actor: 'PERSONAAAAAAAAAAAAAAAAAAAA',
		device: 'DEVICEAAAAAAAAAAAAAAAAAAAA',
		action: 'view',
		target: 'patients/patients/01JPATIENTAAAAAAAAAAAAAAA',
		detail: 'Chart opened',
		prevHash: '0'.repeat(64),
		hash: '1'.repeat(64),
		...fields
	};
}
