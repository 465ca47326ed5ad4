/**
 * Making the office's keys what its people and roles say they should be (key-plan.ts), on a
 * manager's device: new area keys for areas someone holds who should not, the keys (with their
 * history) for people who lack them, a new people key once a device was removed, and the newest
 * people key for devices that lack it. Everything goes out as one signed batch; the signed-in
 * manager takes up the area keys made for them at once, so nothing is sealed afterwards under a
 * key someone has lost.
 *
 * Runs after every change the manager's device sees (the app debounces it), so changes two
 * managers made offline — and rotations that crossed — settle once both are merged. Serialised
 * across tabs: two tabs reconciling at once would each make a new key.
 */
import type { AuthorityLog } from '../authority/authority-log';
import type { GrantEntry, OpContent, PeopleKeyEntry } from '../authority/op-schema';
import {
	AUDIT_READ_AREA,
	grantKey,
	grantsOf,
	highestEpoch,
	isAdmin,
	newestAreaKey,
	newestPeopleKey,
	type AuthorityState,
	type PersonState
} from '../authority/state';
import { randomBytes } from '../bytes';
import { importAeadKey } from '../crypto/aead';
import { auditKeyOp, auditKeyOpFor } from './audit-key';
import { keyIdOf } from '../crypto/key-id';
import type { OfficeDatabase } from '../storage/db';
import { exclusive } from '../storage/exclusive';
import type { KeyRef } from './area-keyring';
import { unwrapGrant, wrapAreaKey } from './grants';
import { isEmptyPlan, planKeys, type KeyPlan } from './key-plan';
import { wrapPeopleKey } from './people-key-wraps';
import {
	addPeopleKeys,
	newPeopleKey,
	readPeopleKeys,
	storePeopleKey,
	type RawPeopleKey
} from './people-keys';
import { personSigner, type UnlockedKeys } from './vault';

export interface ReconcileOptions {
	db: OfficeDatabase;
	log: AuthorityLog;
	/** The signed-in manager. */
	keys: UnlockedKeys;
	/** Every area the app has. */
	areas: readonly string[];
	/** The active people whose roles grant an area, in a state. */
	keepers: (state: AuthorityState, area: string) => readonly PersonState[];
	/** Areas to give a new key whatever the plan says (a device was removed). */
	alsoRotate?: readonly string[];
	now?: () => Date;
}

export interface Reconciled {
	/** Areas that got a new key: their stored documents should be re-encrypted. */
	rotated: string[];
	/** Whether anything was signed. */
	changed: boolean;
}

const NOTHING: Reconciled = { rotated: [], changed: false };

/** Brings the keys in line with the people and roles, if the signed-in person is a manager. */
export function reconcileKeys(options: ReconcileOptions): Promise<Reconciled> {
	return exclusive('practice-office:reconcile', () => reconcileNow(options));
}

async function reconcileNow(options: ReconcileOptions): Promise<Reconciled> {
	const { log, keys, areas } = options;
	await log.settled();
	const state = log.state;
	if (!state || !isAdmin(state.persons.get(keys.personId)) || !keys.person.signingPrivate) {
		return NOTHING;
	}
	const planned = planKeys(state, areas, (area) => options.keepers(state, area));
	// A key this manager does not hold cannot be given: the area gets a new one instead (two
	// managers who stepped down at once may each have rotated for the other).
	const unheld = planned.give
		.flatMap((entry) => entry.areas)
		.filter((area) => !keys.keyring.hasKey(area, newestAreaKey(state, area)!));
	const extra = [...(options.alsoRotate ?? []), ...unheld].filter(
		(area, index, all) => !planned.rotate.includes(area) && all.indexOf(area) === index
	);
	const rotate = [...planned.rotate, ...extra];
	const give = planned.give
		.map((entry) => ({ ...entry, areas: entry.areas.filter((area) => !rotate.includes(area)) }))
		.filter((entry) => entry.areas.length > 0);
	const plan = { ...planned, rotate, give };
	if (isEmptyPlan(plan)) return NOTHING;
	const contents: OpContent[] = [];
	const adopt: { area: string; key: KeyRef; raw: Uint8Array }[] = [];
	const made = new Map<string, { key: KeyRef; raw: Uint8Array }>();
	const grants = [
		...(await rotations(state, plan, options, adopt, made)),
		...(await history(state, plan, keys))
	];
	if (grants.length > 0) contents.push({ kind: 'grant', grants });
	// A new audit-read key comes with its audit key pair in the same change: no device ever sees
	// the one without the other (entries could not be sealed in between).
	const newAuditRead = made.get(AUDIT_READ_AREA);
	if (newAuditRead) {
		contents.push(await auditKeyOpFor(newAuditRead.key, await importAeadKey(newAuditRead.raw)));
	}
	for (const { raw } of made.values()) raw.fill(0);
	const people = await peopleKeyWraps(state, plan, options);
	if (people.wraps.length > 0) contents.push({ kind: 'people-key', wraps: people.wraps });
	if (contents.length > 0)
		await log.append(contents, personSigner(keys), options.now?.() ?? new Date());
	// Only once the ops are stored: nothing is sealed under a key no op remembers. The op that
	// hands out a new people key is itself sealed under the old one, or nobody could read it.
	for (const { area, key, raw } of adopt) {
		keys.keyring.add(area, key, await importAeadKey(raw));
		raw.fill(0);
	}
	if (people.newKey) {
		await storePeopleKey(options.db, people.newKey);
		await addPeopleKeys(log.keyring, [people.newKey]);
		people.newKey.raw.fill(0);
	}
	// An audit-read key without a key pair (an office just moved, a rotation by a manager who
	// does not keep audit-read): made from the key this manager holds now.
	if (plan.auditKey && !newAuditRead) {
		const auditKey = await auditKeyOp(log.require(), keys.keyring);
		if (auditKey) await log.append([auditKey], personSigner(keys), options.now?.() ?? new Date());
	}
	return { rotated: [...plan.rotate], changed: true };
}

