import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { collection, readRecord, writeRecord } from '../documents/records';
import { StorageFullError } from '../storage/errors';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import { defineCommand, InvalidInputError, runCommand } from './command';

const NOW = new Date('2026-04-02T10:00:00.000Z');

const createItem = defineCommand({
	name: 'items.create',
	input: z.object({
		name: z.string().trim().min(1, 'Enter a name.'),
		qty: z.number().int().min(0, 'Use zero or more.')
	}),
	async run(context, input) {
		const id = ulid();
		const document = await context.documents.open({ area: 'alpha' });
		document.transact((doc) => writeRecord(doc, 'items', id, { id, ...input }));
		return { id };
	},
	audit: (_input, result) => ({
		action: 'create',
		target: `alpha/items/${result.id}`,
		detail: 'item created'
	})
});

let office: TestOffice;

beforeEach(async () => {
	office = await createTestOffice({ now: () => NOW });
});

afterEach(async () => {
	vi.restoreAllMocks();
	await office.dispose();
});

describe('runCommand', () => {
	it('rejects invalid input with one message per field and writes nothing', async () => {
		const run = vi.spyOn(createItem, 'run');
		// Creating the office stored its people document: count from there.
		const updates = await office.db.updates.count();
		const snapshots = await office.db.snapshots.count();
		const error = await runCommand(office.workspace.commandContext(), createItem, {
			name: '   ',
			qty: -1
		}).catch((e: unknown) => e);

		expect(error).toBeInstanceOf(InvalidInputError);
		expect(error).toMatchObject({
			command: 'items.create',
			fields: { name: 'Enter a name.', qty: 'Use zero or more.' },
			message: 'Enter a name.'
		});
		expect(run).not.toHaveBeenCalled();
		expect(await office.db.updates.count()).toBe(updates);
		expect(await office.db.snapshots.count()).toBe(snapshots);
	});

	it('runs valid input, stores the change and appends exactly one audit entry', async () => {
		const result = await runCommand(office.workspace.commandContext(), createItem, {
			name: '  Shelf  ',
			qty: 4
		});

		const store = office.openStore();
		const document = await store.open({ area: 'alpha' });
		expect(readRecord(collection(document.doc, 'items').get(result.id))).toEqual({
			id: result.id,
			name: 'Shelf',
			qty: 4
		});

		const entries = await office.workspace.audit.entries('2026-04');
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			seq: 1,
			action: 'create',
			target: `alpha/items/${result.id}`,
			actor: office.keys.personId,
			at: NOW.toISOString()
		});
	});

	it('reports a change that could not be stored and audits nothing', async () => {
		vi.spyOn(office.db.updates, 'add').mockRejectedValue(
			new DOMException('full', 'QuotaExceededError')
		);
		await expect(
			runCommand(office.workspace.commandContext(), createItem, { name: 'Shelf', qty: 1 })
		).rejects.toBeInstanceOf(StorageFullError);
		vi.restoreAllMocks();

		expect(await office.workspace.audit.entries('2026-04')).toEqual([]);
		expect(await office.db.meta.get(`audit-head:${office.keys.deviceId}`)).toBeUndefined();
	});
});
