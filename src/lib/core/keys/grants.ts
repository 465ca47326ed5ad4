/** Wrapping area keys to people (grant records) and unwrapping them again. */
import { unwrapWithPrivateKey, wrapToPublicKey } from '../crypto/key-agreement';
import { grantId, type GrantRecord, type PersonRecord } from '../people/people-schema';
import { loadWrappedKey, storeWrappedKey } from './stored-wraps';

/** The context an area key is wrapped under: binds area, epoch and recipient. */
export function areaKeyContext(area: string, epoch: number, personId: string): string {
	return `area-key|${area}|${epoch}|${personId}`;
}

/** Wraps a raw area key to one person: the grant record to store. */
export async function wrapAreaKey(
	raw: Uint8Array,
	area: string,
	epoch: number,
	person: Pick<PersonRecord, 'id' | 'publicJwk'>,
	grantedBy: string | null,
	now: Date
): Promise<GrantRecord> {
	const wrapped = await wrapToPublicKey(
		person.publicJwk,
		raw,
		areaKeyContext(area, epoch, person.id)
	);
	return {
		id: grantId(area, epoch, person.id),
		area,
		epoch,
		personId: person.id,
		wrapped: storeWrappedKey(wrapped),
		grantedBy,
		grantedAt: now.toISOString()
	};
}

/** Unwraps one grant to its raw area key bytes (the caller zeroes them). */
export function unwrapGrant(privateKey: CryptoKey, grant: GrantRecord): Promise<Uint8Array> {
	return unwrapWithPrivateKey(
		privateKey,
		loadWrappedKey(grant.wrapped),
		areaKeyContext(grant.area, grant.epoch, grant.personId)
	);
}
