/**
 * Checking every device's chain across all months, the way any device can: hashes and links,
 * the writing device's signature on each entry (against the key the office's authority lists for
 * it, removed devices included), and the signed chain ends every device shares — so an entry
 * forged into another device's chain, a chain rewritten by anyone but its device, or entries
 * cut off its end, show wherever the log is checked, not only on the device that wrote it.
 *
 * Who can open entries (managers) also checks what only the content tells: that the entry says
 * the device whose chain holds it, and that the person it names signed it. Entries from before
 * signatures are checked as far as their carried-over records and old hashes allow
 * (legacy-verify.ts).
 */
import type { AuthorityState } from '../authority/state';
import { verifyLinks, fail, type ChainHead, type ChainVerdict } from './chain';
import type { MonthView } from './audit-document';
import type { EntryOpener } from './entry-opener';
import { verifyLegacy, type LegacyParts } from './legacy-verify';
import { entryHash, parseHead, type SealedEntry } from './sealed-entry';
import { actorSigned, deviceKeys, deviceText, headText, verifyText } from './signatures';

export interface DeviceChainVerdict {
	device: string;
	verdict: ChainVerdict;
	/** Entries whose person did not sign them (they had no signing key); counted by readers. */
	actorUnverified: number;
	/** Entries from before signatures that a manager carried over. */
	carriedOver: number;
	/** Entries from before signatures still in plaintext, waiting to be carried over. */
	unsealed: number;
	/** Whether the people entries name were checked (only those who can open entries can). */
	actorsChecked: boolean;
}

export interface VerifyContext {
	/** Every ephemeral public key of the months checked, by id (filled in here). */
	epks?: ReadonlyMap<string, JsonWebKey>;
	officeId: string;
	state: AuthorityState | null;
	thisDevice: string;
	/** This device's own remembered chain end, and that of its old plaintext chain. */
	localHead: ChainHead | null;
	localLegacyHead: ChainHead | null;
	/** Present for those who can open entries. */
	opener: EntryOpener | null;
}

interface DeviceParts extends LegacyParts {
	sealed: SealedEntry[];
	heads: unknown[];
}

/** One verdict per device that has (or had) entries, oldest months first. */
export async function verifyChains(
	months: readonly MonthView[],
	context: VerifyContext
): Promise<DeviceChainVerdict[]> {
	const devices = new Map<string, DeviceParts>();
	const epks = new Map<string, JsonWebKey>();
	const part = (device: string) => {
		let parts = devices.get(device);
		if (!parts) {
			parts = { sealed: [], heads: [], unsealed: [], carried: [], carriedHeads: [] };
			devices.set(device, parts);
		}
		return parts;
	};
	for (const month of months) {
		for (const [device, list] of month.sealed) part(device).sealed.push(...list);
		for (const [device, list] of month.unsealed) part(device).unsealed.push(...list);
		for (const [device, list] of month.carried) part(device).carried.push(...list);
		for (const [key, value] of month.heads) {
			if (key.startsWith('legacy:')) part(key.slice('legacy:'.length)).carriedHeads.push(value);
			else part(key).heads.push(value);
		}
		// Ids are commitments to their keys (entry-key.ts), so one map for all is safe: a carried-
		// over record is sealed with the migrating device's key, not its original device's.
		for (const keys of month.epks.values()) for (const [id, jwk] of keys) epks.set(id, jwk);
	}
	if (context.localHead || context.localLegacyHead) part(context.thisDevice);
	const verdicts: DeviceChainVerdict[] = [];
	for (const [device, parts] of devices) {
		verdicts.push(await verifyDevice(device, parts, { ...context, epks }));
	}
	return verdicts;
}

async function verifyDevice(
	device: string,
	parts: DeviceParts,
	context: VerifyContext
): Promise<DeviceChainVerdict> {
	const legacy = await verifyLegacy(device, parts, context);
	const sealed = await verifySealed(device, parts, context);
	const verdict = !legacy.verdict.ok
		? legacy.verdict
		: !sealed.verdict.ok
			? sealed.verdict
			: { ok: true as const, count: parts.sealed.length + legacy.count };
	return {
		device,
		verdict,
		actorUnverified: legacy.actorUnverified + sealed.actorUnverified,
		carriedOver: legacy.carriedOver,
		unsealed: legacy.unsealed,
		actorsChecked: context.opener !== null
	};
}

async function verifySealed(device: string, parts: DeviceParts, context: VerifyContext) {
	const { officeId, state, opener } = context;
	const keys = deviceKeys(state, device);
	const heads: ChainHead[] = [];
	let forgedHead: ChainHead | null = null;
	for (const value of parts.heads) {
		const head = parseHead(value);
		const signed =
			head && (await verifyText(keys, head.sig, headText(officeId, device, head.seq, head.hash)));
		if (head && signed) heads.push(head);
		else forgedHead ??= head ?? { seq: 0, hash: '' };
	}
	if (device === context.thisDevice && context.localHead) heads.push(context.localHead);
	let verdict = await verifyLinks(parts.sealed, {
		hashOf: entryHash,
		authentic: async (entry) =>
			entry.device === device &&
			verifyText(keys, entry.sig, deviceText(officeId, device, entry.hash)),
		heads
	});
	if (verdict.ok && forgedHead) {
		verdict = fail(
			'forged',
			forgedHead.seq,
			'The end of this device’s log, as shared with the other devices, was not written by it.'
		);
	}
	let actorUnverified = 0;
	if (!opener) return { verdict, actorUnverified };
	for (const entry of parts.sealed) {
		let problem: ChainVerdict | null = null;
		try {
			const content = await opener.sealed(entry, device, context.epks?.get(entry.epk));
			if (content.device !== device) problem = notItsDevice(entry.seq);
			else if (entry.actorSig === null) actorUnverified++;
			else if (!(await actorSigned(entry, content.actor, device, context))) {
				problem = fail(
					'forged',
					entry.seq,
					`Audit entry ${entry.seq} names a person who did not sign it.`
				);
			}
		} catch {
			problem = fail(
				'edited',
				entry.seq,
				`Audit entry ${entry.seq} cannot be opened: its key was removed or altered.`
			);
		}
		if (problem && verdict.ok) verdict = problem;
	}
	return { verdict, actorUnverified };
}

function notItsDevice(seq: number): ChainVerdict {
	return fail('forged', seq, `Audit entry ${seq} names another device than the one that wrote it.`);
}
