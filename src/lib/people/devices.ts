/**
 * The office's devices in its chain of authority, as a manager changes them: adding one that
 * pairs, and removing one — which gives every area a new key and, through the key plan, the
 * office a new people key; the people who signed in on it get new key pairs at their next
 * sign-in. What the relay is told is the app's part (app/office-devices.ts).
 */
import type { PublicJwk } from '$lib/core/authority/op-schema';
import { isAdmin } from '$lib/core/authority/state';
import { toBase64 } from '$lib/core/bytes';
import { jwkOfRawPoint } from '$lib/core/crypto/key-agreement';
import { reconcileKeys } from '$lib/core/keys/reconcile';
import { personSigner } from '$lib/core/keys/vault';
import { keepersOf, PeopleChangeError, type PeopleContext } from './admin';
import { ALL_AREAS } from './roles';

/** A device asking to join, as pairing describes it. */
export interface NewDevice {
	deviceId: string;
	signingPublicRaw: Uint8Array;
	/** Raw P-256 point its people keys are wrapped to. */
	encryptionPublicRaw: Uint8Array;
	name: string;
}

function requireManager(context: PeopleContext, what: string): void {
	if (!isAdmin(context.log.require().persons.get(context.keys.personId))) {
		throw new PeopleChangeError(`Only an office manager can ${what}.`);
	}
}

/** Lists a pairing device as one of the office's (a signed device-add). */
export async function addDevice(context: PeopleContext, device: NewDevice): Promise<void> {
	requireManager(context, 'add a device');
	if (context.log.require().devices.has(device.deviceId)) return;
	const encryptionJwk = (await jwkOfRawPoint(device.encryptionPublicRaw)) as PublicJwk;
	await context.log.append(
		[
			{
				kind: 'device-add',
				device: {
					id: device.deviceId,
					name: device.name,
					signingKey: toBase64(device.signingPublicRaw),
					encryptionJwk
				}
			}
		],
		personSigner(context.keys),
		context.now()
	);
	await context.audit.record({
		action: 'create',
		target: `device:${device.deviceId}`,
		detail: 'Device added'
	});
}

/** Removes a device from the office; returns the areas that got a new key. */
export async function removeDevice(
	context: PeopleContext,
	deviceId: string
): Promise<{ rotated: string[] }> {
	requireManager(context, 'remove a device');
	if (!context.log.require().devices.get(deviceId)?.removed) {
		await context.log.append(
			[{ kind: 'device-remove', deviceId }],
			personSigner(context.keys),
			context.now()
		);
	}
	const { rotated } = await reconcileKeys({
		db: context.db,
		log: context.log,
		keys: context.keys,
		areas: ALL_AREAS,
		keepers: keepersOf,
		alsoRotate: ALL_AREAS.filter((area) => context.keys.keyring.has(area)),
		now: context.now
	});
	await context.audit.record({
		action: 'revoke',
		target: `device:${deviceId}`,
		detail: 'Device removed; keys rotated'
	});
	return { rotated };
}
