/**
 * Offices for the audit log's tests: the manager's test office with its authority open, people
 * added with real keys (a front-desk person holds the `audit` key but not `audit-read`), other
 * devices of the office with databases of their own, and syncing audit rows between databases
 * the way the relay would hand them on.
 */
import { ulid } from 'ulid';
import type { AuthorityLog } from '../../authority/authority-log';
import { grantsOf, type AuthorityState } from '../../authority/state';
import { DocumentStore } from '../../documents/document-store';
import { deviceEntryOf, newDeviceRow } from '../../keys/device';
import { keyringCipher } from '../../keys/document-cipher';
import { unwrapGrant, wrapAreaKey } from '../../keys/grants';
import { newPersonEntry, personSigner, unlockPerson, type UnlockedKeys } from '../../keys/vault';
import type { OfficeDatabase } from '../../storage/db';
import { openPeople } from '../../test-support/people';
import {
	createTestOffice,
	deleteDatabase,
	FAST_ITERATIONS,
	testDatabase,
	type TestOffice
} from '../../test-support/test-office';
import { AUDIT_AREA } from '../audit-document';
import { AuditLog, type AuditLogOptions } from '../audit-log';

export interface AuditDevice {
	deviceId: string;
	db: OfficeDatabase;
	documents: DocumentStore;
	audit: AuditLog;
}

export interface AuditOffice {
	office: TestOffice;
	log: AuthorityLog;
	state(): AuthorityState;
	/** An audit log on this office's database for `keys` (another person on the same device). */
	auditFor(keys: UnlockedKeys, options?: Partial<AuditLogOptions>): AuditLog;
	/** Adds a person holding the keys of `areas`, signed in on the office's device. */
	addPerson(name: string, roles: string[], areas: string[]): Promise<UnlockedKeys>;
	/** Adds a device of its own database, the manager signed in on it. */
	addDevice(name: string): Promise<AuditDevice>;
	removeDevice(deviceId: string): Promise<void>;
	dispose(): Promise<void>;
}

const PASSPHRASE = 'amber gulls over a grey harbour';

/** The test office (manager, areas alpha, beta, audit, audit-read) with its authority open. */
export async function createAuditOffice(options: { now?: () => Date } = {}): Promise<AuditOffice> {
	const office = await createTestOffice(options);
	const log = await openPeople(office.db);
	const manager = office.keys;
	const devices: AuditDevice[] = [];
	const state = () => log.require();
	const auditFor = (keys: UnlockedKeys, extra: Partial<AuditLogOptions> = {}) =>
		new AuditLog(office.db, office.workspace.documents, {
			officeId: keys.officeId,
			deviceId: keys.deviceId,
			actor: () => keys.personId,
			person: () => keys.person,
			authority: () => log.state,
			keyring: keys.keyring,
			now: options.now,
			...extra
		});
	return {
		office,
		log,
		state,
		auditFor,
		async addPerson(name, roles, areas) {
			const { officeId, rootKey } = state();
			const entry = await newPersonEntry(
				{ officeId, rootKey, personId: ulid() },
				{ name, roles },
				PASSPHRASE,
				FAST_ITERATIONS
			);
			await log.append([{ kind: 'person-add', person: entry }], personSigner(manager));
			const person = state().persons.get(entry.id)!;
			const grants = [];
			for (const grant of grantsOf(state(), manager.personId)) {
				if (!areas.includes(grant.area)) continue;
				const raw = await unwrapGrant(manager.person, grant);
				grants.push(await wrapAreaKey(raw, grant.area, grant, person));
				raw.fill(0);
			}
			if (grants.length > 0) await log.append([{ kind: 'grant', grants }], personSigner(manager));
			return unlockPerson(office.db, log, entry.id, { passphrase: PASSPHRASE });
		},
		async addDevice(name) {
			const db = testDatabase();
			const row = await newDeviceRow();
			await db.device.put(row);
			await log.append(
				[{ kind: 'device-add', device: deviceEntryOf(row, name) }],
				personSigner(manager)
			);
			const documents = new DocumentStore(
				db,
				keyringCipher(manager.keyring, row.deviceId),
				row.deviceId,
				{
					channelName: null
				}
			);
			const audit = new AuditLog(db, documents, {
				officeId: manager.officeId,
				deviceId: row.deviceId,
				actor: () => manager.personId,
				person: () => manager.person,
				authority: () => log.state,
				keyring: manager.keyring,
				now: options.now
			});
			const device = { deviceId: row.deviceId, db, documents, audit };
			devices.push(device);
			return device;
		},
		async removeDevice(deviceId) {
			await log.append([{ kind: 'device-remove', deviceId }], personSigner(manager));
		},
		async dispose() {
			for (const device of devices) {
				await device.documents.close();
				await deleteDatabase(device.db);
			}
			await log.close();
			await office.dispose();
		}
	};
}

/**
 * Hands the audit rows of `from` to `to` as sync would (rows `to` already has are skipped), and
 * brings `to`'s open documents up to them.
 */
export async function syncAudit(
	from: { db: OfficeDatabase },
	to: { db: OfficeDatabase; documents: DocumentStore }
): Promise<void> {
	const prefix = `${AUDIT_AREA}/`;
	const rows = await from.db.updates.where('docId').startsWith(prefix).toArray();
	const have = await to.db.updates.where('docId').startsWith(prefix).toArray();
	const seen = new Set(have.map((row) => `${row.deviceId}|${row.link}|${String(row.nonce)}`));
	const fresh = rows.filter((row) => !seen.has(`${row.deviceId}|${row.link}|${String(row.nonce)}`));
	await to.db.updates.bulkAdd(fresh.map(({ id: _id, ...row }) => ({ ...row, synced: 1 as const })));
	for (const docId of new Set(fresh.map((row) => row.docId)))
		await to.documents.notifyStored(docId);
}

/**
 * Every audit row and snapshot of `db` opened with `keyring`'s area keys: all that someone who
 * holds the `audit` key (everyone) can read of the log on that device.
 */
export async function openedAuditRows(
	db: OfficeDatabase,
	keys: Pick<UnlockedKeys, 'keyring' | 'deviceId'>
): Promise<Uint8Array[]> {
	const cipher = keyringCipher(keys.keyring, keys.deviceId);
	const prefix = `${AUDIT_AREA}/`;
	const rows = [
		...(await db.updates.where('docId').startsWith(prefix).toArray()),
		...(await db.snapshots.where('docId').startsWith(prefix).toArray())
	];
	return Promise.all(rows.map((row) => cipher.open(row.docId, AUDIT_AREA, row)));
}

/** Whether any of the byte arrays holds `text` as UTF-8. */
export function bytesContain(list: readonly Uint8Array[], text: string): boolean {
	const needle = new TextEncoder().encode(text);
	return list.some((bytes) => {
		outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
			for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
			return true;
		}
		return false;
	});
}
