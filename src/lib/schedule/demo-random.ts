/** The schedule demo's dice: a seeded generator (mulberry32) and ULID-shaped ids made from it. */

/** The same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id for the instant `time` (ms), its random part from the seed. */
export function demoId(random: () => number, time: number): string {
	let head = '';
	for (let rest = time, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) {
		head = ALPHABET[rest % 32] + head;
	}
	let tail = '';
	for (let i = 0; i < 16; i++) tail += ALPHABET[Math.floor(random() * 32)];
	return head + tail;
}

/** One of `choices`, picked by `random`. */
export function pick<T>(random: () => number, choices: readonly T[]): T {
	return choices[Math.floor(random() * choices.length)];
}
