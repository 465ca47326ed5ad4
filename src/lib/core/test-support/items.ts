/** A toy collection for tests of the core: neutral names, a few field types, one index. */
import { z } from 'zod';
import type { CollectionSpec } from '../projection/projector';
import { zodValidator } from '../validation/validator';

export const itemSchema = z.object({
	id: z.string().min(1),
	name: z.string().min(1, 'Enter a name.'),
	qty: z.number().int().min(0, 'Use zero or more.')
});

export type Item = z.output<typeof itemSchema>;

export const itemsSpec: CollectionSpec<Item> = {
	collection: 'items',
	validate: zodValidator(itemSchema),
	indexes: ['qty']
};

export const noteSchema = z.object({
	id: z.string().min(1),
	text: z.string()
});

export type Note = z.output<typeof noteSchema>;

export const notesSpec: CollectionSpec<Note> = {
	collection: 'notes',
	validate: zodValidator(noteSchema)
};

/** The n-th test item, with an id that sorts in creation order. */
export function makeItem(n: number, overrides: Partial<Item> = {}): Item {
	return { id: `item-${String(n).padStart(5, '0')}`, name: `Item ${n}`, qty: n % 10, ...overrides };
}
