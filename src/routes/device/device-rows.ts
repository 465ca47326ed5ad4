/**
 * The office's devices as the Sync section lists them: the office's signed list (names, who added
 * each and when, removed ones) beside what the relay says of each, and when each was last heard
 * from. A device not heard from for days while the others are is worth a look: its changes may be
 * held back by the relay, or it may be in a drawer.
 */
import type { AuthorityState } from '$lib/core/authority/state';
import type { ChainGap, DeviceStatus } from '$lib/core/sync';

/** Days of silence after which a device is pointed out. */
export const QUIET_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DeviceRow {
	id: string;
	name: string;
	thisDevice: boolean;
	addedBy: string;
	addedAt: string;
	removed: boolean;
	removedBy: string | null;
	/** What the relay says: enrolled, refused (revoked), not told yet, or unknown (not connected). */
	atRelay: 'enrolled' | 'revoked' | 'missing' | 'unknown';
	/** ms since 1970, from the device's last change received here; null when none yet. */
	lastHeard: number | null;
	/** Not heard from for QUIET_DAYS while still in the office (not this device). */
	quiet: boolean;
}

/** The rows, this device first, then by name; removed ones last. */
export function deviceRows(
	state: AuthorityState,
	relay: readonly DeviceStatus[] | null,
	heard: Readonly<Record<string, number>>,
	thisDeviceId: string,
	now = Date.now()
): DeviceRow[] {
	const name = (id: string | null) =>
		(id && state.persons.get(id)?.name) ||
		(id ? 'Someone no longer listed' : 'The office’s creator');
	const rows = [...state.devices.values()].map((device): DeviceRow => {
		const listed = relay?.find((d) => d.deviceId === device.id);
		const lastHeard = heard[device.id] ?? null;
		const thisDevice = device.id === thisDeviceId;
		return {
			id: device.id,
			name: device.name,
			thisDevice,
			addedBy: name(device.addedBy),
			addedAt: device.addedAt,
			removed: device.removed,
			removedBy: device.removed ? name(device.removedBy) : null,
			atRelay: !relay ? 'unknown' : !listed ? 'missing' : listed.revoked ? 'revoked' : 'enrolled',
			lastHeard,
			quiet:
				!thisDevice &&
				!device.removed &&
				lastHeard !== null &&
				now - lastHeard > QUIET_DAYS * DAY_MS
		};
	});
	return rows.sort(
		(a, b) =>
			Number(b.thisDevice) - Number(a.thisDevice) ||
			Number(a.removed) - Number(b.removed) ||
			a.name.localeCompare(b.name)
	);
}

/** What a gap in a device's changes means, in words a manager can act on. */
export function gapText(gap: ChainGap, state: AuthorityState | null): string {
	const device = state?.devices.get(gap.deviceId)?.name ?? `device …${gap.deviceId.slice(-6)}`;
	const what = gap.docId === 'people' ? 'people and keys' : `“${gap.docId}”`;
	if (gap.forked) {
		return `${device} sent two different versions of its changes to ${what}. Check that device, and remove it if in doubt.`;
	}
	const which =
		gap.to === null ? '' : gap.to === gap.from ? ` (#${gap.from})` : ` (#${gap.from}–${gap.to})`;
	return `Changes from ${device} to ${what}${which} have not reached this device although later ones did. The sync server may be holding them back; it was asked again.`;
}
