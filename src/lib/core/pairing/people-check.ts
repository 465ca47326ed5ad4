/**
 * Checks the people document a pairing hands over before anything is stored: every row must
 * open with the handed-over people keys, and its signed ops, resolved from the office's root,
 * must name at least one person who can sign in. Otherwise the new device would hold an office
 * nobody can open there.
 */
import * as Y from 'yjs';
import { PEOPLE_AREA } from '../authority/authority-log';
import { fingerprintsOf } from '../authority/fingerprints';
import { checkOp, type CheckedOp, type StoredOp } from '../authority/op-codec';
import { resolveAuthority } from '../authority/resolve';
import { keyringCipher } from '../keys/document-cipher';
import { peopleKeyring } from '../keys/people-keys';
import { rootOf } from '../keys/vault';
import type { KeysPayload } from './payload';

/** Whether the payload's people rows decrypt and list someone active. */
export async function peopleRowsUsable(payload: KeysPayload): Promise<boolean> {
	const root = rootOf(payload.office);
	if (!root) return false;
	const cipher = keyringCipher(await peopleKeyring(payload.peopleKeys), '');
	const doc = new Y.Doc();
	try {
		for (const row of payload.people)
			Y.applyUpdate(doc, await cipher.open('people', PEOPLE_AREA, row));
		const ops: CheckedOp[] = [];
		for (const [id, value] of doc.getMap<StoredOp>('ops').entries()) {
			const checked = await checkOp(root.officeId, value, id);
			if (checked.ok) ops.push(checked.op);
		}
		const state = resolveAuthority(root, ops, await fingerprintsOf(ops));
		return [...state.persons.values()].some((person) => person.active);
	} catch {
		return false;
	} finally {
		doc.destroy();
	}
}
