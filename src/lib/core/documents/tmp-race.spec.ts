import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeItem } from '../test-support/items';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import { collection, writeRecord } from './records';

let office: TestOffice;
beforeEach(async () => {
	office = await createTestOffice();
});
afterEach(async () => {
	await office.dispose();
});

it('race', async () => {
	const channel = { channelName: `${office.db.name}:docs` };
	const tabA = office.openStore(channel);
	const tabB = office.openStore(channel);
	const b = await tabB.open({ area: 'alpha' });
	const a = await tabA.open({ area: 'alpha' });
	a.transact((doc) => writeRecord(doc, 'items', makeItem(1).id, makeItem(1)));
	await tabA.compact({ area: 'alpha' });
	await new Promise((r) => setTimeout(r, 200));
	expect(collection(b.doc, 'items').size).toBe(1);
});
