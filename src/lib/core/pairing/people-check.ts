/**
 * Checks the people document a pairing hands over before anything is stored: every row must
 * open with the handed-over people key, and together they must name at least one person who can
 * sign in. Otherwise the new device would hold an office nobody can open there.
 */
import * as Y from 'yjs';
import { importAeadKey, open, associatedData } from '../crypto/aead';
import { documentId } from '../documents/document-id';
import { collection, readRecord } from '../documents/records';
import { PEOPLE_DOCUMENT, PERSONS_COLLECTION } from '../people/people-directory';
import { personSchema } from '../people/people-schema';
import type { KeysPayload } from './payload';

/** Whether the payload's people rows decrypt and list someone active. */
export async function peopleRowsUsable(payload: KeysPayload): Promise<boolean> {
	const docId = documentId(PEOPLE_DOCUMENT);
	const key = await importAeadKey(payload.peopleKey);
	const doc = new Y.Doc();
	try {
		for (const row of payload.people) {
			const aad = associatedData({ docId, epoch: row.epoch, deviceId: row.deviceId });
			Y.applyUpdate(doc, await open(key, row, aad));
		}
		return [...collection(doc, PERSONS_COLLECTION).values()].some(
			(value) => personSchema.safeParse(readRecord(value)).data?.active === true
		);
	} catch {
		return false;
	} finally {
		doc.destroy();
	}
}
