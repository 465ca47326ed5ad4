/**
 * People at the size of a large practice: 40 people with roles over every area, after ten years'
 * worth of rotations (12 rounds of every area; each round wraps new keys to everyone who keeps
 * them), so the people document holds thousands of grants in signed ops. Measures what a person
 * waits for at the sign-in screen — opening the office's authority (checking every op's
 * signature and resolving the chain; done once per app start) and signing in (PBKDF2 at 600,000
 * iterations plus unwrapping their grants) — and what a manager waits for when one person leaves
 * (the rotation of every area they held, before re-encryption).
 */
import type { AuditLog } from '$lib/core/audit/audit-log';
import { grantsOf } from '$lib/core/authority/state';
import { reconcileKeys } from '$lib/core/keys/reconcile';
import { createOffice, openAuthority, unlockPerson } from '$lib/core/keys/vault';
import { addPerson, deactivatePerson, keepersOf, type PeopleContext } from '$lib/people/admin';
import { ALL_AREAS, ROLES } from '$lib/people/roles';
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
		const setup = (await openAuthority(db, { channelName: null }))!;
		cleanup.defer(() => setup.close());
		// The audit log is not what is measured: its entries are dropped.
		const audit = { record: () => Promise.resolve(undefined) } as unknown as AuditLog;
		const context: PeopleContext = {
			db,
			log: setup,
			keys,
			audit,
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
			await reconcileKeys({
				db,
				log: setup,
				keys,
				areas: ALL_AREAS,
				keepers: keepersOf,
				alsoRotate: ALL_AREAS
			});
			progress(`people: rotation round ${round}/${ROTATION_ROUNDS}`);
		}
		const state = setup.require();
		const grants = state.grants.size;
		const ops = state.applied.length;
		if (grantsOf(state, keys.personId).length === 0) throw new Error('The manager holds no key.');

		const opens: number[] = [];
		const signIns: number[] = [];
		for (let run = 1; run <= RUNS; run++) {
			collectGarbage();
			const start = performance.now();
			const directory = (await openAuthority(db, { channelName: null }))!;
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
		const note = `${PEOPLE} people, ${grants.toLocaleString('en-US')} grants in ${ops} signed ops after ${ROTATION_ROUNDS} rotations of ${ALL_AREAS.length} areas; median of ${RUNS}`;
		return [
			{
				metric: 'people_document_open_ms',
				value: median(opens),
				unit: 'ms',
				goal: { atMost: 500 },
				note: `open + decrypt the people document, check every op's signature, resolve the chain of authority (once per app start); ${note}`
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
