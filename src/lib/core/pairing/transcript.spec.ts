import { describe, expect, it } from 'vitest';
import { bytesEqual, randomBytes } from '../bytes';
import {
	commitTo,
	encodeFields,
	helloMacInput,
	revealMacInput,
	transcriptHash,
	welcomeMacInput,
	type Transcript
} from './transcript';

function transcript(): Transcript {
	return {
		mailbox: 'a'.repeat(64),
		commitment: randomBytes(32),
		deviceId: '01JDEVICE',
		signingPublicRaw: randomBytes(32),
		encryptionPublicRaw: randomBytes(65),
		name: 'Chrome on Android',
		hostKey: randomBytes(65),
		joinerKey: randomBytes(65)
	};
}

describe('encodeFields', () => {
	it.each([
		[
			['ab', 'c'],
			['a', 'bc']
		],
		[['abc'], ['ab', 'c']],
		[
			['', 'x'],
			['x', '']
		]
	])('encodes %j and %j differently', (a, b) => {
		expect(bytesEqual(encodeFields('l', ...a), encodeFields('l', ...b))).toBe(false);
	});

	it('keeps labels apart from fields', () => {
		expect(bytesEqual(encodeFields('ab', 'c'), encodeFields('a', 'bc'))).toBe(false);
	});
});

describe('handshake byte strings', () => {
	it('gives each message its own MAC input, so one MAC never passes for another', () => {
		const t = transcript();
		const inputs = [helloMacInput(t), welcomeMacInput(t, t.hostKey), revealMacInput(t)];
		for (let i = 0; i < inputs.length; i++) {
			for (let j = i + 1; j < inputs.length; j++) {
				expect(bytesEqual(inputs[i], inputs[j])).toBe(false);
			}
		}
	});

	it.each([
		'mailbox',
		'commitment',
		'deviceId',
		'signingPublicRaw',
		'encryptionPublicRaw',
		'name',
		'hostKey',
		'joinerKey'
	] as const)('changes the transcript hash when the %s changes', async (field) => {
		const t = transcript();
		const changed = {
			...t,
			[field]: typeof t[field] === 'string' ? `${t[field]}x` : randomBytes(t[field].length)
		};
		expect(bytesEqual(await transcriptHash(t), await transcriptHash(changed))).toBe(false);
	});

	it('commits to a key so that another key does not match', async () => {
		const key = randomBytes(65);
		expect(bytesEqual(await commitTo(key), await commitTo(new Uint8Array(key)))).toBe(true);
		expect(bytesEqual(await commitTo(key), await commitTo(randomBytes(65)))).toBe(false);
	});
});
