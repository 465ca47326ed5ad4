/**
 * Giving people area keys and taking them away. The rules of who should hold which area (roles)
 * belong to the app; this module only wraps keys:
 * - `grantAreas` wraps every epoch of an area the signed-in person holds to someone who gains it
 *   (they can read the area's history, not only what is written from now on);
 * - `rotateAreas` makes a new epoch key for each area and wraps it only to the people who keep
 *   it. Writes use the newest epoch at once (the signed-in keyring gets it), so what is written
 *   afterwards cannot be read by anyone left out. Re-encrypting what is stored is rotation-job.ts.
 * - `ensureAreaKeys` gives areas that have no key yet (added by a newer app version) a first one.
 *
 * Two managers rotating the same area offline must not pick the same epoch with different keys
 * (one key would win the merge and data sealed under the other would be lost), so a new epoch
 * is the highest known plus a random step.
 */
import { randomBytes } from '../bytes';
import { importAeadKey } from '../crypto/aead';
import type { PeopleDirectory } from '../people/people-directory';
import type { GrantRecord, PersonRecord } from '../people/people-schema';
import { MissingKeyError } from './area-keyring';
import { unwrapGrant, wrapAreaKey } from './grants';
import type { UnlockedKeys } from './vault';

const EPOCH_STEP_SPREAD = 1024;

/** Wraps to `person` every epoch of `areas` that the signed-in person holds and they lack. */
export async function grantAreas(
	directory: PeopleDirectory,
	keys: UnlockedKeys,
	person: Pick<PersonRecord, 'id' | 'publicJwk'>,
	areas: string[],
	now: Date
): Promise<GrantRecord[]> {
	// Only keys the signed-in person holds can be passed on.
	const missing = areas.find((area) => !keys.keyring.has(area));
	if (missing) throw new MissingKeyError(missing);
	const theirs = new Set(directory.grantsOf(person.id).map((g) => `${g.area}|${g.epoch}`));
	const added: GrantRecord[] = [];
	for (const grant of directory.grantsOf(keys.personId)) {
		if (!areas.includes(grant.area) || theirs.has(`${grant.area}|${grant.epoch}`)) continue;
		const raw = await unwrapGrant(keys.privateKey, grant);
		added.push(await wrapAreaKey(raw, grant.area, grant.epoch, person, keys.personId, now));
		raw.fill(0);
	}
	if (added.length > 0) await directory.write((w) => added.forEach((g) => w.putGrant(g)));
	return added;
}

/** The highest epoch any grant of the area names (0 when none). */
export function newestEpoch(directory: PeopleDirectory, area: string): number {
	return directory.grants().reduce((max, g) => (g.area === area ? Math.max(max, g.epoch) : max), 0);
}

/** An epoch above every known one, by a random step (see the header). */
function nextEpoch(directory: PeopleDirectory, area: string): number {
	const [high, low] = randomBytes(2);
	return newestEpoch(directory, area) + 1 + ((high * 256 + low) % EPOCH_STEP_SPREAD);
}

/**
 * Makes a new key epoch for each area, wrapped only to `keepers(area)`, and adds it to the
 * signed-in keyring (when they are a keeper). Returns the new epoch per area.
 */
export async function rotateAreas(
	directory: PeopleDirectory,
	keys: UnlockedKeys,
	areas: string[],
	keepers: (area: string) => Pick<PersonRecord, 'id' | 'publicJwk'>[],
	now: Date
): Promise<Map<string, number>> {
	const epochs = new Map<string, number>();
	const grants: GrantRecord[] = [];
	const adopt: { area: string; epoch: number; key: CryptoKey }[] = [];
	for (const area of areas) {
		const epoch = nextEpoch(directory, area);
		const raw = randomBytes(32);
		const people = keepers(area);
		for (const person of people)
			grants.push(await wrapAreaKey(raw, area, epoch, person, keys.personId, now));
		if (people.some((p) => p.id === keys.personId))
			adopt.push({ area, epoch, key: await importAeadKey(raw) });
		raw.fill(0);
		epochs.set(area, epoch);
	}
	await directory.write((w) => grants.forEach((g) => w.putGrant(g)));
	// Only once the grants are stored: nothing is sealed under a key no record remembers.
	for (const { area, epoch, key } of adopt) keys.keyring.add(area, epoch, key);
	return epochs;
}

/** Gives each area without any key its first key, wrapped to `holders(area)`. */
export async function ensureAreaKeys(
	directory: PeopleDirectory,
	keys: UnlockedKeys,
	areas: string[],
	holders: (area: string) => Pick<PersonRecord, 'id' | 'publicJwk'>[],
	now: Date
): Promise<string[]> {
	const missing = areas.filter((area) => newestEpoch(directory, area) === 0);
	const grants: GrantRecord[] = [];
	const adopt: { area: string; epoch: number; key: CryptoKey }[] = [];
	for (const area of missing) {
		const epoch = nextEpoch(directory, area);
		const raw = randomBytes(32);
		const people = holders(area);
		for (const person of people)
			grants.push(await wrapAreaKey(raw, area, epoch, person, keys.personId, now));
		if (people.some((p) => p.id === keys.personId))
			adopt.push({ area, epoch, key: await importAeadKey(raw) });
		raw.fill(0);
	}
	if (grants.length > 0) await directory.write((w) => grants.forEach((g) => w.putGrant(g)));
	for (const { area, epoch, key } of adopt) keys.keyring.add(area, epoch, key);
	return missing;
}
