/** The sync client's public surface: what the app uses to keep this device in step. */
export { NotLeaderError, startSyncForTab, type TabSync, type TabSyncOptions } from './leader';
export type { SnapshotOutcome } from './relay-snapshots';
export { SyncClient } from './sync-client';
export type { SyncClientOptions } from './sync-options';
export type { SyncState, SyncStatus } from './sync-status';
export type { DeviceStatus } from './messages';
export type { WebSocketConstructor } from './socket';
