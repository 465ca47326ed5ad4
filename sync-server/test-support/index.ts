/** Test support for the relay: identities, a socket client, in-process and child-process relays. */
export { adminChangeFrame, type AdminChange } from './admin-actions';
export { RelayTestClient, type SnapshotOptions, type WriteOptions } from './client';
export { storedMembers, storedRows, type StoredRows } from './database';
export type { Received } from './frame-queue';
export type * from './frames';
export {
	countersignSnapshot,
	createAdmin,
	createDevice,
	proveAdminKey,
	signAdminAction,
	signBlob,
	signChallenge,
	signItem,
	testId,
	type AdminIdentity,
	type DeviceIdentity
} from './identity';
export { blobTextV1, createLegacyDatabase, itemTextV1, type LegacyOffice } from './legacy-office';
export { startTestRelay, stopRelays, tempDir, type TestRelay } from './relay-fixture';
export { compact, connectOffice, payloads } from './office';
export { killRelays, spawnRelay, type SpawnedRelay } from './spawn';
