/**
 * Forging another device's log, tried with real keys: a second device of the office (its own
 * database and signing key, synced by copying rows as the relay would) writes into the first
 * device's chain, rewrites it, or cuts it short, and every device checks the result.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { newestAuditKey } from '../authority/state';
import type { DeviceRow } from '../storage/db';
import { AUDIT_AREA, chainName, epkName, HEADS, sealedKey } from './audit-document';
import type { ChainHead } from './chain';
import { newEntrySealer } from './entry-key';
import { parseHead, sealEntry, signHead, type EntrySigner, type SealedEntry } from './sealed-entry';
import {
	createAuditOffice,
	syncAudit,
	type AuditDevice,
	type AuditOffice
} from './test-support/audit-office';

const NOW = new Date('2026-04-02T10:00:00.000Z');
const PERIOD = '2026-04';

let ao: AuditOffice;
let tablet: AuditDevice;
let here: { db: AuditDevice['db']; documents: AuditDevice['documents'] };

beforeEach(async () => {
	ao = await createAuditOffice({ now: () => NOW });
	tablet = await ao.addDevice('Tablet');
	here = { db: ao.office.db, documents: ao.office.workspace.documents };
});

afterEach(async () => {
	await ao.dispose();
});

async function recordHere(count: number): Promise<void> {
	for (let n = 1; n <= count; n++) {
		await ao.office.workspace.audit.record({ action: 'view', target: `alpha/items/item-${n}` });
	}
}

async function docOf(device: { documents: AuditDevice['documents'] }): Promise<Y.Doc> {
	return (await device.documents.open({ area: AUDIT_AREA, period: PERIOD })).doc;
}

/** Signs as `chainDevice` with the tablet's own device key: the best a forger can do. */
async function forger(chainDevice: string): Promise<EntrySigner> {
	const row = (await tablet.db.device.get('this-device')) as DeviceRow;
	return {
		officeId: ao.office.keys.officeId,
		deviceId: chainDevice,
		deviceKey: row.signingPrivateKey,
		personKey: ao.office.keys.person.signingPrivate
	};
}

/** Writes well-formed, sealed entries into `chainDevice`'s chain on the tablet, after `prev`. */
async function forgeOnTablet(
	chainDevice: string,
	prev: ChainHead | null,
	count: number,
	options: { replace?: boolean } = {}
): Promise<void> {
	const doc = await docOf(tablet);
	const sealer = await newEntrySealer(newestAuditKey(ao.state())!);
	const signer = await forger(chainDevice);
	const entries: SealedEntry[] = [];
	let head = prev;
	for (let n = 0; n < count; n++) {
		const content = {
			at: NOW.toISOString(),
			actor: ao.office.keys.personId,
			device: chainDevice,
			action: 'view',
			target: `alpha/items/forged-${n}`,
			detail: 'Nothing to see'
		};
		const entry = await sealEntry(head, content, sealer, signer);
		entries.push(entry);
		head = entry;
	}
	const signedHead = head && (await signHead(signer, head));
	doc.transact(() => {
		doc.getMap(epkName(tablet.deviceId)).set(sealer.epkId, sealer.publicJwk);
		const chain = doc.getMap(chainName(chainDevice));
		if (options.replace) chain.clear();
		for (const entry of entries) chain.set(sealedKey(entry.seq), entry);
		if (options.replace && signedHead) doc.getMap(HEADS).set(chainDevice, signedHead);
	});
	await tablet.documents.flush();
}

