/** Test support for the relay: devices, a socket client, in-process and child-process relays. */
export { RelayTestClient } from './client';
export type { Received } from './frame-queue';
export type * from './frames';
export {
	createDevice,
	signBlob,
	signChallenge,
	signItem,
	testId,
	type DeviceIdentity
} from './identity';
export { startTestRelay, stopRelays, tempDir, type TestRelay } from './relay-fixture';
export { connectOffice, payloads } from './office';
export { killRelays, spawnRelay, type SpawnedRelay } from './spawn';
