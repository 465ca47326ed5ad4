/**
 * An office kept by the version before signed changes, opened by this one: the manager's first
 * sign-in moves it onto the chain of authority, and the old audit log's plaintext entries are
 * carried over — sealed to the managers — without anyone asking. Someone else cannot sign in
 * before that move. Runs the app's real session over an office written the way that version did.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chainName, seqKey } from '$lib/core/audit/audit-document';
import { chainEntry } from '$lib/core/audit/legacy-chain';
import { documentId } from '$lib/core/documents/document-id';
import { NotMigratedError } from '$lib/core/keys/migration';
import { ensureDevice } from '$lib/core/keys/device';
import { openDatabase } from '$lib/core/storage/db';
import { createLegacyOffice, legacyId, legacyRow } from '$lib/core/test-support/legacy-office';
import { ALL_AREAS } from '$lib/people/roles';
import { session } from './session.svelte';

const DATABASE = `session-migration-${crypto.randomUUID()}`;
const MANAGER = {
	id: legacyId(),
	name: 'Dana Whitaker',
	roles: ['manager'],
	passphrase: 'copper gulls circle the quiet pier'
};
const DESK = {
	id: legacyId(),
	name: 'Rosa Diaz',
	roles: ['front-desk'],
	passphrase: 'tulips lean toward the window'
};
const PERIOD = '2026-10';
const OLD_TARGET = 'patients/patients/OLD-PATIENT-7731';

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	const office = await createLegacyOffice(
		db,
		[MANAGER, DESK],
		[...ALL_AREAS.filter((a) => a !== 'audit-read')]
	);
	// One entry of the old, plaintext audit log, as that version wrote it.
	const device = await ensureDevice(db);
	const entry = await chainEntry(null, {
		at: `${PERIOD}-14T15:00:00.000Z`,
		actor: MANAGER.id,
		device: device.deviceId,
		action: 'view',
		target: OLD_TARGET,
		detail: 'Chart opened'
	});
	const doc = new Y.Doc();
	doc.getMap(chainName(device.deviceId)).set(seqKey(entry.seq), entry);
	await legacyRow(
		db,
		office,
		'audit',
		documentId({ area: 'audit', period: PERIOD }),
		Y.encodeStateAsUpdate(doc)
	);
	await db.meta.put({
		key: `audit-head:${device.deviceId}`,
		value: { seq: entry.seq, hash: entry.hash }
	});
	db.close();
	await session.start(DATABASE);
});

describe('an office from the version before signed changes', () => {
	it('asks for the manager before anyone else can sign in', async () => {
		await expect(session.unlock(DESK.id, DESK.passphrase)).rejects.toBeInstanceOf(NotMigratedError);
		expect(session.state).toBe('locked');
	});

	it('moves at the manager’s sign-in and carries the old audit log over, sealed', async () => {
		await session.unlock(MANAGER.id, MANAGER.passphrase);
		expect(session.state).toBe('unlocked');
		expect(session.authority.state?.persons.get(DESK.id)?.roles).toEqual(['front-desk']);
		const audit = session.workspace!.audit;

		await expect
			.poll(async () => (await audit.verify()).reduce((n, v) => n + v.carriedOver, 0), {
				timeout: 10_000
			})
			.toBe(1);
		const verdicts = await audit.verify();
		expect(verdicts.every((v) => v.verdict.ok && v.unsealed === 0)).toBe(true);
		const carried = (await audit.entries(PERIOD)).find((e) => e.target === OLD_TARGET);
		expect(carried).toMatchObject({ action: 'view', actor: MANAGER.id, detail: 'Chart opened' });
		expect(carried?.carriedOver?.by).toBe(MANAGER.id);
		await session.lock('manual');
	});

	it('then lets the others sign in', async () => {
		await session.unlock(DESK.id, DESK.passphrase);
		expect(session.state).toBe('unlocked');
		await session.lock('manual');
	});
});
