/**
 * The demo office's schedule, from a fixed seed: appointment types, each provider's weekly hours,
 * a holiday, and eight weeks of appointments around today — the past four done, missed or
 * cancelled, today's at every step of the patient flow, the next four booked — with a few
 * recurring series among them. Visits are laid end to end in each provider's working minutes with
 * some free slots left, in the provider's own exam room, and a patient has at most one visit a
 * day, so the demo opens without double bookings. The rota is in demo-rota.ts.
 */
import { workingMinutes, type AvailabilityRules } from './availability-rules';
import { demoId, pick, seededRandom } from './demo-random';
import type { Flow } from './flow-rules';
import { occurrenceId, occurrencesBetween } from './series-rules';
import type { Appointment, AppointmentType, Series, StoredAvailabilityTemplate } from './schema';
import { addDays, minutesOfDay, timeOfMinutes, wallTimeToMs, weekdayOf } from './zoned-time';
import type { HolidayRecord } from './collections';

export interface DemoPeople {
	/** Staff ids by role ('physician', 'medical-assistant', …), active staff only. */
	staff: { id: string; role: string }[];
	patientIds: string[];
	rooms: { id: string; kind: string; name: string }[];
}

export interface DemoSchedule {
	types: AppointmentType[];
	templates: StoredAvailabilityTemplate[];
	holidays: HolidayRecord[];
	series: Series[];
	appointments: Appointment[];
}

const PROVIDER_ROLES = ['physician', 'nurse-practitioner', 'physician-assistant'];
const TYPES: [string, number, AppointmentType['colour'], AppointmentType['roomNeed'], string[]][] =
	[
		['New patient', 40, 'blue', 'exam', ['Intake forms signed', 'Insurance card scanned']],
		['Follow-up', 20, 'green', 'exam', []],
		['Annual physical', 40, 'yellow', 'exam', ['Gown and drape', 'Urine cup', 'Vision chart']],
		['Procedure', 60, 'red', 'procedure', ['Consent signed', 'Sterile tray', 'Lidocaine']],
		['Telehealth', 20, 'purple', null, []],
		['Sick visit', 20, 'orange', 'exam', ['Mask offered']],
		['Vaccination', 20, 'teal', 'exam', ['VIS sheet handed out']]
	];
/** How often each type is booked (same order as TYPES). */
const WEIGHTS = [1, 6, 2, 1, 2, 3, 1];
const CANCEL_REASONS = [
	'Patient called to reschedule',
	'Feeling better',
	'Weather',
	'Work conflict'
];
const HOURS = (start: string, end: string, days: number[]) =>
	days.map((weekday) => ({ weekday, start, end }));

/** The demo's approved time off of a provider: the third provider, the first Friday a week out. */
export function providerDayOff(
	people: DemoPeople,
	today: string
): { staffId: string; date: string } {
	const providers = people.staff.filter((s) => PROVIDER_ROLES.includes(s.role));
	const weekOut = addDays(today, 7);
	return {
		staffId: providers[2 % providers.length].id,
		date: addDays(weekOut, (4 - weekdayOf(weekOut) + 7) % 7)
	};
}

function weighted(random: () => number): number {
	let roll = random() * WEIGHTS.reduce((a, b) => a + b, 0);
	for (const [n, weight] of WEIGHTS.entries()) if ((roll -= weight) < 0) return n;
	return 1;
}