describe('a device’s audit chain', () => {
	it('cannot take an entry written by another device undetected', async () => {
		await recordHere(3);
		await syncAudit(here, tablet);
		const victim = ao.office.keys.deviceId;
		const head = parseHead((await docOf(tablet)).getMap(HEADS).get(victim));
		expect(head?.seq).toBe(3);

		await forgeOnTablet(victim, head, 1);
		await syncAudit(tablet, here);

		for (const audit of [ao.office.workspace.audit, tablet.audit]) {
			const verdicts = await audit.verify();
			expect(verdicts.find((v) => v.device === victim)?.verdict).toMatchObject({
				ok: false,
				problem: 'forged',
				atSeq: 4
			});
		}
		const entries = await ao.office.workspace.audit.entries(PERIOD);
		expect(entries.map((entry) => [entry.seq, entry.trust])).toEqual([
			[1, 'verified'],
			[2, 'verified'],
			[3, 'verified'],
			[4, 'forged']
		]);
	});

	it('fails on every device when another device rewrites it whole and consistently', async () => {
		await recordHere(3);
		await syncAudit(here, tablet);
		const victim = ao.office.keys.deviceId;

		await forgeOnTablet(victim, null, 3, { replace: true });
		await syncAudit(tablet, here);

		const third = ao.auditFor(ao.office.keys, { deviceId: 'THIRDDEVICEAAAAAAAAAAAAAAA' });
		for (const audit of [ao.office.workspace.audit, tablet.audit, third]) {
			const verdicts = await audit.verify();
			expect(verdicts.find((v) => v.device === victim)?.verdict).toMatchObject({
				ok: false,
				problem: 'forged',
				atSeq: 1
			});
		}
	});

	it('shows an entry cut off its end on other devices, through the shared heads', async () => {
		for (let n = 1; n <= 3; n++) {
			await tablet.audit.record({ action: 'view', target: `alpha/items/item-${n}` });
		}
		await syncAudit(tablet, here);
		const verdicts = await ao.office.workspace.audit.verify();
		expect(verdicts.find((v) => v.device === tablet.deviceId)?.verdict).toEqual({
			ok: true,
			count: 3
		});

		const doc = await docOf(here);
		doc.transact(() => doc.getMap(chainName(tablet.deviceId)).delete(sealedKey(3)));

		const after = await ao.office.workspace.audit.verify();
		expect(after.find((v) => v.device === tablet.deviceId)?.verdict).toEqual({
			ok: false,
			problem: 'truncated',
			atSeq: 3,
			message: 'Audit entry 3 is missing from the end.'
		});
	});

	it('rejects a shared head written for it by another device', async () => {
		await tablet.audit.record({ action: 'view', target: 'alpha/items/item-1' });
		await syncAudit(tablet, here);
		const doc = await docOf(here);
		const row = (await ao.office.db.device.get('this-device')) as DeviceRow;
		const signer: EntrySigner = {
			officeId: ao.office.keys.officeId,
			deviceId: tablet.deviceId,
			deviceKey: row.signingPrivateKey,
			personKey: null
		};
		const entry = doc.getMap<{ hash: string }>(chainName(tablet.deviceId)).get(sealedKey(1))!;
		doc.transact(() => doc.getMap(HEADS).set(tablet.deviceId, null));
		const bogus = await signHead(signer, { seq: 1, hash: entry.hash });
		doc.transact(() => doc.getMap(HEADS).set(tablet.deviceId, bogus));

		const verdicts = await ao.office.workspace.audit.verify();
		expect(verdicts.find((v) => v.device === tablet.deviceId)?.verdict).toMatchObject({
			ok: false,
			problem: 'forged'
		});
	});

	it('still verifies with the entries of a device removed since', async () => {
		await tablet.audit.record({ action: 'view', target: 'alpha/items/item-1' });
		await tablet.audit.record({ action: 'update', target: 'alpha/items/item-1' });
		await syncAudit(tablet, here);
		await ao.removeDevice(tablet.deviceId);
		expect(ao.state().devices.get(tablet.deviceId)?.removed).toBe(true);

		const verdicts = await ao.office.workspace.audit.verify();
		expect(verdicts.find((v) => v.device === tablet.deviceId)?.verdict).toEqual({
			ok: true,
			count: 2
		});
		const entries = await ao.office.workspace.audit.entries(PERIOD);
		expect(entries.map((entry) => [entry.device, entry.trust])).toEqual([
			[tablet.deviceId, 'verified'],
			[tablet.deviceId, 'verified']
		]);
	});
});
