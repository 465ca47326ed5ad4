/**
 * A database as a relay of protocol v1 left it (schema version 2): one office with two devices,
 * a document with a snapshot and two items after it, and a blob, all signed with the v1 texts.
 * The DDL is frozen here on purpose — it is what such files hold, whatever schema.ts becomes —
 * and so are the v1 signed texts, which clients still use to verify rows the relay migrated.
 */
import { randomBytes, sign } from 'node:crypto';
import Database from 'better-sqlite3';
import { createDevice, testId, type DeviceIdentity } from './identity';

const VERSION_2_DDL = `
CREATE TABLE offices (office_id TEXT PRIMARY KEY, bytes INTEGER NOT NULL DEFAULT 0,
	documents INTEGER NOT NULL DEFAULT 0, devices INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE devices (device_key INTEGER PRIMARY KEY, office_id TEXT NOT NULL,
	device_id TEXT NOT NULL, public_key BLOB NOT NULL, revoked INTEGER NOT NULL DEFAULT 0,
	max_device_seq INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
	UNIQUE (office_id, device_id));
CREATE TABLE documents (doc_key INTEGER PRIMARY KEY, office_id TEXT NOT NULL, doc_id TEXT NOT NULL,
	latest INTEGER NOT NULL DEFAULT 0, covers INTEGER NOT NULL DEFAULT 0, UNIQUE (office_id, doc_id));
CREATE TABLE items (doc_key INTEGER NOT NULL, seq INTEGER NOT NULL, device_key INTEGER NOT NULL,
	device_seq INTEGER NOT NULL, epoch INTEGER NOT NULL, nonce BLOB NOT NULL,
	signature BLOB NOT NULL, size INTEGER NOT NULL, payload BLOB NOT NULL,
	PRIMARY KEY (doc_key, seq));
CREATE INDEX items_by_device ON items (device_key, device_seq);
CREATE TABLE snapshots (doc_key INTEGER PRIMARY KEY, covers INTEGER NOT NULL,
	device_key INTEGER NOT NULL, device_seq INTEGER NOT NULL, epoch INTEGER NOT NULL,
	nonce BLOB NOT NULL, signature BLOB NOT NULL, size INTEGER NOT NULL, payload BLOB NOT NULL);
CREATE TABLE blobs (blob_key INTEGER PRIMARY KEY, office_id TEXT NOT NULL, blob_id TEXT NOT NULL,
	device_key INTEGER NOT NULL, epoch INTEGER NOT NULL, nonce BLOB NOT NULL,
	signature BLOB NOT NULL, size INTEGER NOT NULL, payload BLOB NOT NULL,
	created_at INTEGER NOT NULL, UNIQUE (office_id, blob_id));
PRAGMA user_version = 2;
`;

/** The v1 item text: no link. */
export function itemTextV1(item: LegacyItem): Buffer {
	const { kind, docId, deviceSeq, epoch, nonce, seq } = item;
	const covers = kind === 'snapshot' ? seq : '';
	const text = `po-item-v1|${kind}|${docId}|${deviceSeq}|${epoch}|${nonce}|${covers}|`;
	return Buffer.concat([Buffer.from(text), item.payload]);
}

/** The v1 blob text: no link. */
export function blobTextV1(blob: LegacyBlob): Buffer {
	const { blobId, epoch, nonce, payload } = blob;
	const text = `po-blob-v1|${blobId}|${epoch}|${nonce}|${payload.length}|`;
	return Buffer.concat([Buffer.from(text), payload]);
}

export interface LegacyItem {
	docId: string;
	seq: number;
	kind: 'update' | 'snapshot';
	deviceId: string;
	deviceSeq: number;
	epoch: number;
	nonce: string;
	signature: string;
	payload: Buffer;
}

export interface LegacyBlob {
	blobId: string;
	deviceId: string;
	epoch: number;
	nonce: string;
	signature: string;
	payload: Buffer;
}

