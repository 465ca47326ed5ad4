/**
 * People at the size of a large practice: 40 people with roles over every area, after ten years'
 * worth of rotations (12 rounds of every area; each round wraps new keys to everyone who keeps
 * them), so the people document holds thousands of grants. Measures what a person waits for at
 * the sign-in screen — opening the people document (done once per app start) and signing in
 * (PBKDF2 at 600,000 iterations plus unwrapping their grants) — and what a manager waits for
 * when one person leaves (the rotation of every area they held, before re-encryption).
 */
import { readPeopleKey } from '$lib/core/keys/people-key';
import { unlockPerson } from '$lib/core/keys/vault';
import { PeopleDirectory } from '$lib/core/people/people-directory';
import { Workspace } from '$lib/core/session/workspace';
import { addPerson, deactivatePerson, keepersOf, type PeopleContext } from '$lib/people/admin';
import { ALL_AREAS, ROLES } from '$lib/people/roles';
import { rotateAreas } from '$lib/core/keys/access';
import { createOffice } from '$lib/core/keys/vault';
import type { Measurement } from '../measurement';
import { withCleanup } from '../support/cleanup';
import { benchDatabase, deleteDatabase } from '../support/databases';
import { collectGarbage } from '../support/gc';
import { progress } from '../support/progress';
import { median } from '../support/stats';

const PEOPLE = 40;
const ROTATION_ROUNDS = 12;
const RUNS = 5;
const PASSPHRASE = 'seven quiet lanterns over the hill';
// Setting the office up is not measured: the others' passphrases use few iterations.
const SETUP_ITERATIONS = 1000;

export async function measure(): Promise<Measurement[]> {
	return withCleanup(async (cleanup) => {
		const db = benchDatabase('people');
		cleanup.defer(() => deleteDatabase(db));
		const keys = await createOffice(db, { passphrase: PASSPHRASE, areas: [...ALL_AREAS] });
		const workspace = new Workspace(db, keys, { channelName: null });
		cleanup.defer(() => workspace.close());
		const peopleKey = (await readPeopleKey(db))!;
		const setup = await PeopleDirectory.open(db, peopleKey, keys.deviceId, { channelName: null });
		cleanup.defer(() => setup.close());
		const context: PeopleContext = {
			directory: setup,
			keys,
			audit: workspace.audit,
			now: () => new Date(),
			iterations: SETUP_ITERATIONS
		};
		const roles = ROLES.map((role) => role.id).filter((id) => id !== 'manager');
		const ids: string[] = [];
		for (let n = 0; n < PEOPLE - 1; n++) {
			const name = `Person ${n}`;
			const role = roles[n % roles.length];
			ids.push(await addPerson(context, { name, roles: [role], passphrase: PASSPHRASE }));
		}
		for (let round = 1; round <= ROTATION_ROUNDS; round++) {
			await rotateAreas(setup, keys, [...ALL_AREAS], (area) => keepersOf(setup, area), new Date());
			progress(`people: rotation round ${round}/${ROTATION_ROUNDS}`);
		}
		const grants = setup.grants().length;

		const opens: number[] = [];
		const signIns: number[] = [];
		for (let run = 1; run <= RUNS; run++) {
			collectGarbage();
			const start = performance.now();
			const directory = await PeopleDirectory.open(db, peopleKey, keys.deviceId, {
				channelName: null
			});
			const opened = performance.now();
			const me = await unlockPerson(db, directory, keys.personId, { passphrase: PASSPHRASE });
			signIns.push(performance.now() - opened);
			opens.push(opened - start);
			if (!ALL_AREAS.every((area) => me.keyring.has(area)))
				throw new Error('The manager did not get every area key back.');
			await directory.close();
			progress(`people: sign-in run ${run}/${RUNS}: ${signIns[run - 1].toFixed(0)} ms`);
		}

		collectGarbage();
		const leaveStart = performance.now();
		const { rotated } = await deactivatePerson(context, ids[0]);
		const leaveMs = performance.now() - leaveStart;
		const note = `${PEOPLE} people, ${grants.toLocaleString('en-US')} grants after ${ROTATION_ROUNDS} rotations of ${ALL_AREAS.length} areas; median of ${RUNS}`;
		return [
			{
				metric: 'people_document_open_ms',
				value: median(opens),
				unit: 'ms',
				goal: { atMost: 500 },
				note: `open + decrypt + validate the people document (once per app start); ${note}`
			},
			{
				metric: 'sign_in_ms',
				value: median(signIns),
				unit: 'ms',
				note: `unlockPerson: PBKDF2-SHA256 (600,000 iterations) + unwrapping the manager's grants; ${note}`
			},
			{
				metric: 'person_leaves_ms',
				value: leaveMs,
				unit: 'ms',
				goal: { atMost: 2000 },
				note: `deactivatePerson: new keys for the ${rotated.length} areas they held, wrapped to everyone who keeps them (re-encrypting documents is separate and runs in the background)`
			}
		];
	});
}
