/**
 * Names for the ids in the audit log, from what this device holds: patients by name and MRN,
 * staff and rooms by name. People are shown by id (shortened) except the signed-in person:
 * person ids are not linked to staff records yet; when they are (people and roles, issue 6),
 * `person` is the one place to look the name up.
 */
import type { AuditLabels } from '$lib/audit-report';
import { staffDisplayName, type DirectoryTables } from '$lib/directory/queries';
import { patientDisplayName, type PatientTables } from '$lib/patients/queries';

export interface LabelSources {
	patients: PatientTables | null;
	directory: DirectoryTables;
	/** The signed-in person's id, shown as "You". */
	personId: string;
	deviceId: string;
}

/** The labels the table, the report and the CSV use. */
export function auditLabels({
	patients,
	directory,
	personId,
	deviceId
}: LabelSources): AuditLabels {
	return {
		thisDevice: deviceId,
		person: (id) => (id === personId ? 'You' : undefined),
		record(ref) {
			const [area, collection, id] = ref.split('/');
			if (!id) return undefined;
			if (area === 'patients' && collection === 'patients') {
				const patient = patients?.patients.get(id);
				return patient ? `${patientDisplayName(patient)} (MRN ${patient.mrn})` : undefined;
			}
			if (area === 'directory' && collection === 'staff') {
				const member = directory.staff.get(id);
				return member ? `Staff member ${staffDisplayName(member)}` : undefined;
			}
			if (area === 'directory' && collection === 'rooms') {
				const room = directory.rooms.get(id);
				return room ? `Room ${room.name}` : undefined;
			}
			return undefined;
		}
	};
}
