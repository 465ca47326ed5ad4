/**
 * Bytes arriving in pieces (decrypted chunks) and read back out in records that may span
 * pieces. Keeps the pieces as they came, so a large record is copied once, not once per piece.
 */

/** A FIFO of bytes. */
export class ByteQueue {
	#parts: Uint8Array[] = [];
	#offset = 0;
	#length = 0;

	/** How many bytes are waiting. */
	get length(): number {
		return this.#length;
	}

	/** Appends bytes (kept, not copied). */
	push(bytes: Uint8Array): void {
		if (bytes.length === 0) return;
		this.#parts.push(bytes);
		this.#length += bytes.length;
	}

	/** The unsigned 32-bit big-endian number `at` bytes ahead, without consuming it. */
	peekU32(at = 0): number {
		const b = this.#peek(at, 4);
		return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
	}

	/** Takes the next `n` bytes off the queue. */
	read(n: number): Uint8Array {
		const out = this.#peek(0, n);
		this.#skip(n);
		return out;
	}

	#peek(at: number, n: number): Uint8Array {
		if (at + n > this.#length) throw new RangeError('Not enough bytes queued.');
		const out = new Uint8Array(n);
		let filled = 0;
		let skip = this.#offset + at;
		for (const part of this.#parts) {
			if (filled === n) break;
			if (skip >= part.length) {
				skip -= part.length;
				continue;
			}
			const take = Math.min(part.length - skip, n - filled);
			out.set(part.subarray(skip, skip + take), filled);
			filled += take;
			skip = 0;
		}
		return out;
	}

	#skip(n: number): void {
		this.#length -= n;
		let left = this.#offset + n;
		while (this.#parts.length > 0 && left >= this.#parts[0].length) {
			left -= this.#parts[0].length;
			this.#parts.shift();
		}
		this.#offset = left;
	}
}
