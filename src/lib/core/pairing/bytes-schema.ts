import { z } from 'zod';

/** A zod schema for a Uint8Array, of exactly `length` bytes when given. */
export function bytesSchema(length?: number) {
	return z
		.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes')
		.refine((b) => length === undefined || b.length === length, `expected ${length} bytes`);
}
