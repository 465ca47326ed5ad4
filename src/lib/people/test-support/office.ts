/**
 * An office for people tests: a manager holding every area, the office's authority open, and a
 * people context to make changes with (audit entries are only counted here: the audit log has
 * tests of its own). `signIn` opens someone's keys as their sign-in would.
 */
import type { AuditLog } from '$lib/core/audit/audit-log';
import type { AuthorityLog } from '$lib/core/authority/authority-log';
import {
	createOffice,
	openAuthority,
	readOffice,
	unlockPerson,
	type UnlockedKeys
} from '$lib/core/keys/vault';
import type { OfficeDatabase } from '$lib/core/storage/db';
import { deleteDatabase, FAST_ITERATIONS, testDatabase } from '$lib/core/test-support/test-office';
import type { PeopleContext } from '../admin';
import { ALL_AREAS } from '../roles';

export const MANAGER_PASSPHRASE = 'seven quiet lanterns over the hill';

export interface PeopleOffice {
	db: OfficeDatabase;
	manager: UnlockedKeys;
	log: AuthorityLog;
	context: PeopleContext;
	/** Audit events recorded through the context. */
	audited: { action: string; target: string; detail?: string }[];
	signIn(personId: string, passphrase: string): Promise<UnlockedKeys>;
	/** A people context for someone else signed in here (another manager). */
	contextOf(keys: UnlockedKeys): PeopleContext;
	dispose(): Promise<void>;
}

/** A stand-in audit log that keeps what it was given. */
export function recordingAudit(into: PeopleOffice['audited']): AuditLog {
	return {
		record: (event: { action: string; target: string; detail?: string }) => {
			into.push(event);
			return Promise.resolve(undefined);
		}
	} as unknown as AuditLog;
}

/** A new office on a database of its own (or the one given). */
export async function createPeopleOffice(db = testDatabase()): Promise<PeopleOffice> {
	await createOffice(db, {
		passphrase: MANAGER_PASSPHRASE,
		areas: [...ALL_AREAS],
		iterations: FAST_ITERATIONS
	});
	const office = await readOffice(db);
	return officeOn(db, office!.ownerPersonId);
}

/** A second device of the same office (as pairing would leave it), with its authority open. */
export async function secondDevice(first: PeopleOffice): Promise<PeopleOffice> {
	const { readTransfer, writeTransfer } = await import('$lib/core/pairing/office-transfer');
	const { newDeviceRow } = await import('$lib/core/keys/device');
	const db = testDatabase();
	await writeTransfer(
		db,
		await readTransfer(first.db, 'wss://relay.example.org'),
		await newDeviceRow()
	);
	return officeOn(db, first.manager.personId);
}

/** The office on `db` with its authority open and the manager (`managerId`) signed in. */
async function officeOn(db: OfficeDatabase, managerId: string): Promise<PeopleOffice> {
	const log = (await openAuthority(db, { channelName: null }))!;
	const audited: PeopleOffice['audited'] = [];
	const contextOf = (keys: UnlockedKeys): PeopleContext => ({
		db,
		log,
		keys,
		audit: recordingAudit(audited),
		now: () => new Date(),
		iterations: FAST_ITERATIONS
	});
	const signIn = (personId: string, passphrase: string) =>
		unlockPerson(db, log, personId, { passphrase });
	const manager = await signIn(managerId, MANAGER_PASSPHRASE);
	return {
		db,
		manager,
		log,
		context: contextOf(manager),
		audited,
		contextOf,
		signIn,
		async dispose() {
			await log.close();
			await deleteDatabase(db);
		}
	};
}

/** Both devices learn every op the other has (what sync does for the people document). */
export async function exchange(...offices: PeopleOffice[]): Promise<void> {
	for (const from of offices) {
		for (const to of offices) if (to !== from) await to.log.import(from.log.storedOps());
	}
}
