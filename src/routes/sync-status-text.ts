/** What the status indicator says about sync, in a few words and a longer explanation. */
import type { SyncStatus } from '$lib/core/sync';

export interface SyncStatusText {
	/** A few words for the header. */
	short: string;
	/** One sentence for the tooltip and screen readers. */
	long: string;
	tone: 'good' | 'busy' | 'waiting' | 'bad' | 'off';
}

const changes = (count: number) => `${count} ${count === 1 ? 'change' : 'changes'}`;

function time(iso: string, now: Date): string {
	const at = new Date(iso);
	const sameDay = at.toDateString() === now.toDateString();
	return sameDay
		? at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })
		: at.toLocaleString(undefined, {
				month: 'short',
				day: 'numeric',
				hour: 'numeric',
				minute: '2-digit'
			});
}

/** Describes the sync status (null: sync is off) truthfully, never claiming a sync that did not happen. */
export function syncStatusText(status: SyncStatus | null, now = new Date()): SyncStatusText {
	if (!status) {
		return {
			short: 'Saved on this device · sync off',
			long: 'Changes are saved on this device only. Turn on sync under This device.',
			tone: 'off'
		};
	}
	const last = status.lastSyncedAt
		? `last synced ${time(status.lastSyncedAt, now)}`
		: 'never synced';
	if (status.state === 'refused') {
		return {
			short: 'Sync refused',
			long: status.error ?? 'The relay refused this device.',
			tone: 'bad'
		};
	}
	if (
		status.backlog &&
		status.backlog.total > 0 &&
		status.backlog.received < status.backlog.total
	) {
		const percent = Math.floor((100 * status.backlog.received) / status.backlog.total);
		return {
			short: `Receiving changes… ${percent}%`,
			long: `Receiving changes from the other devices (${percent}% done).`,
			tone: 'busy'
		};
	}
	if (status.state === 'connected') {
		return status.pending === 0
			? { short: `Synced · ${last}`, long: `Every change is synced; ${last}.`, tone: 'good' }
			: {
					short: `Syncing ${changes(status.pending)}…`,
					long: `${changes(status.pending)} of this device are being sent to the relay.`,
					tone: 'busy'
				};
	}
	const waiting =
		status.pending === 0 ? 'nothing waiting' : `${changes(status.pending)} not yet synced`;
	const reason = status.error ? ` ${status.error}` : '';
	return {
		short:
			status.state === 'connecting' ? `Connecting… · ${waiting}` : `Not connected · ${waiting}`,
		long: `Not connected to the relay; ${waiting}, ${last}. Everything keeps working on this device.${reason}`,
		tone: 'waiting'
	};
}
