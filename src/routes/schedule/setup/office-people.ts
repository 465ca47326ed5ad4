/**
 * What the schedule pages need of the directory and the patient registry: the office's time
 * zone and today there, the providers (clinical roles that see patients), the staff who can room
 * a patient, and names for ids — with a plain fallback when a record is not on this device.
 */
import { listStaff, officeSettings, staffDisplayName } from '$lib/directory/queries';
import type { DirectoryTables } from '$lib/directory/queries';
import type { StaffMember, StaffRole } from '$lib/directory/schema';
import { patientById, patientDisplayName, type PatientTables } from '$lib/patients/queries';
import { instantToWallTime } from '$lib/schedule/zoned-time';

const PROVIDER_ROLES: readonly StaffRole[] = [
	'physician',
	'nurse-practitioner',
	'physician-assistant'
];
const ROOMING_ROLES: readonly StaffRole[] = [
	'medical-assistant',
	'registered-nurse',
	'lab-technician',
	...PROVIDER_ROLES
];

/** The office's time zone (the device's until the office settings are saved). */
export function officeZone(directory: DirectoryTables): string {
	return (
		officeSettings(directory)?.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
	);
}

/** Today's date in the office's zone. */
export function todayIn(timeZone: string, nowMs = Date.now()): string {
	return instantToWallTime(nowMs, timeZone).date;
}

/** Active staff who see patients and can be booked. */
export function providersOf(directory: DirectoryTables): StaffMember[] {
	return listStaff(directory).filter((member) => PROVIDER_ROLES.includes(member.role));
}

/** Active clinical staff who can room a patient (assistants and nurses first). */
export function roomingStaffOf(directory: DirectoryTables): StaffMember[] {
	return listStaff(directory, { sort: 'role' }).filter((member) =>
		ROOMING_ROLES.includes(member.role)
	);
}

/** A staff member's name, or a placeholder for someone not in the directory. */
export function staffName(directory: DirectoryTables, id: string | undefined): string {
	const member = id ? directory.staff.get(id) : undefined;
	return member ? staffDisplayName(member) : id ? 'Unknown provider' : 'Any provider';
}

/** A patient's name, or a placeholder without access or for a record not on this device. */
export function patientName(patients: PatientTables | null, id: string): string {
	const patient = patients ? patientById(patients, id) : undefined;
	return patient ? patientDisplayName(patient) : 'Patient';
}
