/**
 * The three exports of the schedule, built on this device from what it holds: a provider's day
 * sheet (PDF), the week's rota (PDF) and a provider's calendar (.ics). Each records an audit entry
 * naming ids only, since the day sheet and the calendar carry patient details out of the app.
 */
import type { Workspace } from '$lib/core/session/workspace';
import type { DirectoryTables } from '$lib/directory/queries';
import { patientById, type PatientTables } from '$lib/patients/queries';
import { daySheetPdf } from '$lib/schedule/day-sheet';
import { initials, providerIcs } from '$lib/schedule/ics-export';
import { appointmentsBetween, type ScheduleSetup } from '$lib/schedule/queries';
import { FLOW_LABELS } from '$lib/schedule/flow-rules';
import { rotaPdf } from '$lib/schedule/rota-pdf';
import { rotaMonths, rotaSetup, rotaWeek, shiftTables } from '$lib/schedule/rota-queries';
import { gapText } from '$lib/schedule/rota-coverage-rules';
import { ROLE_GROUP_LABELS } from '$lib/schedule/rota-schema';
import { roleGroupOf } from '$lib/schedule/rota-rules';
import { instantToWallTime } from '$lib/schedule/zoned-time';
import { listStaff, officeSettings, staffDisplayName } from '$lib/directory/queries';
import { longDate } from '../setup/spans';
import { patientName, staffName } from '../setup/office-people';

export interface ExportSources {
	workspace: Workspace;
	directory: DirectoryTables;
	patients: PatientTables | null;
	setup: ScheduleSetup;
	timeZone: string;
}

export interface ExportFile {
	name: string;
	type: string;
	content: Uint8Array | string;
}

const officeName = (directory: DirectoryTables) => officeSettings(directory)?.name ?? 'Practice';
const slug = (text: string) =>
	text
		.normalize('NFD')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.toLowerCase();

/** A provider's day sheet (the downtime copy). */
export async function daySheetFile(
	sources: ExportSources,
	providerId: string,
	date: string
): Promise<ExportFile> {
	const { workspace, directory, patients, setup, timeZone } = sources;
	const visits = (await appointmentsBetween(workspace, date, date, timeZone))
		.filter((a) => a.providerId === providerId)
		.map((a) => {
			const patient = patients ? patientById(patients, a.patientId) : undefined;
			const phones = patient?.phones;
			const ended = a.flow.status === 'cancelled' || a.flow.status === 'no-show';
			return {
				start: a.start,
				end: a.end,
				patientName: patientName(patients, a.patientId),
				dateOfBirth: patient?.dateOfBirth ?? '',
				phone: phones?.mobile || phones?.home || phones?.work || '',
				typeName: setup.types.get(a.typeId)?.name ?? '',
				roomName: (a.roomId && directory.rooms.get(a.roomId)?.name) || '',
				note: a.note,
				status: ended ? FLOW_LABELS[a.flow.status] : ''
			};
		});
	const provider = staffName(directory, providerId);
	const content = daySheetPdf({
		officeName: officeName(directory),
		providerName: provider,
		date,
		dateLabel: longDate(date),
		timeZone,
		visits,
		printedAt: workspace.now().toISOString()
	});
	await workspace.audit.record({
		action: 'export',
		target: `schedule/day-sheet/${providerId}/${date}`,
		detail: `Day sheet printed with ${visits.length} appointments`
	});
	return { name: `day-sheet-${date}-${slug(provider)}.pdf`, type: 'application/pdf', content };
}

/** A provider's appointments from `from` to `to` as an iCalendar file. */
export async function providerCalendarFile(
	sources: ExportSources,
	providerId: string,
	from: string,
	to: string
): Promise<ExportFile> {
	const { workspace, directory, patients, setup, timeZone } = sources;
	const appointments = (await appointmentsBetween(workspace, from, to, timeZone))
		.filter((a) => a.providerId === providerId)
		.map((a) => {
			const patient = patients ? patientById(patients, a.patientId) : undefined;
			return {
				id: a.id,
				start: a.start,
				end: a.end,
				typeName: setup.types.get(a.typeId)?.name ?? 'Appointment',
				patientInitials: patient ? initials(patient.givenName, patient.familyName) : '',
				roomName: (a.roomId && directory.rooms.get(a.roomId)?.name) || '',
				status: a.flow.status,
				updatedAt: a.updatedAt
			};
		});
	const provider = staffName(directory, providerId);
	const now = workspace.now().toISOString();
	const content = providerIcs(provider, timeZone, appointments, now);
	await workspace.audit.record({
		action: 'export',
		target: `schedule/calendar/${providerId}`,
		detail: `Calendar exported with ${appointments.length} appointments (${from} to ${to})`
	});
	return { name: `schedule-${slug(provider)}.ics`, type: 'text/calendar', content };
}

/** The rota of the week starting `monday`. */
export async function rotaFile(sources: ExportSources, monday: string): Promise<ExportFile> {
	const { workspace, directory, timeZone } = sources;
	const setup = await rotaSetup(workspace);
	const week = rotaWeek(setup, await shiftTables(workspace, rotaMonths(monday)), monday, timeZone);
	const templates = new Map(setup.templates.all().map((t) => [t.id, t.name]));
	const printed = instantToWallTime(workspace.now().getTime(), timeZone);
	const content = rotaPdf({
		officeName: officeName(directory),
		title: `Week of ${longDate(monday)}`,
		dates: week.dates,
		staff: listStaff(directory, { sort: 'role' }).map((member) => ({
			id: member.id,
			name: staffDisplayName(member),
			group: ROLE_GROUP_LABELS[roleGroupOf(member.role)]
		})),
		shifts: week.shifts.map((s) => ({ ...s, label: templates.get(s.templateId) ?? 'Custom' })),
		minutes: week.minutes,
		gaps: week.gaps.map(gapText),
		printedLabel: `Printed ${printed.date} ${printed.time}`
	});
	return { name: `rota-${monday}.pdf`, type: 'application/pdf', content };
}
