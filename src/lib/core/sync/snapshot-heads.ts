/**
 * What a relay snapshot says of the chains it folds in (documents/item-link.ts, `heads`): for
 * every writer of the document, the position and hash of its last update the snapshot holds —
 * each other device's as far as chain-watch knows its chain without a hole, and this device's
 * own head. Both are read BEFORE the document catches up with its stored rows, so the state
 * sealed afterwards holds at least that much. A document whose chains show a hole is not sealed
 * at all ('gap'): the snapshot would fold the hole over for good.
 */
import { readOwnHead } from '../documents/chain-head';
import type { ChainHead } from '../documents/item-link';
import { readMeta, type OfficeDatabase } from '../storage/db';

/** chain-watch.ts's record of one device's chain in a document (its `chain-seen:` meta). */
interface KnownChain {
	seq: number;
	hash: string;
	ahead: Record<string, unknown>;
}

/** The heads of every chain in the document, or 'gap' when one of them has a hole. */
export async function snapshotHeads(
	db: OfficeDatabase,
	docId: string,
	ownDeviceId: string
): Promise<ChainHead[] | 'gap'> {
	const [chains, own] = await Promise.all([
		// TODO read through chain-watch.ts once it exports a reader of its record.
		readMeta<Record<string, KnownChain>>(db, `chain-seen:${docId}`, {}),
		readOwnHead(db, docId)
	]);
	const heads: ChainHead[] = [];
	for (const [deviceId, chain] of Object.entries(chains)) {
		if (Object.keys(chain.ahead ?? {}).length > 0) return 'gap';
		if (deviceId !== ownDeviceId && chain.seq > 0) {
			heads.push({ deviceId, seq: chain.seq, hash: chain.hash });
		}
	}
	if (own.seq > 0) heads.push({ deviceId: ownDeviceId, seq: own.seq, hash: own.hash });
	return heads;
}
