/**
 * Who vouches for an audit entry. The device that wrote it signs its hash (so an entry in
 * `chain:X` that X did not sign is a forgery, whoever holds the document key), and so does the
 * person it names as actor, when they have a signing key. Keys come from the office's authority:
 * every device it ever listed (removed ones too: their old entries stay valid) and every signing
 * key a person has had. Each text starts with its own tag and names the office and device, so a
 * signature cannot be replayed as another kind, in another office or for another device.
 */
import type { AuthorityState } from '../authority/state';
import { fromBase64, toBase64, utf8Encode } from '../bytes';
import { sign, verify } from '../crypto/signing';

/** What a device signs for each entry it writes. */
export const deviceText = (officeId: string, deviceId: string, hash: string) =>
	`po-audit-v2|${officeId}|${deviceId}|${hash}`;

/** What the person an entry names signs for it. */
export const actorText = (officeId: string, deviceId: string, hash: string) =>
	`po-audit-actor-v2|${officeId}|${deviceId}|${hash}`;

/** What a device signs for the end of its chain, shared in each month's document. */
export const headText = (officeId: string, deviceId: string, seq: number, hash: string) =>
	`po-audit-head-v2|${officeId}|${deviceId}|${seq}|${hash}`;

/** What the migrating device signs for an entry it carried over from another device's chain. */
export const carriedText = (officeId: string, by: string, device: string, hash: string) =>
	`po-audit-legacy-v2|${officeId}|${by}|${device}|${hash}`;

/** What the migrating device signs for the last entry it carried over of a chain. */
export const carriedHeadText = (
	officeId: string,
	by: string,
	device: string,
	seq: number,
	hash: string
) => `po-audit-legacy-head-v2|${officeId}|${by}|${device}|${seq}|${hash}`;

/** An Ed25519 signature of `text`, base64. */
export async function signText(privateKey: CryptoKey, text: string): Promise<string> {
	return toBase64(await sign(privateKey, utf8Encode(text)));
}

/** Whether `signature` is one of the keys' over `text`; false for anything malformed. */
export async function verifyText(
	keys: readonly string[],
	signature: unknown,
	text: string
): Promise<boolean> {
	if (typeof signature !== 'string' || keys.length === 0) return false;
	let bytes: Uint8Array;
	try {
		bytes = fromBase64(signature);
	} catch {
		return false;
	}
	const data = utf8Encode(text);
	for (const key of keys) {
		let raw: Uint8Array;
		try {
			raw = fromBase64(key);
		} catch {
			continue;
		}
		if (await verify(raw, bytes, data)) return true;
	}
	return false;
}

/** The signing key of a device the office lists or listed; none for a device it never did. */
export function deviceKeys(state: AuthorityState | null, deviceId: string): string[] {
	const key = state?.devices.get(deviceId)?.signingKey;
	return key ? [key] : [];
}

/** Every signing key a person has had, newest first; none for a person without one. */
export function personKeys(state: AuthorityState | null, personId: string): string[] {
	const person = state?.persons.get(personId);
	if (!person) return [];
	return [person.signingKey, ...[...person.pastSigningKeys].reverse()].filter(
		(key): key is string => typeof key === 'string' && key.length > 0
	);
}

/** Whether the person an entry names (or who carried it over) signed its hash on that device. */
export function actorSigned(
	entry: { hash: string; actorSig: string | null },
	actor: string,
	signingDevice: string,
	context: { officeId: string; state: AuthorityState | null }
): Promise<boolean> {
	const text = actorText(context.officeId, signingDevice, entry.hash);
	return verifyText(personKeys(context.state, actor), entry.actorSig, text);
}
