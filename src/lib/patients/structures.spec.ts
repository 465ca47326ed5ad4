import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameOrder } from './name-order';
import { PhoneText } from './phone-text';
import { PrefixMap } from './prefix-map';
import { SortedEntries } from './sorted-entries';
import { TopMatches } from './top-matches';

describe('PrefixMap', () => {
	it('finds keys by prefix, before and after a bulk load, and drops emptied keys', () => {
		const map = new PrefixMap<number>();
		map.add('garcia', 1);
		map.add('garza', 2);
		map.add('gardner', 3);
		map.add('garcia', 4);
		expect(map.keysWithPrefix('gar')).toEqual(['garcia', 'gardner', 'garza']);
		map.deferSorting();
		map.add('ga', 5);
		expect(map.keysWithPrefix('ga')).toEqual(['ga', 'garcia', 'gardner', 'garza']);
		map.delete('garcia', 1);
		expect(map.get('garcia')).toEqual([4]);
		map.delete('garcia', 4);
		map.delete('nobody', 9);
		expect(map.keysWithPrefix('garc')).toEqual([]);
		expect(map.keyCount).toBe(3);
	});
});

describe('SortedEntries', () => {
	it('gives the entries with a key prefix as one slice, through inserts and removals', () => {
		const dob = (entry: { dob: string }) => entry.dob;
		const sorted = new SortedEntries(dob);
		const [a, b, c, d] = ['1984-03-07', '1990-01-01', '1984-03-07', '1984-11-30'].map((x) => ({
			dob: x
		}));
		sorted.rebuild([a, b]);
		sorted.insert(c);
		sorted.insert(d);
		const slice = (s: { items: readonly { dob: string }[]; from: number; to: number }) =>
			s.items.slice(s.from, s.to);
		expect(slice(sorted.withPrefix('1984'))).toEqual([a, c, d]);
		expect(slice(sorted.withKey('1984-03-07'))).toHaveLength(2);
		sorted.remove(c);
		expect(slice(sorted.withKey('1984-03-07'))).toEqual([a]);
		expect(slice(sorted.withPrefix('2'))).toEqual([]);
	});
});

describe('NameOrder', () => {
	it('numbers entries in key order, however they arrive', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 200 }),
				fc.nat(200),
				(keys, split) => {
					const order = new NameOrder<{ sortKey: string; order: number }>();
					const entries = keys.map((sortKey) => ({ sortKey, order: 0 }));
					order.rebuild(entries.slice(0, split));
					// Many inserts into the same gap force renumbering now and then.
					for (const entry of entries.slice(split)) order.insert(entry);
					const byOrder = [...entries].sort((a, b) => a.order - b.order).map((e) => e.sortKey);
					expect(byOrder).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
				}
			)
		);
	});

	it('keeps order through removals', () => {
		const order = new NameOrder<{ sortKey: string; order: number }>();
		const [a, b, c] = ['a', 'b', 'c'].map((sortKey) => ({ sortKey, order: 0 }));
		order.rebuild([a, c]);
		order.remove(a);
		order.insert(b);
		expect(b.order).toBeLessThan(c.order);
	});
});

describe('TopMatches', () => {
	it('keeps the best by score, then standing, then name order', () => {
		const top = new TopMatches<{ id: string; standing: number; order: number }>(3);
		top.offer({ id: 'inactive', standing: 1, order: 0 }, 4);
		top.offer({ id: 'late name', standing: 2, order: 9 }, 4);
		top.offer({ id: 'early name', standing: 2, order: 1 }, 4);
		top.offer({ id: 'low score', standing: 2, order: 0 }, 2);
		top.offer({ id: 'best', standing: 0, order: 5 }, 6);
		expect(top.best().map((v) => v.id)).toEqual(['best', 'early name', 'late name']);
		const none = new TopMatches<{ standing: number; order: number }>(0);
		none.offer({ standing: 2, order: 0 }, 6);
		expect(none.best()).toEqual([]);
	});
});

describe('PhoneText', () => {
	it('finds owners by digits anywhere in their numbers, and forgets removed ones', () => {
		const phones = new PhoneText<string>();
		phones.add('ana', ['2175550101', '3125550188']);
		phones.add('luis', ['7732014455']);
		expect(phones.find('0101')).toEqual(['ana']);
		expect(phones.find('55501')).toEqual(['ana', 'ana']);
		phones.remove('ana');
		phones.add('eva', ['6305550101']);
		expect(phones.find('0101')).toEqual(['eva']);
		expect(phones.find('--')).toEqual([]);
		expect(phones.find('01|7')).toEqual([]);
	});
});
