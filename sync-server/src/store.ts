/**
 * The relay's store: offices here; devices, admins, documents, compaction and blobs in their own
 * modules. Every write runs in a transaction (nested in the commit queue's batch transaction, it
 * becomes a savepoint), so a refused or failed write leaves nothing behind.
 */
import type Database from 'better-sqlite3';
import { AdminStore } from './admins';
import { BlobStore } from './blobs';
import { CompactionStore } from './compaction';
import { DeviceStore, type DeviceRecord, type DeviceSummary } from './devices';
import { DocumentStore } from './documents';
import { RelayError } from './errors';
import { openDatabase } from './schema';

export type { DeviceRecord, DeviceSummary } from './devices';

/** Who belongs to an office: the header of READY and DEVICES. */
export interface Roster {
	devices: DeviceSummary[];
	admins: string[];
}

export class Store {
	readonly devices: DeviceStore;
	readonly admins: AdminStore;
	readonly documents: DocumentStore;
	readonly compaction: CompactionStore;
	readonly blobs: BlobStore;
	private open = true;
	private readonly sql;

	private constructor(readonly db: Database.Database) {
		this.devices = new DeviceStore(db);
		this.admins = new AdminStore(db);
		this.documents = new DocumentStore(db);
		this.compaction = new CompactionStore(db);
		this.blobs = new BlobStore(db);
		this.sql = {
			office: db.prepare<[string], { n: number }>('SELECT 1 AS n FROM offices WHERE office_id = ?'),
			countOffices: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM offices'),
			insertOffice: db.prepare<[string, number]>(
				'INSERT INTO offices (office_id, devices, created_at) VALUES (?, 1, ?)'
			),
			probe: db.prepare('SELECT 1 FROM offices LIMIT 1')
		};
	}

	/** Opens the database at `path` (created if missing). */
	static open(path: string): Store {
		return new Store(openDatabase(path));
	}

	officeExists(officeId: string): boolean {
		return this.sql.office.get(officeId) !== undefined;
	}

	/** The device of an office by id, if enrolled (revoked or not). */
	device(officeId: string, deviceId: string): DeviceRecord | undefined {
		return this.devices.get(officeId, deviceId);
	}

	roster(officeId: string): Roster {
		return { devices: this.devices.list(officeId), admins: this.admins.list(officeId) };
	}

	/**
	 * Creates an office with its first device and its first admin key; refuses a known office id
	 * or one office too many.
	 */
	registerOffice(
		officeId: string,
		deviceId: string,
		publicKey: Buffer,
		adminKey: string,
		maxOffices: number
	): DeviceRecord {
		return this.db.transaction(() => {
			if (this.officeExists(officeId)) {
				throw new RelayError('office-exists', 'this office is already registered', true);
			}
			if ((this.sql.countOffices.get()?.n ?? 0) >= maxOffices) {
				throw new RelayError('quota', 'the relay holds as many offices as it may', true);
			}
			this.sql.insertOffice.run(officeId, Date.now());
			this.admins.add(officeId, adminKey, '');
			return this.devices.insert(officeId, deviceId, publicKey, '');
		})();
	}

	/** Whether the database is open, readable and writable. */
	healthy(): boolean {
		if (!this.open) return false;
		try {
			this.sql.probe.get();
			// Taking the write lock proves the file is writable (a read-only or vanished file fails).
			if (!this.db.inTransaction) this.db.transaction(() => undefined).immediate();
			return true;
		} catch {
			return false;
		}
	}

	close(): void {
		if (!this.open) return;
		this.open = false;
		this.db.close();
	}
}