/** A new key for each area to rotate, wrapped to its keepers. */
async function rotations(
	state: AuthorityState,
	plan: KeyPlan,
	options: ReconcileOptions,
	adopt: { area: string; key: KeyRef; raw: Uint8Array }[],
	/** Copies of the new audit-read key, whoever keeps it (its audit key pair is sealed under it). */
	made: Map<string, { key: KeyRef; raw: Uint8Array }>
): Promise<GrantEntry[]> {
	const grants: GrantEntry[] = [];
	for (const area of plan.rotate) {
		const raw = randomBytes(32);
		const key = { epoch: highestEpoch(state, area) + 1, keyId: await keyIdOf(raw) };
		const keepers = options.keepers(state, area);
		for (const person of keepers) grants.push(await wrapAreaKey(raw, area, key, person));
		if (area === AUDIT_READ_AREA) made.set(area, { key, raw: raw.slice() });
		if (keepers.some((person) => person.id === options.keys.personId))
			adopt.push({ area, key, raw });
		else raw.fill(0);
	}
	return grants;
}

/** Every key of the areas a person should hold that the manager holds and they lack. */
async function history(
	state: AuthorityState,
	plan: KeyPlan,
	keys: UnlockedKeys
): Promise<GrantEntry[]> {
	const grants: GrantEntry[] = [];
	const mine = grantsOf(state, keys.personId);
	for (const { personId, areas } of plan.give) {
		const person = state.persons.get(personId)!;
		for (const grant of mine.filter((g) => areas.includes(g.area))) {
			const theirs = state.grants.get(grantKey(grant.area, grant.epoch, grant.keyId, personId));
			if (theirs?.to === person.fingerprint) continue;
			try {
				const raw = await unwrapGrant(keys.person, grant);
				grants.push(await wrapAreaKey(raw, grant.area, grant, person));
				raw.fill(0);
			} catch {
				// A key this manager cannot open here: another manager's device gives it.
			}
		}
	}
	return grants;
}

/** A new people key wrapped to every remaining device, or the newest one to those lacking it. */
async function peopleKeyWraps(
	state: AuthorityState,
	plan: KeyPlan,
	options: ReconcileOptions
): Promise<{ wraps: PeopleKeyEntry[]; newKey?: RawPeopleKey }> {
	const action = plan.peopleKey;
	if (!action) return { wraps: [] };
	const devices = [...state.devices.values()].filter(
		(device) => !device.removed && device.encryptionJwk
	);
	if (action.rotate) {
		const highest = Math.max(
			state.firstPeopleKey.epoch,
			...[...state.peopleKeys.values()].map((wrap) => wrap.epoch)
		);
		const key = await newPeopleKey(highest + 1);
		const wraps = await Promise.all(
			devices.map((device) =>
				wrapPeopleKey(key, { id: device.id, encryptionJwk: device.encryptionJwk! })
			)
		);
		return { wraps, newKey: key };
	}
	const newest = newestPeopleKey(state);
	const key = (await readPeopleKeys(options.db)).find(
		(k) => k.epoch === newest.epoch && k.keyId === newest.keyId
	);
	if (!key) return { wraps: [] };
	const wraps = await Promise.all(
		devices
			.filter((device) => action.wrapTo.includes(device.id))
			.map((device) => wrapPeopleKey(key, { id: device.id, encryptionJwk: device.encryptionJwk! }))
	);
	key.raw.fill(0);
	return { wraps };
}
