/** What every session of one relay shares. */
import type { CommitQueue } from './commit-queue';
import type { Fanout } from './fanout';
import type { Limits } from './limits';
import type { Logger } from './log';
import type { Pairing } from './pairing';
import type { DeviceBuckets } from './rate-limit';
import type { Store } from './store';

export interface RelayContext {
	store: Store;
	queue: CommitQueue;
	fanout: Fanout;
	pairing: Pairing;
	buckets: DeviceBuckets;
	limits: Limits;
	log: Logger;
}