/** Builds the demo schedule for `today` (a local date) in `timeZone`; `now` stamps the records. */
export function demoSchedule(
	people: DemoPeople,
	today: string,
	timeZone: string,
	now: Date,
	seed = 20261130
): DemoSchedule {
	const random = seededRandom(seed);
	const stamp = now.getTime();
	const at = now.toISOString();
	const providers = people.staff.filter((s) => PROVIDER_ROLES.includes(s.role)).map((s) => s.id);
	const assistants = people.staff.filter((s) => s.role === 'medical-assistant').map((s) => s.id);
	const booker = people.staff.find((s) => s.role === 'front-desk')?.id ?? providers[0];
	const exams = people.rooms.filter((r) => r.kind === 'exam');
	const procedures = people.rooms.filter((r) => r.kind === 'procedure');
	const types: AppointmentType[] = TYPES.map(([name, minutes, colour, roomNeed, prep]) => ({
		id: demoId(random, stamp),
		name,
		minutes,
		colour,
		roomNeed,
		patientKind: name === 'New patient' ? 'new' : 'any',
		prep,
		active: true
	}));
	const from = addDays(today, -28);
	const templates: StoredAvailabilityTemplate[] = providers.map((providerId, n) => ({
		id: demoId(random, stamp),
		providerId,
		effectiveFrom: addDays(from, -365),
		hours:
			n % 3 === 2
				? HOURS('09:00', '17:30', [0, 1, 2, 3])
				: HOURS('08:00', '17:00', [0, 1, 2, 3, 4]),
		breaks: HOURS('12:00', '13:00', [0, 1, 2, 3, 4]),
		blocks: n === 0 ? [{ weekday: 3, start: '13:00', end: '17:00', label: 'Hospital rounds' }] : []
	}));
	// The first Monday at least two weeks out: the office closes for staff training.
	const training = addDays(today, 14 + ((7 - weekdayOf(addDays(today, 14))) % 7));
	const holidays: HolidayRecord[] = [
		{ id: demoId(random, stamp), date: training, label: 'Office closed — staff training' }
	];
	const rules: AvailabilityRules = { templates, changes: [], holidays };
	const base = (providerId: string, patientId: string, type: AppointmentType, start: number) => ({
		providerId,
		patientId,
		typeId: type.id,
		roomId: roomFor(type, providers.indexOf(providerId)),
		start: new Date(start).toISOString(),
		end: new Date(start + type.minutes * 60_000).toISOString(),
		note: '',
		detached: false,
		voided: false,
		bookedBy: booker,
		bookedAt: at,
		updatedAt: at
	});
	const assistant = assistants[0];
	const visitRoom = (providerId: string) => ({
		roomId: exams[providers.indexOf(providerId) % exams.length]?.id ?? '',
		assistantId: assistant
	});
	function roomFor(type: AppointmentType, providerIndex: number): string {
		if (type.roomNeed === 'procedure')
			return procedures[providerIndex % procedures.length]?.id ?? '';
		if (type.roomNeed === 'exam') return exams[providerIndex % exams.length]?.id ?? '';
		return '';
	}
	const series: Series[] = [];
	const appointments: Appointment[] = [];
	const instants = new Map<string, number>();
	const instant = (date: string, minute: number) => {
		const key = `${date} ${minute}`;
		if (!instants.has(key))
			instants.set(key, wallTimeToMs({ date, time: timeOfMinutes(minute) }, timeZone));
		return instants.get(key) ?? 0;
	};
	const busy = new Map<string, { start: number; end: number }[]>();
	const clashes = (key: string, start: number, end: number) =>
		(busy.get(key) ?? []).some((b) => b.start < end && start < b.end);
	const dayOff = providerDayOff(people, today);
	const patientDays = new Set<string>();
	// Recurring series first, so the day fill leaves their slots free.
	for (let n = 0; n < 5; n++) {
		// Not the first provider, whose Thursday afternoons are hospital rounds.
		const providerId = providers[1 + (n % (providers.length - 1))];
		const patientId = pick(random, people.patientIds);
		const type = types[n % 2 === 0 ? 1 : 4];
		const worked = new Set(templates[providers.indexOf(providerId)].hours.map((h) => h.weekday));
		let startDate = addDays(from, n + 1);
		while (!worked.has(weekdayOf(startDate))) startDate = addDays(startDate, 1);
		const weekday = weekdayOf(startDate);
		// Weekly for eight weeks or fortnightly for four: all inside the demo's eight weeks.
		const interval = n % 2 === 0 ? 1 : 2;
		const recurrence = {
			frequency: 'weekly' as const,
			interval,
			weekdays: [weekday],
			count: 8 / interval
		};
		const skipDates = holidays.map((h) => h.date);
		const pattern = {
			startDate,
			time: '16:20',
			minutes: type.minutes,
			timeZone,
			recurrence,
			skipDates
		};
		const occurrences = occurrencesBetween(pattern, startDate, addDays(startDate, 7 * 16));
		const id = demoId(random, stamp);
		series.push({
			...pattern,
			id,
			patientId,
			providerId,
			typeId: type.id,
			roomId: roomFor(type, providers.indexOf(providerId)),
			note: n % 2 === 0 ? 'Weekly blood pressure check' : 'Fortnightly follow-up',
			materializedThrough: occurrences.at(-1)?.date ?? startDate,
			bookedBy: booker,
			bookedAt: at,
			updatedAt: at
		});
		for (const occurrence of occurrences) {
			const key = `${providerId}|${occurrence.date}`;
			const startMinute = minutesOfDay(pattern.time);
			busy.set(key, [
				...(busy.get(key) ?? []),
				{ start: startMinute, end: startMinute + type.minutes }
			]);
			patientDays.add(`${patientId}|${occurrence.date}`);
			appointments.push({
				...base(providerId, patientId, type, Date.parse(occurrence.start)),
				id: occurrenceId(id, occurrence.date),
				seriesId: id,
				occurrenceDate: occurrence.date,
				flow: flowFor(
					Date.parse(occurrence.start),
					type.minutes,
					stamp,
					random,
					visitRoom(providerId)
				)
			});
		}
	}
	for (let date = from; date <= addDays(today, 28); date = addDays(date, 1)) {
		for (const providerId of providers) {
			if (dayOff.staffId === providerId && dayOff.date === date) continue;
			for (const interval of workingMinutes(rules, providerId, date)) {
				let minute = interval.start;
				while (minute < interval.end) {
					const type = types[weighted(random)];
					const fits = minute + type.minutes <= interval.end;
					const seriesSlot = clashes(`${providerId}|${date}`, minute, minute + type.minutes);
					if (
						seriesSlot ||
						!fits ||
						(type.roomNeed === 'procedure' && providers.indexOf(providerId) > 1)
					) {
						minute += 20;
						continue;
					}
					if (random() < 0.15) {
						minute += 20; // a free slot for walk-ins and "next available"
						continue;
					}
					let patientId = pick(random, people.patientIds);
					while (patientDays.has(`${patientId}|${date}`))
						patientId = pick(random, people.patientIds);
					patientDays.add(`${patientId}|${date}`);
					const start = instant(date, minute);
					appointments.push({
						...base(providerId, patientId, type, start),
						id: demoId(random, start),
						seriesId: '',
						occurrenceDate: '',
						flow: flowFor(start, type.minutes, stamp, random, visitRoom(providerId))
					});
					minute += type.minutes;
				}
			}
		}
	}
	return { types, templates, holidays, series, appointments };
}

