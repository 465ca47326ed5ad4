/**
 * Names for the ids in the audit log, from what this device holds: patients by name and MRN,
 * staff and rooms by name, people who sign in by the name in the office's people list (and
 * "You" for the signed-in person); anyone else by a shortened id.
 */
import type { AuditLabels } from '$lib/audit-report';
import { staffDisplayName, type DirectoryTables } from '$lib/directory/queries';
import { patientDisplayName, type PatientTables } from '$lib/patients/queries';

export interface LabelSources {
	patients: PatientTables | null;
	directory: DirectoryTables;
	/** The signed-in person's id, shown as "You". */
	personId: string;
	/** Names of the people who can (or could) sign in, by person id. */
	people: ReadonlyMap<string, string>;
	deviceId: string;
}

/** The labels the table, the report and the CSV use. */
export function auditLabels({
	patients,
	directory,
	personId,
	people,
	deviceId
}: LabelSources): AuditLabels {
	return {
		thisDevice: deviceId,
		person: (id) => (id === personId ? 'You' : people.get(id)),
		record(ref) {
			if (ref.startsWith('person:')) return people.get(ref.slice('person:'.length));
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
