/**
 * Finding 3 of the security review, the office's side: any role could pair a new device, which
 * then received what lets people sign in there. Now only a manager adds a device; one a
 * front-desk person signs in anyway is refused on every device and is sent no people key. (The
 * relay's side — an admin signature over a fresh challenge — is tested in sync-server.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicJwk } from '$lib/core/authority/op-schema';
import { AUDIT_READ_AREA, newestAreaKey, newestAuditKey } from '$lib/core/authority/state';
import { toBase64 } from '$lib/core/bytes';
import { rawPointOf } from '$lib/core/crypto/key-agreement';
import { newDeviceRow } from '$lib/core/keys/device';
import { personSigner } from '$lib/core/keys/vault';
import { addPerson, PeopleChangeError } from './admin';
import { addDevice, removeDevice, type NewDevice } from './devices';
import {
	createPeopleOffice,
	exchange,
	secondDevice,
	type PeopleOffice
} from './test-support/office';

const DESK = 'blue herons wade at dawn';

let office: PeopleOffice;
let other: PeopleOffice | null = null;

beforeEach(async () => {
	office = await createPeopleOffice();
});

afterEach(async () => {
	await other?.dispose();
	other = null;
	await office.dispose();
});

async function pairingDevice(name: string): Promise<NewDevice> {
	const row = await newDeviceRow();
	return {
		deviceId: row.deviceId,
		signingPublicRaw: row.signingPublicRaw,
		encryptionPublicRaw: await rawPointOf(row.encryptionPublicJwk),
		name
	};
}

describe('adding a device that pairs', () => {
	it('lists a device a manager adds, with its name and who added it', async () => {
		const tablet = await pairingDevice('Front desk tablet');
		await addDevice(office.context, tablet);

		expect(office.log.require().devices.get(tablet.deviceId)).toMatchObject({
			name: 'Front desk tablet',
			addedBy: office.manager.personId,
			removed: false
		});
	});

	it('refuses a front-desk person, and every device ignores the device they sign in anyway', async () => {
		const deskId = await addPerson(office.context, {
			name: 'Dana Desk',
			roles: ['front-desk'],
			passphrase: DESK
		});
		const desk = await office.signIn(deskId, DESK);
		const theirs = await pairingDevice('Tablet from home');

		await expect(addDevice(office.contextOf(desk), theirs)).rejects.toBeInstanceOf(
			PeopleChangeError
		);
		expect(office.log.require().devices.has(theirs.deviceId)).toBe(false);

		// A changed app signs the device-add regardless.
		const [forged] = await office.log.append(
			[
				{
					kind: 'device-add',
					device: {
						id: theirs.deviceId,
						name: theirs.name,
						signingKey: toBase64(theirs.signingPublicRaw),
						encryptionJwk: (await newDeviceRow()).encryptionPublicJwk as PublicJwk
					}
				}
			],
			personSigner(desk)
		);
		other = await secondDevice(office);
		await exchange(office, other);
		for (const on of [office, other]) {
			const state = on.log.require();
			expect(state.devices.has(theirs.deviceId)).toBe(false);
			expect(state.refused.find((op) => op.id === forged)?.reason).toMatch(/not an office manager/);
		}

		// The next new people key (a lost laptop removed) goes to listed devices only.
		const listed = await pairingDevice('Exam room PC');
		const lost = await pairingDevice('Laptop');
		await addDevice(office.context, listed);
		await addDevice(office.context, lost);
		await removeDevice(office.context, lost.deviceId);
		const wrappedTo = [...office.log.require().peopleKeys.values()].map((wrap) => wrap.deviceId);
		expect(wrappedTo).toContain(listed.deviceId);
		expect(wrappedTo).not.toContain(theirs.deviceId);
		expect(wrappedTo).not.toContain(lost.deviceId);
	});

	it('keeps the audit log writable across a removal: every new key comes with it in one change', async () => {
		const laptop = await pairingDevice('Laptop');
		await addDevice(office.context, laptop);
		const before = newestAreaKey(office.log.require(), AUDIT_READ_AREA)!;

		await removeDevice(office.context, laptop.deviceId);

		const state = office.log.require();
		const after = newestAreaKey(state, AUDIT_READ_AREA)!;
		expect(after.epoch).toBeGreaterThan(before.epoch);
		expect(newestAuditKey(state)).toMatchObject({ epoch: after.epoch, keyId: after.keyId });
	});
});
