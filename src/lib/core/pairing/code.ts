/**
 * The pairing code a person reads off one screen and types on the other: 10 Crockford base32
 * characters (50 random bits), shown as `XXXXX-XXXXX`. Typing is forgiving: case, spaces and
 * dashes do not matter, and I/L read as 1, O as 0, as Crockford intends.
 */
import { randomBytes } from '../bytes';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;
const GROUP = 5;
const LOOKALIKES: Record<string, string> = { I: '1', L: '1', O: '0' };

/** A fresh random code, formatted for display. */
export function generateCode(): string {
	// 256 is a multiple of 32, so the low five bits of a random byte are uniform.
	const chars = Array.from(randomBytes(LENGTH), (byte) => ALPHABET[byte & 0x1f]);
	return formatCode(chars.join(''));
}

/** The canonical 10 characters of what a person typed, or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
	const cleaned = input
		.toUpperCase()
		.replace(/[\s\-‐‑‒–—]/g, '')
		.replace(/[ILO]/g, (c) => LOOKALIKES[c]);
	if (cleaned.length !== LENGTH) return null;
	for (const c of cleaned) if (!ALPHABET.includes(c)) return null;
	return cleaned;
}

/** `XXXXX-XXXXX`, from a code in any form normalizeCode accepts. */
export function formatCode(code: string): string {
	const normalized = normalizeCode(code);
	if (normalized === null) throw new RangeError('Not a pairing code.');
	return `${normalized.slice(0, GROUP)}-${normalized.slice(GROUP)}`;
}

/**
 * The address a QR code carries: the app's join page with code and relay in the fragment, which
 * browsers never send to the web server.
 */
export function joinUrl(origin: string, code: string, relayUrl: string): string {
	const base = origin.replace(/\/+$/, '');
	return `${base}/join#code=${formatCode(code)}&relay=${encodeURIComponent(relayUrl)}`;
}

/** Reads code and relay back out of a join address (or just its fragment); null if absent. */
export function parseJoinUrl(url: string): { code: string; relayUrl: string } | null {
	const hash = url.includes('#') ? url.slice(url.indexOf('#') + 1) : url;
	const params = new URLSearchParams(hash);
	const code = normalizeCode(params.get('code') ?? '');
	const relayUrl = params.get('relay');
	if (code === null || !relayUrl) return null;
	return { code: formatCode(code), relayUrl };
}
