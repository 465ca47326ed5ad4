/**
 * How the audit log lies in its documents: area `audit`, one document per month ('YYYY-MM').
 *
 * - `chain:<device>`: the device's sealed entries, keyed `v2:<seq>` (zero-padded); entries of the
 *   old plaintext format sit under `<seq>` until a manager carries them over;
 * - `epk:<device>`: the device's ephemeral public keys (entry-key.ts), by id;
 * - `heads`: each device's signed chain end (`<device>`) and the signed end of each chain carried
 *   over (`legacy:<device>`), so every device can tell entries cut off the end;
 * - `legacy:<device>`: the device's old entries, carried over, keyed `<seq>`.
 *
 * Each device writes only its own chain, so devices never contend for one map, and merged
 * documents keep every chain's order. Reading turns whatever is stored into typed values; a
 * value that is not what its place says comes out as one that fails its hash check.
 */
import type * as Y from 'yjs';
import { parseCarried, type CarriedRecord } from './carried-entry';
import { isLegacyEntry, normalLegacy, type LegacyEntry } from './legacy-chain';
import { parseSealed, type SealedEntry } from './sealed-entry';

export const AUDIT_AREA = 'audit';
export const HEADS = 'heads';

const SEQ_WIDTH = 12;
const SEALED_PREFIX = 'v2:';

export const seqKey = (seq: number) => String(seq).padStart(SEQ_WIDTH, '0');
export const sealedKey = (seq: number) => `${SEALED_PREFIX}${seqKey(seq)}`;
export const chainName = (device: string) => `chain:${device}`;
export const legacyName = (device: string) => `legacy:${device}`;
export const epkName = (device: string) => `epk:${device}`;
/** The key of a carried-over chain's end in `heads`. */
export const legacyHeadKey = legacyName;

/** One month of the log, read from its document. */
export interface MonthView {
	/** By device, in key order. */
	sealed: Map<string, SealedEntry[]>;
	unsealed: Map<string, LegacyEntry[]>;
	carried: Map<string, CarriedRecord[]>;
	/** The raw values of the `heads` map. */
	heads: Map<string, unknown>;
	epks: Map<string, Map<string, JsonWebKey>>;
}

/** Reads every part of one month's document. */
export function readMonth(doc: Y.Doc): MonthView {
	const view: MonthView = {
		sealed: new Map(),
		unsealed: new Map(),
		carried: new Map(),
		heads: new Map(doc.getMap(HEADS).entries()),
		epks: new Map()
	};
	for (const name of doc.share.keys()) {
		const [kind, device] = splitName(name);
		if (!device) continue;
		const map = doc.getMap<unknown>(name);
		if (kind === 'chain') readChain(map, device, view);
		if (kind === 'legacy') {
			view.carried.set(
				device,
				sorted(map).map(([key, value]) => carriedAt(key, value))
			);
		}
		if (kind === 'epk') view.epks.set(device, new Map(map.entries()) as Map<string, JsonWebKey>);
	}
	return view;
}

function splitName(name: string): [string, string] {
	const colon = name.indexOf(':');
	return colon < 0 ? [name, ''] : [name.slice(0, colon), name.slice(colon + 1)];
}

function readChain(map: Y.Map<unknown>, device: string, view: MonthView): void {
	const sealed: SealedEntry[] = [];
	const unsealed: LegacyEntry[] = [];
	for (const [key, value] of sorted(map)) {
		if (isSealedKey(key)) sealed.push(sealedAt(key, value));
		else unsealed.push(unsealedAt(key, value));
	}
	if (sealed.length > 0) view.sealed.set(device, sealed);
	if (unsealed.length > 0) view.unsealed.set(device, unsealed);
}

function sorted(map: Y.Map<unknown>): [string, unknown][] {
	return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether a key of a chain map holds a sealed entry (else an old plaintext one). */
export const isSealedKey = (key: string) => key.startsWith(SEALED_PREFIX);

/** The seq a key names, or -1 (which no hash matches) when it names none. */
export function seqOf(key: string): number {
	const seq = Number(key);
	return /^\d+$/.test(key) && Number.isSafeInteger(seq) ? seq : -1;
}

function sealedAt(key: string, value: unknown): SealedEntry {
	const entry = parseSealed(value);
	const seq = seqOf(key.slice(SEALED_PREFIX.length));
	if (!entry) return { ...BROKEN_SEALED, seq };
	// An entry filed under another seq than its own reads as edited.
	return entry.seq === seq ? entry : { ...entry, seq: -1 };
}

/** An old plaintext entry as stored under `key` (a stand-in when it is not one). */
export function unsealedAt(key: string, value: unknown): LegacyEntry {
	const seq = seqOf(key);
	if (!isLegacyEntry(value)) return { ...BROKEN_LEGACY, seq };
	const entry = normalLegacy(value);
	return entry.seq === seq ? entry : { ...entry, seq: -1 };
}

function carriedAt(key: string, value: unknown): CarriedRecord {
	const record = parseCarried(value);
	const seq = seqOf(key);
	if (!record) return { ...BROKEN_CARRIED, seq };
	return record.seq === seq ? record : { ...record, seq: -1 };
}

// Stand-ins for values that are not what their place says: their hash can never match.
const BROKEN_HASH = 'not an entry';
const BROKEN_SEALED: SealedEntry = {
	v: 2,
	seq: -1,
	prevHash: '',
	hash: BROKEN_HASH,
	device: '',
	key: '',
	epk: '',
	nonce: '',
	ct: '',
	sig: '',
	actorSig: null
};
const BROKEN_LEGACY: LegacyEntry = {
	seq: -1,
	at: '',
	actor: '',
	device: '',
	action: '',
	target: '',
	detail: '',
	prevHash: '',
	hash: BROKEN_HASH
};
const BROKEN_CARRIED: CarriedRecord = {
	v: 2,
	seq: -1,
	device: '',
	by: '',
	key: '',
	epk: '',
	nonce: '',
	ct: '',
	hash: BROKEN_HASH,
	sig: '',
	actorSig: null
};
