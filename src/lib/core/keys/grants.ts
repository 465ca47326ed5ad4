/**
 * Wrapping area keys to people (grant entries of authority ops) and unwrapping them again. The
 * wrap binds the area, epoch, key id and recipient; whoever unwraps checks that the key is the
 * one its id names (key-id.ts), so a grant cannot smuggle in a key of its own choosing under an
 * existing name.
 */
import type { GrantEntry, PublicJwk } from '../authority/op-schema';
import { DecryptionError } from '../crypto/errors';
import { unwrapWithPrivateKey, wrapToPublicKey } from '../crypto/key-agreement';
import { fingerprintOf, keyIdOf } from '../crypto/key-id';
import type { KeyRef } from './area-keyring';
import { loadWrappedKey, storeWrappedKey } from './stored-wraps';

/** The context an area key is wrapped under: binds area, epoch, key id and recipient. */
export function areaKeyContext(area: string, key: KeyRef, personId: string): string {
	return `area-key|${area}|${key.epoch}|${key.keyId}|${personId}`;
}

/** Wraps a raw area key to one person's current public key: the grant entry to sign. */
export async function wrapAreaKey(
	raw: Uint8Array,
	area: string,
	key: KeyRef,
	person: { id: string; publicJwk: PublicJwk }
): Promise<GrantEntry> {
	const wrapped = await wrapToPublicKey(
		person.publicJwk,
		raw,
		areaKeyContext(area, key, person.id)
	);
	return {
		area,
		epoch: key.epoch,
		keyId: key.keyId,
		personId: person.id,
		to: await fingerprintOf(person.publicJwk),
		wrapped: storeWrappedKey(wrapped)
	};
}

/**
 * Unwraps one grant with the person's keys to its raw area key (the caller zeroes it); throws
 * DecryptionError when it does not open or holds another key than its id names.
 */
export async function unwrapGrant(
	person: { ecdhPrivate: CryptoKey; publicJwk: PublicJwk },
	grant: GrantEntry
): Promise<Uint8Array> {
	// Grants carried over from an office made before key ids were wrapped without one.
	const context =
		grant.wrapped.v === 1
			? `area-key|${grant.area}|${grant.epoch}|${grant.personId}`
			: areaKeyContext(grant.area, grant, grant.personId);
	const raw = await unwrapWithPrivateKey(
		person.ecdhPrivate,
		person.publicJwk,
		loadWrappedKey(grant.wrapped),
		context
	);
	if ((await keyIdOf(raw)) !== grant.keyId) {
		raw.fill(0);
		throw new DecryptionError();
	}
	return raw;
}
