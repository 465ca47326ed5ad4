/**
 * The office's devices, as a manager changes them: adding one that pairs, removing one, and
 * keeping the relay's own list (and its list of administrators) in line with the office's signed
 * one. Two lists exist on purpose: the office's (signed device-add/-remove ops, which every device
 * checks items against) and the relay's (who may connect and write, changed only with a
 * manager's signature over a fresh challenge). A change is signed into the first at once, works
 * offline, and reaches the second whenever a manager's device is connected (`reconcileRelay`).
 */
import type { AuthorityState } from '$lib/core/authority/state';
import { isAdmin } from '$lib/core/authority/state';
import { fromBase64, toBase64 } from '$lib/core/bytes';
import { sign } from '$lib/core/crypto/signing';
import type { JoiningDevice } from '$lib/core/pairing';
import type { AdminSigner, DeviceStatus } from '$lib/core/sync';
import { personSigner, type UnlockedKeys } from '$lib/core/keys/vault';
import type { PeopleContext } from '$lib/people/admin';
import { addDevice, removeDevice } from '$lib/people/devices';

/** The relay side of device changes (officeSync, or a test double). */
export interface RelayDevices {
	readonly connected: boolean;
	devices(): DeviceStatus[];
	admins(): string[];
	addDevice(deviceId: string, publicRaw: Uint8Array, admin: AdminSigner): Promise<unknown>;
	revokeDevice(deviceId: string, admin: AdminSigner): Promise<unknown>;
	restoreDevice(deviceId: string, admin: AdminSigner): Promise<unknown>;
	addAdmin(key: string, proof: string, admin: AdminSigner): Promise<unknown>;
	removeAdmin(key: string, admin: AdminSigner): Promise<unknown>;
}

/** The signed-in manager as the relay's administrator. */
export function adminSigner(keys: UnlockedKeys): AdminSigner {
	const { signingKey, signingPrivate } = keys.person;
	if (!signingKey || !signingPrivate) throw new Error('Sign in with your passphrase first.');
	return {
		key: signingKey,
		sign: async (data: Uint8Array) => toBase64(await sign(signingPrivate, data))
	};
}

/** Adds a device that is pairing: signed into the office's list, then enrolled at the relay. */
export async function enrolDevice(
	context: PeopleContext,
	relay: RelayDevices,
	device: JoiningDevice
): Promise<void> {
	await addDevice(context, device);
	await relay.addDevice(device.deviceId, device.signingPublicRaw, adminSigner(context.keys));
}

/**
 * Removes a device: signed out of the office's list (new keys for every area and a new people
 * key), and refused by the relay now, or when a manager's device next connects. Returns the
 * rotated areas.
 */
export async function revokeDevice(
	context: PeopleContext,
	relay: RelayDevices | null,
	deviceId: string
): Promise<{ rotated: string[] }> {
	const result = await removeDevice(context, deviceId);
	if (relay?.connected) {
		await relay.revokeDevice(deviceId, adminSigner(context.keys)).catch(() => undefined);
	}
	return result;
}

/**
 * Brings the relay's device and administrator lists in line with the office's signed ones, as
 * far as this manager can: devices the office removed are revoked there, devices it lists are
 * enrolled, active managers are administrators and nobody else is. For an office carried over
 * from before signed changes, devices the relay knows that the office does not list yet are
 * added to it (its only record of them). Returns what it changed, in words, for the log.
 */
export async function reconcileRelay(
	context: PeopleContext,
	relay: RelayDevices
): Promise<string[]> {
	const state = context.log.state;
	if (!state || !relay.connected || !isAdmin(state.persons.get(context.keys.personId))) return [];
	const me = adminSigner(context.keys);
	const done: string[] = [];
	const admins = relay.admins();
	// An office registered before the relay knew administrators adopts its first one (us).
	if (admins.length === 0 && state.persons.get(context.keys.personId)?.adminProof) {
		await relay.addAdmin(me.key, state.persons.get(context.keys.personId)!.adminProof!, me);
		done.push('admin adopted');
	}
	if (!relay.admins().includes(me.key)) return done;
	for (const change of adminChanges(state, relay.admins())) {
		if (change.add) await relay.addAdmin(change.key, change.proof!, me);
		else await relay.removeAdmin(change.key, me);
		done.push(`${change.add ? 'admin added' : 'admin removed'}`);
	}
	await carryOverDevices(context, state, relay);
	for (const device of context.log.require().devices.values()) {
		const listed = relay.devices().find((d) => d.deviceId === device.id);
		if (device.removed && listed && !listed.revoked) {
			await relay.revokeDevice(device.id, me);
			done.push('device revoked');
		} else if (!device.removed && !listed) {
			await relay.addDevice(device.id, fromBase64(device.signingKey), me);
			done.push('device enrolled');
		}
	}
	return done;
}

/** Who should be the relay's administrators that is not, and the other way round. */
function adminChanges(
	state: AuthorityState,
	admins: readonly string[]
): { add: boolean; key: string; proof?: string }[] {
	const managers = [...state.persons.values()].filter(
		(person) => isAdmin(person) && person.signingKey && person.adminProof
	);
	const wanted = new Set(managers.map((person) => person.signingKey!));
	const changes: { add: boolean; key: string; proof?: string }[] = [];
	for (const person of managers) {
		if (!admins.includes(person.signingKey!)) {
			changes.push({ add: true, key: person.signingKey!, proof: person.adminProof! });
		}
	}
	// Added before removed, so the relay never has none.
	for (const key of admins)
		if (!wanted.has(key) && wanted.size > 0) changes.push({ add: false, key });
	return changes;
}

/** Devices a carried-over office's relay knows and its signed list does not (trust on first use). */
async function carryOverDevices(
	context: PeopleContext,
	state: AuthorityState,
	relay: RelayDevices
) {
	const genesis = state.applied[0];
	const migrated = [...context.log.storedOps().entries()].some(
		([id, op]) => id === genesis && op.b.includes('"migrated"')
	);
	if (!migrated) return;
	const missing = relay
		.devices()
		.filter((device) => !device.revoked && !state.devices.has(device.deviceId) && device.publicKey);
	if (missing.length === 0) return;
	await context.log.append(
		missing.map((device) => ({
			kind: 'device-add' as const,
			device: {
				id: device.deviceId,
				name: `Device …${device.deviceId.slice(-6)}`,
				signingKey: device.publicKey,
				encryptionJwk: null
			}
		})),
		personSigner(context.keys),
		context.now()
	);
}