export interface LegacyOffice {
	officeId: string;
	/** The registering device, then one it enrolled. */
	devices: [DeviceIdentity, DeviceIdentity];
	createdAt: [number, number];
	/** What a new device's backlog holds: the snapshot (seq = covers), then the items. */
	items: LegacyItem[];
	blob: LegacyBlob;
}

/** Writes a v1 relay's database with one office to `dbPath` (which must not exist). */
export function createLegacyDatabase(dbPath: string): LegacyOffice {
	const officeId = testId('legacy-office');
	const devices: [DeviceIdentity, DeviceIdentity] = [
		createDevice(officeId),
		createDevice(officeId)
	];
	const createdAt: [number, number] = [1_700_000_000_000, 1_700_000_100_000];
	const signed = (device: DeviceIdentity, data: Buffer) =>
		sign(null, data, device.privateKey).toString('base64');
	const item = (
		seq: number,
		kind: LegacyItem['kind'],
		device: DeviceIdentity,
		deviceSeq: number
	) => {
		const fields = {
			docId: 'directory',
			seq,
			kind,
			deviceId: device.deviceId,
			deviceSeq,
			epoch: 1
		};
		const unsigned = { ...fields, nonce: randomBytes(12).toString('base64'), signature: '' };
		const payload = Buffer.from(`v1 ${kind} ${seq}`);
		return {
			...unsigned,
			payload,
			signature: signed(device, itemTextV1({ ...unsigned, payload }))
		};
	};
	const items = [item(2, 'snapshot', devices[0], 3), item(3, 'update', devices[0], 4)];
	items.push(item(4, 'update', devices[1], 1));
	const blobFields = { blobId: 'legacy-blob', deviceId: devices[1].deviceId, epoch: 1 };
	const blobUnsigned = { ...blobFields, nonce: randomBytes(12).toString('base64') };
	const blobPayload = Buffer.from('a scan stored by a v1 relay');
	const blob = {
		...blobUnsigned,
		payload: blobPayload,
		signature: signed(
			devices[1],
			blobTextV1({ ...blobUnsigned, signature: '', payload: blobPayload })
		)
	};

	const db = new Database(dbPath);
	try {
		db.exec(VERSION_2_DDL);
		const bytes = [...items, blob].reduce((sum, row) => sum + row.payload.length, 0);
		db.prepare('INSERT INTO offices VALUES (?, ?, 1, 2, ?)').run(officeId, bytes, createdAt[0]);
		const insertDevice = db.prepare('INSERT INTO devices VALUES (?, ?, ?, ?, 0, ?, ?)');
		devices.forEach((device, i) => {
			const raw = Buffer.from(device.publicKey, 'base64');
			insertDevice.run(i + 1, officeId, device.deviceId, raw, i === 0 ? 4 : 1, createdAt[i]);
		});
		db.prepare('INSERT INTO documents VALUES (1, ?, ?, 4, 2)').run(officeId, 'directory');
		const deviceKey = (deviceId: string) => (deviceId === devices[0].deviceId ? 1 : 2);
		for (const row of items) {
			const table =
				row.kind === 'snapshot' ? 'snapshots (doc_key, covers,' : 'items (doc_key, seq,';
			db.prepare(
				`INSERT INTO ${table} device_key, device_seq, epoch, nonce, signature, size, payload)
				 VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`
			).run(
				row.seq,
				deviceKey(row.deviceId),
				row.deviceSeq,
				row.epoch,
				Buffer.from(row.nonce, 'base64'),
				Buffer.from(row.signature, 'base64'),
				row.payload.length,
				row.payload
			);
		}
		db.prepare('INSERT INTO blobs VALUES (1, ?, ?, 2, ?, ?, ?, ?, ?, ?)').run(
			officeId,
			blob.blobId,
			blob.epoch,
			Buffer.from(blob.nonce, 'base64'),
			Buffer.from(blob.signature, 'base64'),
			blob.payload.length,
			blob.payload,
			createdAt[1]
		);
	} finally {
		db.close();
	}
	return { officeId, devices, createdAt, items, blob };
}
