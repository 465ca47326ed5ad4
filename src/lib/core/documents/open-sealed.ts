/**
 * Opens one stored row and tells an unreadable row apart from a failure: a row that was altered
 * or sealed under a key epoch not held here is an answer about that row, so the caller can set
 * it aside and go on with the others. Anything else (no key of the area at all, a bug) is thrown:
 * it concerns the whole document, not one row.
 */
import { DecryptionError } from '../crypto/errors';
import { MissingKeyError } from '../keys/area-keyring';
import type { DocumentCipher, SealedBytes } from './cipher';

export type OpenedRow =
	| { ok: true; update: Uint8Array }
	| { ok: false; reason: 'undecryptable' | 'missing-key'; message: string };

export async function openSealed(
	cipher: DocumentCipher,
	docId: string,
	area: string,
	sealed: SealedBytes
): Promise<OpenedRow> {
	try {
		return { ok: true, update: await cipher.open(docId, area, sealed) };
	} catch (error) {
		if (error instanceof DecryptionError) {
			return { ok: false, reason: 'undecryptable', message: error.message };
		}
		if (error instanceof MissingKeyError && error.epoch !== undefined) {
			return { ok: false, reason: 'missing-key', message: error.message };
		}
		throw error;
	}
}
