/**
 * The one audit API every area calls: who viewed or changed what, when, on which device.
 *
 * Everyone signed in appends; only managers read. Each entry's content is sealed to the office's
 * audit key (entry-key.ts, sealed-entry.ts), whose private half only managers hold, and signed
 * by the writing device and by the person it names (signatures.ts). Entries live in the `audit`
 * area's month documents (audit-document.ts), each device in its own hash chain; after each
 * append the device shares its signed chain end there too, so any device can tell an entry cut
 * off another's chain. The head of this device's chain is also kept locally. Appends are
 * serialized across tabs with a Web Lock where the browser has one.
 *
 * Nothing is ever written in plaintext: without an audit key, `record` refuses.
 */
import { newestAuditKey, type AuditKeyState, type AuthorityState } from '../authority/state';
import type { DocumentStore } from '../documents/document-store';
import type { AreaKeyring } from '../keys/area-keyring';
import { openAuditKey } from '../keys/audit-key';
import type { PersonKeys } from '../keys/person-secret';
import { readMeta, writeMeta, type OfficeDatabase } from '../storage/db';
import {
	AUDIT_AREA,
	chainName,
	epkName,
	HEADS,
	readMonth,
	sealedKey,
	type MonthView
} from './audit-document';
import type { AuditEntry, ChainHead } from './chain';
import { auditKeyRef, newEntrySealer, type EntrySealer } from './entry-key';
import { AuditReadError, canRead, entryOpener, OpeningKeys } from './entry-opener';
import { migrateMonth } from './migrate-legacy';
import { readMonthEntries } from './read-entries';
import { sealEntry, signHead, type EntrySigner } from './sealed-entry';
import { verifyChains, type DeviceChainVerdict } from './verify-chains';

export { AUDIT_AREA } from './audit-document';
export { AuditReadError } from './entry-opener';
export type { DeviceChainVerdict } from './verify-chains';

export interface AuditEvent {
	action: string;
	/** What was acted on, as `area/collection/id`. */
	target: string;
	/** A short description without sensitive values (the log is read by managers). */
	detail?: string;
}

export interface AuditLogOptions {
	officeId: string;
	deviceId: string;
	/** The signed-in person's id. */
	actor: () => string;
	/** Their keys: their signing key signs each entry they make (null: nobody's). */
	person: () => PersonKeys | null;
	/** The office's authority now: the audit key, and every device's and person's keys. */
	authority: () => AuthorityState | null | Promise<AuthorityState | null>;
	/** The signed-in person's area keys (a manager's open the log). */
	keyring: AreaKeyring;
	now?: () => Date;
}

/** The office has no audit key yet (an office made before sealed entries, not migrated). */
export class NoAuditKeyError extends Error {
	override name = 'NoAuditKeyError';
	constructor() {
		super(
			'The audit log cannot be written yet: this office has no audit key. An office manager needs to sign in once to finish setting it up.'
		);
	}
}

export class AuditLog {
	#appending: Promise<unknown> = Promise.resolve();
	readonly #sealers = new Map<string, Promise<EntrySealer>>();
	readonly #opening = new OpeningKeys();
	readonly #now: () => Date;

	constructor(
		private readonly db: OfficeDatabase,
		private readonly documents: DocumentStore,
		private readonly options: AuditLogOptions
	) {
		this.#now = options.now ?? (() => new Date());
	}

	/** Whether the signed-in person can read entries (holds the audit-read key). */
	get canRead(): boolean {
		return canRead(this.options.keyring);
	}

	/** Appends one entry to this device's chain and stores it durably. */
	record(event: AuditEvent): Promise<AuditEntry> {
		const next = this.#appending.then(() => this.#withLock(() => this.#append(event)));
		this.#appending = next.catch(() => undefined);
		return next;
	}

