/**
 * An office with ten years of appointments: 400,000 over 120 month documents, 8 providers. Each
 * month's Yjs document is built in memory in one transaction and stored as one sealed snapshot,
 * as a device holds a month after compaction — writing 400,000 records through commands would
 * take many minutes and measure nothing the week view pays for. Built once, deleted at teardown.
 */
import * as Y from 'yjs';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { documentId } from '$lib/core/documents/document-id';
import { writeRecord } from '$lib/core/documents/records';
import { createOffice, unlockOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import type { OfficeDatabase } from '$lib/core/storage/db';
import { appointmentsCollection, monthDocument } from '$lib/schedule/collections';
import type { Appointment } from '$lib/schedule/schema';
import { addDays, monthsOf, wallTimeToMs, weekdayOf } from '$lib/schedule/zoned-time';
import { benchDatabase, deleteDatabase } from './databases';
import { progress } from './progress';
import { atTeardown } from './teardown';

export const APPOINTMENT_COUNT = 400_000;
export const PROVIDER_COUNT = 8;
export const BENCH_TIME_ZONE = 'America/Chicago';
export const FIRST_DAY = '2017-01-01';
export const LAST_DAY = '2026-12-31';
const PASSPHRASE = 'ten years of appointments in the bench';
const SLOT_TIMES = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];

export interface ScheduleOffice {
	db: OfficeDatabase;
	passphrase: string;
	providerIds: string[];
}

/** A ULID-shaped id from a counter (distinct and valid; randomness buys nothing here). */
function benchId(n: number): string {
	const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	let tail = '';
	for (let rest = n, i = 0; i < 16; i++, rest = Math.floor(rest / 32))
		tail = alphabet[rest % 32] + tail;
	return `01J0000000${tail}`;
}

/** Weekdays of ten years; each gets the same number of visits so the total is exact. */
function workdays(): string[] {
	const days: string[] = [];
	for (let date = FIRST_DAY; date <= LAST_DAY; date = addDays(date, 1)) {
		if (weekdayOf(date) < 5) days.push(date);
	}
	return days;
}

let building: Promise<ScheduleOffice> | null = null;

/** The shared office, built on first use. */
export function scheduleOffice(): Promise<ScheduleOffice> {
	building ??= build();
	return building;
}

async function build(): Promise<ScheduleOffice> {
	const db = benchDatabase('schedule');
	atTeardown(() => deleteDatabase(db));
	progress('creating the schedule office (real PBKDF2 cost)…');
	await createOffice(db, { passphrase: PASSPHRASE, areas: [...AREAS_WITH_KEYS] });
	const keys = await unlockOffice(db, PASSPHRASE, { areas: [...AREAS_WITH_KEYS] });
	const workspace = new Workspace(db, keys, { channelName: null });
	const providerIds = Array.from({ length: PROVIDER_COUNT }, (_, n) => benchId(900_000_000 + n));
	const days = workdays();
	const perDay = Math.ceil(APPOINTMENT_COUNT / days.length);
	const byMonth = new Map<string, string[]>();
	for (const day of days)
		byMonth.set(day.slice(0, 7), [...(byMonth.get(day.slice(0, 7)) ?? []), day]);
	let written = 0;
	try {
		for (const month of monthsOf(FIRST_DAY, LAST_DAY)) {
			const doc = new Y.Doc();
			doc.transact(() => {
				for (const day of byMonth.get(month) ?? []) {
					for (let k = 0; k < perDay && written < APPOINTMENT_COUNT; k++, written++) {
						const providerId = providerIds[k % PROVIDER_COUNT];
						const slot = Math.floor(k / PROVIDER_COUNT) % SLOT_TIMES.length;
						const start = wallTimeToMs({ date: day, time: SLOT_TIMES[slot] }, BENCH_TIME_ZONE);
						const at = new Date(start - 7 * 86_400_000).toISOString();
						const id = benchId(written);
						const appointment: Appointment = {
							id,
							patientId: benchId(500_000_000 + (written % 30_000)),
							providerId,
							typeId: benchId(800_000_000 + (written % 6)),
							roomId: '',
							start: new Date(start).toISOString(),
							end: new Date(start + 20 * 60_000).toISOString(),
							note: '',
							seriesId: '',
							occurrenceDate: '',
							detached: false,
							voided: false,
							flow: { status: 'done', stamps: { scheduled: at } },
							bookedBy: providerId,
							bookedAt: at,
							updatedAt: at
						};
						writeRecord(doc, appointmentsCollection.collection, id, appointment);
					}
				}
			});
			const ref = monthDocument(month);
			const sealed = await workspace.cipher.seal(
				documentId(ref),
				ref.area,
				Y.encodeStateAsUpdate(doc)
			);
			await db.snapshots.put({
				docId: documentId(ref),
				...sealed,
				createdAt: new Date().toISOString()
			});
			doc.destroy();
			if (month.endsWith('-12'))
				progress(`stored appointments through ${month} (${written.toLocaleString('en-US')})`);
		}
	} finally {
		await workspace.close();
	}
	if (written !== APPOINTMENT_COUNT)
		throw new Error(`Wrote ${written} appointments, not ${APPOINTMENT_COUNT}.`);
	return { db, passphrase: PASSPHRASE, providerIds };
}
