/**
 * The fingerprints of every public key a set of ops names, computed (SHA-256, async) before the
 * replay so that the replay itself stays synchronous and pure (resolve.ts).
 */
import { fingerprintOf } from '../crypto/key-id';
import { jwkKey, type Fingerprints } from './apply';
import type { CheckedOp } from './op-codec';
import type { OpBody, PublicJwk } from './op-schema';

/** Public keys named in an op body. */
function publicKeysOf(body: OpBody): PublicJwk[] {
	switch (body.kind) {
		case 'genesis':
			return [
				body.person.publicJwk,
				...(body.device.encryptionJwk ? [body.device.encryptionJwk] : []),
				...(body.migrated?.persons ?? []).map((p) => p.publicJwk),
				...(body.migrated?.devices ?? []).flatMap((d) => (d.encryptionJwk ? [d.encryptionJwk] : []))
			];
		case 'person-add':
			return [body.person.publicJwk];
		case 'person-rekey':
		case 'person-enrol':
			return [body.publicJwk];
		case 'device-add':
			return body.device.encryptionJwk ? [body.device.encryptionJwk] : [];
		case 'device-key':
			return [body.encryptionJwk];
		default:
			return [];
	}
}

/** Adds to `known` the fingerprints of keys the ops name that it lacks; returns it. */
export async function fingerprintsOf(
	ops: readonly CheckedOp[],
	known: Map<string, string> = new Map()
): Promise<Fingerprints> {
	const missing = new Map<string, PublicJwk>();
	for (const op of ops) {
		for (const jwk of publicKeysOf(op.body)) {
			const key = jwkKey(jwk);
			if (!known.has(key)) missing.set(key, jwk);
		}
	}
	const computed = await Promise.all(
		[...missing].map(async ([key, jwk]) => [key, await fingerprintOf(jwk)] as const)
	);
	for (const [key, fingerprint] of computed) known.set(key, fingerprint);
	return known;
}