	/** Every entry of one month (all devices), oldest first; managers only (AuditReadError). */
	async entries(period: string): Promise<AuditEntry[]> {
		const state = await this.options.authority();
		const opener = entryOpener(this.#opening, this.options.keyring, this.options.officeId, state);
		const view = await this.#month(period);
		const entries = await readMonthEntries(view, {
			officeId: this.options.officeId,
			state,
			opener
		});
		return entries.sort(byTime);
	}

	/**
	 * Every entry of the months `from`..`to` ('YYYY-MM', inclusive), oldest first. Only months
	 * that hold entries are opened, so a long range costs what its stored months cost.
	 */
	async entriesBetween(from: string, to: string): Promise<AuditEntry[]> {
		if (!this.canRead) throw new AuditReadError();
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

	/**
	 * Checks every device's chain across all months (anyone can); a manager's check also covers
	 * the people entries name. This device's chain is also checked against its stored head.
	 */
	async verify(): Promise<DeviceChainVerdict[]> {
		const { officeId, deviceId, keyring } = this.options;
		const state = await this.options.authority();
		const months: MonthView[] = [];
		for (const period of await this.periods()) months.push(await this.#month(period));
		return verifyChains(months, {
			officeId,
			state,
			thisDevice: deviceId,
			localHead: await this.#head(),
			localLegacyHead: await readMeta<ChainHead | null>(this.db, legacyHeadKey(deviceId), null),
			opener: canRead(keyring) ? entryOpener(this.#opening, keyring, officeId, state) : null
		});
	}

	/**
	 * Carries over every plaintext entry from before sealed entries, month by month (see
	 * migrate-legacy.ts): idempotent, and resumable after an interruption. Only someone who
	 * holds the audit key can. Returns how many entries were carried over.
	 */
	async migrateLegacy(): Promise<{ months: number; entries: number }> {
		const auditKey = await this.#auditKey();
		if (!(await openAuditKey(this.options.keyring, auditKey))) {
			throw new AuditReadError('Only an office manager can carry over the old audit log.');
		}
		const actor = this.options.actor();
		const signer = await this.#signer(actor);
		const done = { months: 0, entries: 0 };
		for (const period of await this.periods()) {
			const ref = { area: AUDIT_AREA, period };
			const document = await this.documents.open(ref);
			const sealer = await this.#sealer(period, auditKey);
			const at = this.#now().toISOString();
			const result = await migrateMonth(document, { signer, personId: actor, at, sealer });
			if (!result.changed) continue;
			// The old rows still hold the plaintext (under the area key): fold them away.
			await this.documents.flush();
			await this.documents.compact(ref);
			done.months++;
			done.entries += result.sealed;
		}
		return done;
	}

	/** Forgets the keys opened and made this session (sign-out). */
	close(): void {
		this.#opening.clear();
		this.#sealers.clear();
	}

	async #append(event: AuditEvent): Promise<AuditEntry> {
		const auditKey = await this.#auditKey();
		const { deviceId } = this.options;
		const actor = this.options.actor();
		const signer = await this.#signer(actor);
		const at = this.#now().toISOString();
		const period = at.slice(0, 7);
		const document = await this.documents.open({ area: AUDIT_AREA, period });
		const sealer = await this.#sealer(period, auditKey);
		const content = {
			at,
			actor,
			device: deviceId,
			action: event.action,
			target: event.target,
			detail: event.detail ?? ''
		};
		const entry = await sealEntry(await this.#head(), content, sealer, signer);
		const head = await signHead(signer, entry);
		document.transact((doc) => {
			const epks = doc.getMap<JsonWebKey>(epkName(deviceId));
			if (!epks.has(sealer.epkId)) epks.set(sealer.epkId, sealer.publicJwk);
			doc.getMap(chainName(deviceId)).set(sealedKey(entry.seq), entry);
			doc.getMap(HEADS).set(deviceId, head);
		});
		await this.documents.flush();
		await writeMeta(this.db, headKey(deviceId), { seq: entry.seq, hash: entry.hash });
		const { seq, prevHash, hash } = entry;
		return {
			...content,
			seq,
			prevHash,
			hash,
			trust: signer.personKey ? 'verified' : 'actor-unverified'
		};
	}

	async #auditKey(): Promise<AuditKeyState> {
		const state = await this.options.authority();
		const auditKey = state ? newestAuditKey(state) : null;
		if (!state || !auditKey) throw new NoAuditKeyError();
		if (state.officeId !== this.options.officeId) {
			throw new Error('The audit log belongs to another office than the one signed in.');
		}
		return auditKey;
	}

	/** The device's signing key, and the person's when they are the actor and have one. */
	async #signer(actor: string): Promise<EntrySigner> {
		const { officeId, deviceId } = this.options;
		const device = await this.db.device.get('this-device');
		if (!device || device.deviceId !== deviceId) {
			throw new Error('This device’s keys are not the ones this session was opened with.');
		}
		const person = this.options.person();
		const personKey = person?.personId === actor ? person.signingPrivate : null;
		return { officeId, deviceId, deviceKey: device.signingPrivateKey, personKey };
	}

	/** This session's sealing key for a month and audit key (one ephemeral key pair each). */
	#sealer(period: string, auditKey: AuditKeyState): Promise<EntrySealer> {
		const id = `${period}|${auditKeyRef(auditKey)}`;
		let sealer = this.#sealers.get(id);
		if (!sealer) {
			sealer = newEntrySealer(auditKey);
			sealer.catch(() => this.#sealers.delete(id));
			this.#sealers.set(id, sealer);
		}
		return sealer;
	}

	async #month(period: string): Promise<MonthView> {
		return readMonth((await this.documents.open({ area: AUDIT_AREA, period })).doc);
	}

	#head(): Promise<ChainHead | null> {
		return readMeta<ChainHead | null>(this.db, headKey(this.options.deviceId), null);
	}

	async #withLock<T>(work: () => Promise<T>): Promise<T> {
		const locks = globalThis.navigator?.locks;
		if (!locks) return work();
		return locks.request(`practice-office:audit:${this.options.deviceId}`, work);
	}
}

// Meta keys start with 'audit-head:' so backups keep them (backup/office-rows.ts).
const headKey = (device: string) => `audit-head:v2:${device}`;
/** Where the old plaintext chain's end was remembered. */
const legacyHeadKey = (device: string) => `audit-head:${device}`;

const byTime = (a: AuditEntry, b: AuditEntry) => a.at.localeCompare(b.at) || a.seq - b.seq;
