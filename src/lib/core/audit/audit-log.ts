/**
 * The one audit API every area calls: who viewed or changed what, when, on which device.
 *
 * Entries live in the `audit` area's documents, one per month, encrypted like all office data.
 * Each device appends to its own hash chain (a Y.Map keyed by the zero-padded sequence number),
 * so devices never contend for the same chain and merged documents keep every chain's order.
 * The head of this device's chain is kept locally too, so an entry cut off the end is caught.
 * Appends are serialized across tabs with a Web Lock where the browser has one.
 */
import type * as Y from 'yjs';
import type { DocumentStore } from '../documents/document-store';
import { readMeta, writeMeta, type OfficeDatabase } from '../storage/db';
import { chainEntry, verifyChain, type AuditEntry, type ChainVerdict } from './chain';

export const AUDIT_AREA = 'audit';

export interface AuditEvent {
	action: string;
	/** What was acted on, as `area/collection/id`. */
	target: string;
	/** A short description without sensitive values (the log is read by managers). */
	detail?: string;
}

interface ChainHead {
	seq: number;
	hash: string;
}

export interface DeviceChainVerdict {
	device: string;
	verdict: ChainVerdict;
}

const SEQ_WIDTH = 12;
const chainName = (device: string) => `chain:${device}`;
const seqKey = (seq: number) => String(seq).padStart(SEQ_WIDTH, '0');

export class AuditLog {
	#appending: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly db: OfficeDatabase,
		private readonly documents: DocumentStore,
		private readonly deviceId: string,
		private readonly actor: () => string,
		private readonly now: () => Date = () => new Date()
	) {}

	/** Appends one entry to this device's chain and stores it durably. */
	record(event: AuditEvent): Promise<AuditEntry> {
		const next = this.#appending.then(() => this.#withLock(() => this.#append(event)));
		this.#appending = next.catch(() => undefined);
		return next;
	}

	/** Every entry of one month (all devices), oldest first. */
	async entries(period: string): Promise<AuditEntry[]> {
		const { doc } = await this.documents.open({ area: AUDIT_AREA, period });
		const all: AuditEntry[] = [];
		for (const name of doc.share.keys()) {
			if (name.startsWith('chain:')) all.push(...sortedEntries(doc.getMap<AuditEntry>(name)));
		}
		return all.sort(byTime);
	}

	/**
	 * Every entry of the months `from`..`to` ('YYYY-MM', inclusive), oldest first. Only months
	 * that hold entries are opened, so a long range costs what its stored months cost.
	 */
	async entriesBetween(from: string, to: string): Promise<AuditEntry[]> {
		const months = (await this.periods()).filter((period) => period >= from && period <= to);
		const lists = await Promise.all(months.map((period) => this.entries(period)));
		return lists.flat().sort(byTime);
	}

	/** The months that have audit entries on this device. */
	async periods(): Promise<string[]> {
		const prefix = `${AUDIT_AREA}/`;
		const [logged, snapshotted] = await Promise.all([
			this.db.updates.where('docId').startsWith(prefix).uniqueKeys(),
			this.db.snapshots.where('docId').startsWith(prefix).primaryKeys()
		]);
		const ids = new Set([...logged, ...snapshotted].map(String));
		return [...ids].map((id) => id.slice(prefix.length)).sort();
	}

	/** Checks every device's chain across all months; this device's also against its stored head. */
	async verify(): Promise<DeviceChainVerdict[]> {
		const chains = new Map<string, AuditEntry[]>();
		for (const period of await this.periods()) {
			const { doc } = await this.documents.open({ area: AUDIT_AREA, period });
			for (const name of doc.share.keys()) {
				if (!name.startsWith('chain:')) continue;
				const device = name.slice('chain:'.length);
				const list = chains.get(device) ?? [];
				list.push(...sortedEntries(doc.getMap<AuditEntry>(name)));
				chains.set(device, list);
			}
		}
		const head = await this.#head();
		if (head && !chains.has(this.deviceId)) chains.set(this.deviceId, []);
		const verdicts: DeviceChainVerdict[] = [];
		for (const [device, entries] of chains) {
			const expected = device === this.deviceId ? (head ?? undefined) : undefined;
			verdicts.push({ device, verdict: await verifyChain(entries, expected) });
		}
		return verdicts;
	}

	async #append(event: AuditEvent): Promise<AuditEntry> {
		const at = this.now().toISOString();
		const entry = await chainEntry(await this.#head(), {
			at,
			actor: this.actor(),
			device: this.deviceId,
			action: event.action,
			target: event.target,
			detail: event.detail ?? ''
		});
		const document = await this.documents.open({ area: AUDIT_AREA, period: at.slice(0, 7) });
		document.transact((doc) => doc.getMap(chainName(this.deviceId)).set(seqKey(entry.seq), entry));
		await this.documents.flush();
		await writeMeta(this.db, this.#headKey(), { seq: entry.seq, hash: entry.hash });
		return entry;
	}

	#head(): Promise<ChainHead | null> {
		return readMeta<ChainHead | null>(this.db, this.#headKey(), null);
	}

	#headKey(): string {
		return `audit-head:${this.deviceId}`;
	}

	async #withLock<T>(work: () => Promise<T>): Promise<T> {
		const locks = globalThis.navigator?.locks;
		if (!locks) return work();
		return locks.request(`practice-office:audit:${this.deviceId}`, work);
	}
}

const byTime = (a: AuditEntry, b: AuditEntry) => a.at.localeCompare(b.at) || a.seq - b.seq;

/** A chain's entries by key; an entry filed under another seq than its own reads as edited. */
function sortedEntries(chain: Y.Map<AuditEntry>): AuditEntry[] {
	return [...chain.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, entry]) => ({ ...entry, seq: entry.seq === Number(key) ? entry.seq : -1 }));
}
