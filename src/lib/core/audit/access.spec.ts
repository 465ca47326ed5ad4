/**
 * Who may do what with the log, tried with real keys: a front-desk person (the `audit` key, not
 * `audit-read`) and the office manager, signed in on the same device with their own keys.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { UnlockedKeys } from '../keys/vault';
import { Workspace } from '../session/workspace';
import { tablesContaining } from '../test-support/storage-scan';
import { AUDIT_AREA } from './audit-document';
import { AuditReadError } from './audit-log';
import {
	bytesContain,
	createAuditOffice,
	openedAuditRows,
	type AuditOffice
} from './test-support/audit-office';

const NOW = new Date('2026-04-02T10:00:00.000Z');
const PERIOD = '2026-04';

let ao: AuditOffice;
let desk: UnlockedKeys;
let deskSession: Workspace;

beforeEach(async () => {
	ao = await createAuditOffice({ now: () => NOW });
	desk = await ao.addPerson('Dee Desk', ['front-desk'], ['alpha', 'audit']);
	deskSession = new Workspace(ao.office.db, desk, {
		channelName: null,
		now: () => NOW,
		authority: () => ao.log.state
	});
});

afterEach(async () => {
	await deskSession.close();
	await ao.dispose();
});

/** The manager's open documents catch up with what the desk's session stored. */
async function managerCatchesUp(): Promise<void> {
	await ao.office.workspace.documents.catchUp(`${AUDIT_AREA}/${PERIOD}`);
}

describe('the audit log for a front-desk person', () => {
	it('takes their entries and lets them check the chains', async () => {
		await deskSession.audit.record({ action: 'view', target: 'alpha/items/item-1' });
		expect(deskSession.audit.canRead).toBe(false);
		expect(await deskSession.audit.verify()).toEqual([
			{
				device: desk.deviceId,
				verdict: { ok: true, count: 1 },
				actorUnverified: 0,
				carriedOver: 0,
				unsealed: 0,
				actorsChecked: false
			}
		]);
	});

	it('shows them no entry’s content, and leaves none in plaintext anywhere they can look', async () => {
		await ao.office.workspace.audit.record({
			action: 'view',
			target: 'alpha/items/CANARY-TARGET-7301',
			detail: 'CANARY-DETAIL-7302'
		});
		await deskSession.audit.record({ action: 'view', target: 'alpha/items/CANARY-TARGET-7303' });

		await expect(deskSession.audit.entries(PERIOD)).rejects.toThrow(
			'Only office managers can read the audit log.'
		);
		await expect(deskSession.audit.entriesBetween(PERIOD, PERIOD)).rejects.toBeInstanceOf(
			AuditReadError
		);
		await expect(deskSession.audit.migrateLegacy()).rejects.toBeInstanceOf(AuditReadError);

		const { doc } = await deskSession.documents.open({ area: AUDIT_AREA, period: PERIOD });
		const state = [
			Y.encodeStateAsUpdate(doc),
			new TextEncoder().encode(JSON.stringify(doc.toJSON()))
		];
		const rows = await openedAuditRows(ao.office.db, desk);
		const canaries = ['CANARY-TARGET-7301', 'CANARY-DETAIL-7302', 'CANARY-TARGET-7303'];
		for (const text of [...canaries, ao.office.keys.personId, desk.personId]) {
			expect(bytesContain(state, text)).toBe(false);
			expect(bytesContain(rows, text)).toBe(false);
		}
		for (const text of canaries) expect(await tablesContaining(ao.office.db, text)).toEqual([]);
	});
});

describe('the audit log for a manager', () => {
	it('opens every entry, whoever wrote it, each signed by its device and person', async () => {
		await deskSession.audit.record({
			action: 'view',
			target: 'alpha/items/item-1',
			detail: 'desk'
		});
		await ao.office.workspace.audit.record({ action: 'update', target: 'alpha/items/item-1' });
		await managerCatchesUp();

		const entries = await ao.office.workspace.audit.entries(PERIOD);
		expect(
			entries.map((entry) => [entry.seq, entry.actor, entry.action, entry.detail, entry.trust])
		).toEqual([
			[1, desk.personId, 'view', 'desk', 'verified'],
			[2, ao.office.keys.personId, 'update', '', 'verified']
		]);
	});

	it('marks an entry naming another person than the one who signed it as forged', async () => {
		const manager = ao.office.keys.personId;
		// A changed client: it names the manager and signs with the desk person's own key.
		const impostor = ao.auditFor(desk, {
			actor: () => manager,
			person: () => ({ ...desk.person, personId: manager })
		});
		await impostor.record({ action: 'view', target: 'alpha/items/item-1' });

		const [entry] = await ao.office.workspace.audit.entries(PERIOD);
		expect(entry).toMatchObject({ actor: manager, trust: 'forged' });
		const [result] = await ao.office.workspace.audit.verify();
		expect(result.verdict).toEqual({
			ok: false,
			problem: 'forged',
			atSeq: 1,
			message: 'Audit entry 1 names a person who did not sign it.'
		});
	});

	it('marks an entry its person did not sign as not verified, not as tampering', async () => {
		// A person carried over from before signed changes has no signing key until they enrol.
		const unsigned = ao.auditFor(desk, {
			person: () => ({ ...desk.person, signingPrivate: null })
		});
		await unsigned.record({ action: 'view', target: 'alpha/items/item-1' });

		const [entry] = await ao.office.workspace.audit.entries(PERIOD);
		expect(entry).toMatchObject({ actor: desk.personId, trust: 'actor-unverified' });
		const [result] = await ao.office.workspace.audit.verify();
		expect(result).toMatchObject({ verdict: { ok: true, count: 1 }, actorUnverified: 1 });
	});
});
