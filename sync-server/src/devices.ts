/**
 * The devices of an office: their public keys, revoked flags, and which admin added them.
 *
 * Invariants kept here, each within one transaction:
 * - a device id names one key per office for good: it is never re-enrolled, only revoked and
 *   restored (so a revoked id cannot be taken over by another key).
 * - the office's device counter counts every enrolled device, revoked or not.
 * - a change that changes nothing (adding a device enrolled with the same key, revoking a
 *   revoked one, restoring one that is not revoked) reports `false`, and writes nothing.
 */
import type Database from 'better-sqlite3';
import { RelayError } from './errors';

export interface DeviceRecord {
	key: number;
	deviceId: string;
	publicKey: Buffer;
	revoked: boolean;
}

/** One entry of READY and DEVICES. */
export interface DeviceSummary {
	deviceId: string;
	revoked: boolean;
	publicKey: string;
	/** The admin key that added it; '' for the registering device and devices of v1 relays. */
	addedBy: string;
	addedAt: number;
}

interface DeviceRow {
	device_key: number;
	device_id: string;
	public_key: Buffer;
	revoked: number;
}

type SummaryRow = Omit<DeviceSummary, 'revoked' | 'publicKey'> & {
	revoked: number;
	publicKey: Buffer;
};

const toRecord = (row: DeviceRow): DeviceRecord => ({
	key: row.device_key,
	deviceId: row.device_id,
	publicKey: row.public_key,
	revoked: row.revoked !== 0
});

const revokedError = () =>
	new RelayError('revoked', 'this device was removed from the office', true);

/** Checks, inside a write's transaction, that a device may still write; its max deviceSeq. */
export function writerCheck(db: Database.Database): (deviceKey: number) => number {
	const device = db.prepare<[number], { revoked: number; max_device_seq: number }>(
		'SELECT revoked, max_device_seq FROM devices WHERE device_key = ?'
	);
	return (deviceKey) => {
		const row = device.get(deviceKey);
		if (!row) throw new RelayError('unknown-device', 'unknown device', true);
		if (row.revoked) throw revokedError();
		return row.max_device_seq;
	};
}

export class DeviceStore {
	private readonly sql;

	constructor(private readonly db: Database.Database) {
		const prepare = db.prepare.bind(db);
		this.sql = {
			device: prepare<[string, string], DeviceRow>(
				'SELECT device_key, device_id, public_key, revoked FROM devices WHERE office_id = ? AND device_id = ?'
			),
			list: prepare<[string], SummaryRow>(
				`SELECT device_id AS deviceId, revoked, public_key AS publicKey, added_by AS addedBy, added_at AS addedAt
				 FROM devices WHERE office_id = ? ORDER BY device_key`
			),
			insert: prepare<[string, string, Buffer, string, number, number]>(
				`INSERT INTO devices (office_id, device_id, public_key, added_by, added_at, created_at)
				 VALUES (?, ?, ?, ?, ?, ?)`
			),
			office: prepare<[string], { devices: number }>(
				'SELECT devices FROM offices WHERE office_id = ?'
			),
			count: prepare<[string]>('UPDATE offices SET devices = devices + 1 WHERE office_id = ?'),
			setRevoked: prepare<[number, string, string]>(
				'UPDATE devices SET revoked = ? WHERE office_id = ? AND device_id = ?'
			)
		};
	}

	get(officeId: string, deviceId: string): DeviceRecord | undefined {
		const row = this.sql.device.get(officeId, deviceId);
		return row && toRecord(row);
	}

	list(officeId: string): DeviceSummary[] {
		return this.sql.list.all(officeId).map((row) => ({
			...row,
			revoked: row.revoked !== 0,
			publicKey: row.publicKey.toString('base64')
		}));
	}

	/** Inserts a device row (the office's counter is the caller's). */
	insert(officeId: string, deviceId: string, publicKey: Buffer, addedBy: string): DeviceRecord {
		const now = Date.now();
		this.sql.insert.run(officeId, deviceId, publicKey, addedBy, now, now);
		return this.get(officeId, deviceId) as DeviceRecord;
	}

	/** Enrolls a device; false if it is already enrolled, not revoked, with this very key. */
	add(
		officeId: string,
		deviceId: string,
		publicKey: Buffer,
		addedBy: string,
		maxDevices: number
	): boolean {
		return this.db.transaction(() => {
			const existing = this.get(officeId, deviceId);
			if (existing) {
				if (!existing.revoked && existing.publicKey.equals(publicKey)) return false;
				const hint = existing.revoked ? 'it was revoked: restore it' : 'another key holds it';
				throw new RelayError('device-exists', `this device id is taken (${hint})`);
			}
			const office = this.sql.office.get(officeId);
			if (!office) throw new RelayError('unknown-device', 'unknown office', true);
			if (office.devices >= maxDevices) {
				throw new RelayError('quota', 'the office has as many devices as it may');
			}
			this.insert(officeId, deviceId, publicKey, addedBy);
			this.sql.count.run(officeId);
			return true;
		})();
	}

	/** Revokes (true) or restores (false) a device; false if it already was so. */
	setRevoked(officeId: string, deviceId: string, revoked: boolean): boolean {
		return this.db.transaction(() => {
			const existing = this.get(officeId, deviceId);
			if (!existing) throw new RelayError('unknown-device', 'no such device in this office');
			if (existing.revoked === revoked) return false;
			this.sql.setRevoked.run(revoked ? 1 : 0, officeId, deviceId);
			return true;
		})();
	}

	/** Throws unless the device is enrolled and not revoked (guards a change at commit time). */
	requireActive(officeId: string, deviceId: string): void {
		const device = this.get(officeId, deviceId);
		if (!device) throw new RelayError('unknown-device', 'unknown device', true);
		if (device.revoked) throw revokedError();
	}
}
