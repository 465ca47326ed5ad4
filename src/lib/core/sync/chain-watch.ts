/**
 * Watching every device's chains (documents/item-link.ts) as items arrive, so that a relay that
 * holds some back is noticed rather than trusted.
 *
 * Per document and device this device keeps how far the chain is known without a hole (`seq`,
 * with the hash of the update there) and the updates seen beyond a hole (`ahead`). A snapshot's
 * heads move the known position on. An update whose `prev` does not name the update before it is
 * a fork: its writer told two stories. Per device it also keeps when it was last heard from (the
 * writer's clock) and the highest `authSeq` its updates quoted: how far that device's own chain
 * in the people document got — if that is beyond what this device has of it, people or keys
 * changes are being held back.
 *
 * Updated in the same IndexedDB transaction that stores the items (receiver.ts), from hashes
 * computed before it (a transaction cannot wait for WebCrypto). Items of a device seen for the
 * first time set where its chain starts here; a relay that withholds a device's very first
 * updates is caught by the snapshot heads and the people-chain check instead.
 */
import { AUTHORITY_DOC_ID } from '../documents/chain-head';
import { parseLink } from '../documents/item-link';
import { readMeta, writeMeta, type OfficeDatabase } from '../storage/db';

interface KnownChain {
	seq: number;
	hash: string;
	/** Updates seen beyond a hole: chain position → [hash, prev]. */
	ahead: Record<string, [string, string]>;
	/** Set when an update did not follow the one before it. */
	forked?: boolean;
}

type KnownChains = Record<string, KnownChain>;

export interface ArrivingItem {
	kind: 'update' | 'snapshot';
	deviceId: string;
	link?: string;
	/** itemHash of the item (computed before the transaction). */
	hash: string;
}

/** A stretch of a device's chain in a document this device has not received. */
export interface ChainGap {
	docId: string;
	deviceId: string;
	/** First and last missing position (`to` null: unknown, e.g. people changes quoted elsewhere). */
	from: number;
	to: number | null;
	forked: boolean;
}

const chainsKey = (docId: string) => `chain-seen:${docId}`;
export const HEARD_META_KEY = 'sync:heard';
const AUTH_EXPECTED_META_KEY = 'sync:auth-expected';

/** Records what arriving items say of their chains; call inside the storing transaction. */
export async function recordChains(
	db: OfficeDatabase,
	docId: string,
	ownDeviceId: string,
	items: readonly ArrivingItem[]
): Promise<void> {
	const chains = await readMeta<KnownChains>(db, chainsKey(docId), {});
	const heard = await readMeta<Record<string, number>>(db, HEARD_META_KEY, {});
	const expected = await readMeta<Record<string, number>>(db, AUTH_EXPECTED_META_KEY, {});
	for (const item of items) {
		const link = parseLink(item.link);
		if (!link || item.deviceId === ownDeviceId) continue;
		heard[item.deviceId] = Math.max(heard[item.deviceId] ?? 0, link.at);
		if (docId !== AUTHORITY_DOC_ID && link.authSeq > 0) {
			expected[item.deviceId] = Math.max(expected[item.deviceId] ?? 0, link.authSeq);
		}
		for (const head of link.heads) {
			if (head.deviceId !== ownDeviceId) settle(chains, head.deviceId, head.seq, head.hash);
		}
		if (item.kind === 'update' && link.chainSeq > 0) {
			place(chains, item.deviceId, link.chainSeq, item.hash, link.prev);
		}
	}
	await writeMeta(db, chainsKey(docId), chains);
	await writeMeta(db, HEARD_META_KEY, heard);
	await writeMeta(db, AUTH_EXPECTED_META_KEY, expected);
}

/** A snapshot says the chain is known up to `seq`. */
function settle(chains: KnownChains, deviceId: string, seq: number, hash: string): void {
	const chain = chains[deviceId];
	if (!chain) {
		chains[deviceId] = { seq, hash, ahead: {} };
		return;
	}
	if (seq <= chain.seq) return;
	chain.seq = seq;
	chain.hash = hash;
	for (const at of Object.keys(chain.ahead)) if (Number(at) <= seq) delete chain.ahead[at];
	advance(chain);
}

function place(chains: KnownChains, deviceId: string, seq: number, hash: string, prev: string) {
	const chain = chains[deviceId];
	if (!chain) {
		chains[deviceId] = { seq, hash, ahead: {} };
		return;
	}
	if (seq <= chain.seq) return;
	chain.ahead[String(seq)] = [hash, prev];
	advance(chain);
}

/** Moves the known position over updates that now follow it, noting any that do not link. */
function advance(chain: KnownChain): void {
	for (;;) {
		const next = chain.ahead[String(chain.seq + 1)];
		if (!next) return;
		const [hash, prev] = next;
		if (chain.hash && prev !== chain.hash) chain.forked = true;
		delete chain.ahead[String(chain.seq + 1)];
		chain.seq += 1;
		chain.hash = hash;
	}
}

/** The holes in every chain this device follows, and people changes quoted but not received. */
export async function findGaps(db: OfficeDatabase): Promise<ChainGap[]> {
	const rows = await db.meta.where('key').startsWith('chain-seen:').toArray();
	const gaps: ChainGap[] = [];
	let people: KnownChains = {};
	for (const row of rows) {
		const docId = row.key.slice('chain-seen:'.length);
		const chains = row.value as KnownChains;
		if (docId === AUTHORITY_DOC_ID) people = chains;
		for (const [deviceId, chain] of Object.entries(chains)) {
			const ahead = Object.keys(chain.ahead).map(Number);
			if (ahead.length === 0 && !chain.forked) continue;
			const first = ahead.length > 0 ? Math.min(...ahead) : chain.seq + 1;
			gaps.push({
				docId,
				deviceId,
				from: chain.seq + 1,
				to: ahead.length > 0 ? first - 1 : chain.seq,
				forked: chain.forked === true
			});
		}
	}
	const expected = await readMeta<Record<string, number>>(db, AUTH_EXPECTED_META_KEY, {});
	for (const [deviceId, authSeq] of Object.entries(expected)) {
		const known = people[deviceId]?.seq ?? 0;
		if (
			authSeq > known &&
			!gaps.some((g) => g.docId === AUTHORITY_DOC_ID && g.deviceId === deviceId)
		) {
			gaps.push({ docId: AUTHORITY_DOC_ID, deviceId, from: known + 1, to: null, forked: false });
		}
	}
	return gaps;
}

/** When each device was last heard from (its clock, ms since 1970), by device id. */
export function lastHeard(db: OfficeDatabase): Promise<Record<string, number>> {
	return readMeta<Record<string, number>>(db, HEARD_META_KEY, {});
}
