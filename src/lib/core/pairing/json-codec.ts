/**
 * JSON that carries bytes: a Uint8Array travels as `{"$bytes":"<base64>"}` and comes back as a
 * Uint8Array. An object that has exactly that one key is always read as bytes, so plain data must
 * not use it (nothing stored by the core does).
 */
import { fromBase64, toBase64, utf8Decode, utf8Encode } from '../bytes';

const TAG = '$bytes';

/** Encodes a value as UTF-8 JSON, bytes included. */
export function encodeJson(value: unknown): Uint8Array {
	return utf8Encode(
		JSON.stringify(value, (_key, v: unknown) =>
			v instanceof Uint8Array ? { [TAG]: toBase64(v) } : v
		)
	);
}

/** Decodes what encodeJson made; throws SyntaxError on anything that is not such JSON. */
export function decodeJson(bytes: Uint8Array): unknown {
	let text: string;
	try {
		text = utf8Decode(bytes);
	} catch (cause) {
		throw new SyntaxError('Not UTF-8 text.', { cause });
	}
	return JSON.parse(text, (_key, v: unknown) => (isTagged(v) ? decodeBytes(v[TAG]) : v));
}

function isTagged(v: unknown): v is { [TAG]: string } {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const keys = Object.keys(v);
	return (
		keys.length === 1 && keys[0] === TAG && typeof (v as Record<string, unknown>)[TAG] === 'string'
	);
}

function decodeBytes(base64: string): Uint8Array {
	try {
		return fromBase64(base64);
	} catch (cause) {
		throw new SyntaxError('Bytes that are not base64.', { cause });
	}
}
