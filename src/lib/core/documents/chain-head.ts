/**
 * This device's own chain in each document (documents/item-link.ts): the position and hash of
 * the last update it wrote there, kept in meta beside the rows. Advanced in the same transaction
 * that stores the update, under a lock all tabs share, so two tabs never give two updates the
 * same position.
 */
import { readMeta, type OfficeDatabase } from '../storage/db';
import type { ChainHead } from './item-link';

/** The document whose chain position every update quotes as `authSeq`. */
export const AUTHORITY_DOC_ID = 'people';

export type OwnHead = Omit<ChainHead, 'deviceId'>;

export const NO_HEAD: OwnHead = { seq: 0, hash: '' };

export function ownHeadKey(docId: string): string {
	return `chain:${docId}`;
}

/** This device's head in a document (seq 0 before its first update there). */
export function readOwnHead(db: OfficeDatabase, docId: string): Promise<OwnHead> {
	return readMeta<OwnHead>(db, ownHeadKey(docId), NO_HEAD);
}

/** The name of the lock that orders this device's writes to one document. */
export function chainLockName(docId: string): string {
	return `practice-office:chain:${docId}`;
}