/** Where a visit starting at `start` stands at `now`: done or missed in the past, in flow today. */
function flowFor(
	start: number,
	minutes: number,
	now: number,
	random: () => number,
	room: { roomId: string; assistantId?: string }
): Flow {
	const iso = (ms: number) => new Date(ms).toISOString();
	const booked = iso(start - 14 * 86_400_000);
	const stamps: Flow['stamps'] = { scheduled: booked };
	const roll = random();
	if (start > now + 30 * 60_000) {
		if (roll < 0.04) {
			return {
				status: 'cancelled',
				stamps: { ...stamps, cancelled: iso(now - 3_600_000) },
				reason: pick(random, CANCEL_REASONS)
			};
		}
		return { status: 'scheduled', stamps };
	}
	if (start < now - 2 * 3_600_000 && roll < 0.06) {
		return {
			status: 'no-show',
			stamps: { ...stamps, 'no-show': iso(start + 20 * 60_000) },
			reason: 'Did not arrive'
		};
	}
	if (start < now - 2 * 3_600_000 && roll < 0.14) {
		return {
			status: 'cancelled',
			stamps: { ...stamps, cancelled: iso(start - 86_400_000) },
			reason: pick(random, CANCEL_REASONS)
		};
	}
	// Steps at plausible offsets from the booked start; only those already past are reached.
	const steps: [Flow['status'], number][] = [
		['arrived', -10],
		['roomed', 5],
		['with-provider', 12],
		['checkout', minutes],
		['done', minutes + 8]
	];
	let flow: Flow = { status: 'scheduled', stamps };
	// The clinic runs late by a varying amount, so today's board shows every step.
	const late = Math.floor(random() * 30) * 60_000;
	for (const [status, offset] of steps) {
		const when = start + offset * 60_000 + (status === 'arrived' ? 0 : late);
		if (when > now) break;
		flow = { ...flow, status, stamps: { ...flow.stamps, [status]: iso(when) } };
		if (status === 'roomed') flow = { ...flow, ...room };
	}
	return flow;
}
