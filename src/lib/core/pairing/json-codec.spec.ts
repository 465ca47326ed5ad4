import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../bytes';
import { decodeJson, encodeJson } from './json-codec';

describe('the JSON codec', () => {
	it('brings back nested bytes as Uint8Arrays and everything else as it was', () => {
		const value = {
			name: 'x',
			n: 3,
			flag: true,
			none: null,
			list: [new Uint8Array([1, 2, 3]), 'y'],
			deep: { key: new Uint8Array(0), more: { bytes: new Uint8Array([255]) } }
		};
		const back = decodeJson(encodeJson(value));
		expect(back).toEqual(value);
		expect((back as typeof value).list[0]).toBeInstanceOf(Uint8Array);
	});

	it('leaves an object with other keys beside the tag alone', () => {
		expect(decodeJson(utf8Encode('{"$bytes":"AQ==","x":1}'))).toEqual({ $bytes: 'AQ==', x: 1 });
	});

	it.each([
		['bytes that are not base64', '{"$bytes":"***"}'],
		['text that is not JSON', '{"a":'],
		['bytes that are not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d])]
	])('throws SyntaxError for %s', (_, input) => {
		const bytes = typeof input === 'string' ? utf8Encode(input) : input;
		expect(() => decodeJson(bytes)).toThrow(SyntaxError);
	});
});
