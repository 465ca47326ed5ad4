/**
 * The signed-in office as pages read it: the workspace, live directory and patient tables and the
 * quarantine list. The layout opens one after unlock and hands it to pages through context.
 */
import { getContext, setContext } from 'svelte';
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import type { Workspace } from '$lib/core/session/workspace';
import type { QuarantineList } from '$lib/core/validation/quarantine';
import type { UnreadableRows } from '$lib/core/validation/unreadable-rows';
import type { SettingsRecord } from '$lib/directory/collections';
import { directoryTables, type DirectoryTables } from '$lib/directory/queries';
import type { Room, StaffMember } from '$lib/directory/schema';
import { patientTables, type PatientTables } from '$lib/patients/queries';
import type { InsurancePolicy } from '$lib/patients/insurance-schema';
import type { Patient } from '$lib/patients/schema';
import { Live } from './live.svelte';

export class OfficeView {
	readonly staff: Live<ProjectionTable<StaffMember>>;
	readonly rooms: Live<ProjectionTable<Room>>;
	readonly settings: Live<ProjectionTable<SettingsRecord>>;
	readonly quarantine: Live<QuarantineList>;
	readonly unreadable: Live<UnreadableRows>;
	readonly patientRows: Live<ProjectionTable<Patient>> | null;
	readonly policyRows: Live<ProjectionTable<InsurancePolicy>> | null;

	private constructor(
		readonly workspace: Workspace,
		readonly tables: DirectoryTables,
		/** null when this person holds no key for patient data. */
		readonly patientTables: PatientTables | null
	) {
		this.patientRows = patientTables ? new Live(patientTables.patients) : null;
		this.policyRows = patientTables ? new Live(patientTables.policies) : null;
		this.staff = new Live(tables.staff);
		this.rooms = new Live(tables.rooms);
		this.settings = new Live(tables.settings);
		this.quarantine = new Live(workspace.quarantine);
		this.unreadable = new Live(workspace.unreadable);
	}

	/** Opens the directory and (for people who hold its key) the patient registry. */
	static async open(workspace: Workspace): Promise<OfficeView> {
		const [directory, patients] = await Promise.all([
			directoryTables(workspace),
			workspace.keys.keyring.has('patients') ? patientTables(workspace) : null
		]);
		return new OfficeView(workspace, directory, patients);
	}

	/** Live patient tables (reading this subscribes to both), or null without access. */
	get patients(): PatientTables | null {
		void this.patientRows?.version;
		void this.policyRows?.version;
		return this.patientTables;
	}

	/** Live directory tables (reading this subscribes to all three). */
	get directory(): DirectoryTables {
		void this.staff.version;
		void this.rooms.version;
		void this.settings.version;
		return this.tables;
	}
}

const KEY = Symbol('office-view');

/** Makes the office view available to the pages below. */
export function provideOfficeView(get: () => OfficeView): void {
	setContext(KEY, get);
}

/** The office view of the signed-in office (pages render only while unlocked). */
export function useOfficeView(): () => OfficeView {
	return getContext<() => OfficeView>(KEY);
}
