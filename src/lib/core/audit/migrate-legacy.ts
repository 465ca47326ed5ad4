/**
 * Carrying over one month of entries from before signatures: each plaintext entry of each
 * device's chain is sealed to the audit key like a new entry — its original fields and hash
 * inside, with what the old chain check said of it — filed in `legacy:<device>` under its
 * original seq, signed by the migrating device and manager, and the plaintext is deleted, all in
 * one transaction. The signed end of each carried-over chain goes into `heads`.
 *
 * Idempotent and resumable: a seq already carried over (by this device or another manager's) is
 * not sealed again, only its plaintext removed; months are done one by one.
 */
import type * as Y from 'yjs';
import type { OfficeDocument } from '../documents/office-document';
import {
	chainName,
	epkName,
	HEADS,
	isSealedKey,
	legacyHeadKey,
	legacyName,
	seqKey,
	seqOf,
	unsealedAt
} from './audit-document';
import { parseCarried, parseCarriedHead, sealCarried, signCarriedHead } from './carried-entry';
import type { CarriedHead, CarriedRecord } from './carried-entry';
import type { EntrySealer } from './entry-key';
import { checkRun, type LegacyEntry } from './legacy-chain';
import type { EntrySigner } from './sealed-entry';

export interface MigrationContext {
	signer: EntrySigner;
	/** The migrating manager. */
	personId: string;
	at: string;
	sealer: EntrySealer;
}

interface ChainMigration {
	device: string;
	records: CarriedRecord[];
	plaintextKeys: string[];
	head: CarriedHead | null;
}

/** Carries over every plaintext entry of one month's document: how many were sealed, and
 * whether the document changed (plaintext already carried over elsewhere is only removed). */
export async function migrateMonth(
	document: OfficeDocument,
	context: MigrationContext
): Promise<{ sealed: number; changed: boolean }> {
	const { doc } = document;
	const plans: ChainMigration[] = [];
	for (const name of doc.share.keys()) {
		if (!name.startsWith('chain:')) continue;
		const plan = await migrateChain(doc, name.slice('chain:'.length), context);
		if (plan) plans.push(plan);
	}
	if (plans.length === 0) return { sealed: 0, changed: false };
	const { signer, sealer } = context;
	document.transact(() => {
		const epks = doc.getMap<JsonWebKey>(epkName(signer.deviceId));
		if (!epks.has(sealer.epkId)) epks.set(sealer.epkId, sealer.publicJwk);
		const heads = doc.getMap<unknown>(HEADS);
		for (const { device, records, plaintextKeys, head } of plans) {
			const carried = doc.getMap<CarriedRecord>(legacyName(device));
			for (const record of records) carried.set(seqKey(record.seq), record);
			const chain = doc.getMap(chainName(device));
			for (const key of plaintextKeys) chain.delete(key);
			if (head) heads.set(legacyHeadKey(device), head);
		}
	});
	return { sealed: plans.reduce((sum, plan) => sum + plan.records.length, 0), changed: true };
}

async function migrateChain(
	doc: Y.Doc,
	device: string,
	context: MigrationContext
): Promise<ChainMigration | null> {
	const chain = doc.getMap<unknown>(chainName(device));
	const plaintextKeys = [...chain.keys()].filter((key) => !isSealedKey(key)).sort();
	if (plaintextKeys.length === 0) return null;
	const carried = doc.getMap<unknown>(legacyName(device));
	const done = new Map<number, CarriedRecord>();
	for (const value of carried.values()) {
		const record = parseCarried(value);
		if (record) done.set(record.seq, record);
	}
	// Keys that name no seq hold no entry of the chain: they are only removed.
	const run: LegacyEntry[] = plaintextKeys
		.filter((key) => seqOf(key) > 0)
		.map((key) => ({ ...unsealedAt(key, chain.get(key)), seq: seqOf(key) }));
	const checks = await checkRun(run);
	const records: CarriedRecord[] = [];
	for (const entry of run) {
		if (done.has(entry.seq)) continue;
		const check = checks.get(entry.seq) ?? { ok: false };
		const record = await sealCarried(
			entry,
			device,
			{ check, migratedBy: context.personId, migratedAt: context.at },
			context.sealer,
			context.signer
		);
		records.push(record);
		done.set(record.seq, record);
	}
	return { device, records, plaintextKeys, head: await nextHead(doc, device, done, context) };
}

/** The signed end of the carried-over chain in this month, unless one as far is there. */
async function nextHead(
	doc: Y.Doc,
	device: string,
	carried: Map<number, CarriedRecord>,
	context: MigrationContext
): Promise<CarriedHead | null> {
	const last = Math.max(0, ...carried.keys());
	const record = carried.get(last);
	if (!record) return null;
	const existing = parseCarriedHead(doc.getMap(HEADS).get(legacyHeadKey(device)));
	if (existing && existing.seq >= last) return null;
	return signCarriedHead(context.signer, device, { seq: last, hash: record.hash });
}
