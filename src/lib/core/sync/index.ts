/** The sync client's public surface: what the app uses to keep this device in step. */
export { NotLeaderError, startSyncForTab, type TabSync, type TabSyncOptions } from './leader';
export { proveAdminKey, type AdminKeyProof, type AdminSigner } from './admin-signer';
export type { ChainGap } from './chain-watch';
export type { ItemTrust } from './item-verify';
export type { SnapshotOutcome } from './relay-snapshots';
export { SyncClient } from './sync-client';
export type { SyncClientOptions } from './sync-options';
export type { SyncState, SyncStatus } from './sync-status';
export type { DeviceList, DeviceStatus, SnapshotDone } from './messages';
export type { WebSocketConstructor } from './socket';
