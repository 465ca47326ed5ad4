/**
 * One month of the log as a manager reads it: every entry opened and marked with how far it
 * could be checked (chain.ts `EntryTrust`), so forged entries, entries whose person could not be
 * verified and entries carried over from before signatures show for what they are. An entry
 * that does not open is left out here; verifying the chains reports it.
 */
import type { AuthorityState } from '../authority/state';
import type { AuditEntry, EntryTrust } from './chain';
import type { MonthView } from './audit-document';
import { carriedHash, type CarriedRecord } from './carried-entry';
import type { EntryOpener } from './entry-opener';
import { entryHash, type AuditContent, type SealedEntry } from './sealed-entry';
import { actorSigned, carriedText, deviceKeys, deviceText, verifyText } from './signatures';

export interface ReadContext {
	officeId: string;
	state: AuthorityState | null;
	opener: EntryOpener;
}

/** Every entry of the month, opened and checked, in no particular order. */
export async function readMonthEntries(
	view: MonthView,
	context: ReadContext
): Promise<AuditEntry[]> {
	const epks = new Map<string, JsonWebKey>();
	for (const keys of view.epks.values()) for (const [id, jwk] of keys) epks.set(id, jwk);
	const all: AuditEntry[] = [];
	for (const [device, list] of view.sealed) {
		for (const entry of list) {
			const content = await context.opener
				.sealed(entry, device, epks.get(entry.epk))
				.catch(() => null);
			if (!content) continue;
			const trust = await sealedTrust(entry, device, content, context);
			all.push({
				...content,
				seq: entry.seq,
				device,
				prevHash: entry.prevHash,
				hash: entry.hash,
				trust
			});
		}
	}
	for (const [device, list] of view.carried) {
		for (const record of list) {
			const content = await context.opener.carried(record, epks.get(record.epk)).catch(() => null);
			if (!content) continue;
			const { at, actor, action, target, detail, prevHash, hash, check } = content;
			all.push({
				seq: record.seq,
				at,
				actor,
				device,
				action,
				target,
				detail,
				prevHash,
				hash,
				trust: await carriedTrust(record, device, content.migratedBy, context),
				carriedOver: { by: content.migratedBy, device: record.by, at: content.migratedAt, check }
			});
		}
	}
	for (const [device, list] of view.unsealed) {
		const carried = new Set(view.carried.get(device)?.map((record) => record.seq));
		for (const entry of list) {
			if (!carried.has(entry.seq)) all.push({ ...entry, device, trust: 'unsealed' });
		}
	}
	return all;
}

async function sealedTrust(
	entry: SealedEntry,
	device: string,
	content: AuditContent,
	context: ReadContext
): Promise<EntryTrust> {
	const text = deviceText(context.officeId, device, entry.hash);
	const byDevice =
		entry.device === device &&
		content.device === device &&
		(await entryHash(entry)) === entry.hash &&
		(await verifyText(deviceKeys(context.state, device), entry.sig, text));
	if (!byDevice) return 'forged';
	if (entry.actorSig === null) return 'actor-unverified';
	return (await actorSigned(entry, content.actor, device, context)) ? 'verified' : 'forged';
}

async function carriedTrust(
	record: CarriedRecord,
	device: string,
	migratedBy: string,
	context: ReadContext
): Promise<EntryTrust> {
	const text = carriedText(context.officeId, record.by, device, record.hash);
	const byDevice =
		record.device === device &&
		(await carriedHash(record)) === record.hash &&
		(await verifyText(deviceKeys(context.state, record.by), record.sig, text));
	if (!byDevice) return 'forged';
	if (record.actorSig === null) return 'actor-unverified';
	return (await actorSigned(record, migratedBy, record.by, context)) ? 'verified' : 'forged';
}
