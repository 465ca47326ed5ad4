/**
 * The ops this device has seen, kept in its own table as well as in the people document.
 *
 * Anyone who can write the people document (every enrolled device holds its key) could delete an
 * op from it, or overwrite it, and a Yjs deletion travels like any edit: without a copy of its
 * own, every device would forget, say, that someone was turned off. Ops are signed and never
 * change, so a device keeps each one it verified — sealed with the people key, verified again
 * when read — and puts back into the document any op that went missing there.
 */
import { utf8Decode, utf8Encode } from '../bytes';
import type { DocumentCipher } from '../documents/cipher';
import type { OfficeDatabase } from '../storage/db';
import type { StoredOp } from './op-codec';

const AREA = 'people';
const sealId = (id: string) => `people#op:${id}`;

export class OpStore {
	constructor(
		private readonly db: OfficeDatabase,
		private readonly cipher: DocumentCipher
	) {}

	/** Every op kept here that still opens (with its id); others are skipped. */
	async all(): Promise<Map<string, StoredOp>> {
		const rows = await this.db.authorityOps.toArray();
		const ops = new Map<string, StoredOp>();
		for (const row of rows) {
			try {
				const text = utf8Decode(await this.cipher.open(sealId(row.id), AREA, row));
				ops.set(row.id, JSON.parse(text) as StoredOp);
			} catch {
				// Sealed under a people key this device no longer holds, or damaged: the document
				// (or another device) still has it.
			}
		}
		return ops;
	}

	/** Keeps ops (already verified) that are not kept yet. */
	async keep(ops: ReadonlyMap<string, StoredOp>): Promise<void> {
		if (ops.size === 0) return;
		const known = new Set(
			(await this.db.authorityOps.bulkGet([...ops.keys()])).map((row) => row?.id)
		);
		const rows = [];
		for (const [id, op] of ops) {
			if (known.has(id)) continue;
			const sealed = await this.cipher.seal(sealId(id), AREA, utf8Encode(JSON.stringify(op)));
			rows.push({ id, ...sealed });
		}
		if (rows.length > 0) await this.db.authorityOps.bulkPut(rows);
	}
}
