/**
 * A person's secret: their P-256 private key (area keys are wrapped to it) and their Ed25519
 * signing key (their changes to the office's authority are signed with it), with the office and
 * the office's root key they belong to. It exists in the clear only in memory; at rest it is
 * sealed under their passphrase (and, if they made a recovery sheet, under the recovery key).
 *
 * Binding the office's root key into the sealed secret is what lets a person notice a device
 * whose pinned root was swapped: their own secret, which nobody else can forge, names the root
 * they joined under (see docs/security.md, "Chain of authority").
 *
 * People carried over from an office made before signed changes have a version 1 secret: the
 * P-256 private key alone, without a signing key, until they enrol one at their next sign-in.
 */
import { fromBase64, toBase64, utf8Decode, utf8Encode } from '../bytes';
import { canonicalJson, parseCanonical } from '../authority/canonical';
import type { PublicJwk } from '../authority/op-schema';
import {
	generatePersonKeyPair,
	importPersonPrivateKey,
	publicJwkOfPrivate
} from '../crypto/key-agreement';
import {
	generateExportableSigningKeyPair,
	importSigningPrivateKey,
	signingPublicOfPrivate
} from '../crypto/signing';

/** What a person's secret unlocks, in memory only. */
export interface PersonKeys {
	personId: string;
	publicJwk: PublicJwk;
	/** base64 of the raw Ed25519 public key; null for a version 1 secret. */
	signingKey: string | null;
	/** ECDH: unwraps the area keys granted to the person. */
	ecdhPrivate: CryptoKey;
	/** Ed25519: signs their authority ops; null for a version 1 secret. */
	signingPrivate: CryptoKey | null;
}

/** Which office and root a secret belongs to, and whose it is. */
export interface SecretOwner {
	officeId: string;
	/** base64 of the office's root signing key (the creator's, or the migrating manager's). */
	rootKey: string;
	personId: string;
}

/** A secret that opened but is not what the person's record says (replaced keys, another office). */
export class SecretMismatchError extends Error {
	override name = 'SecretMismatchError';
	constructor(readonly reason: 'keys' | 'office') {
		super(
			reason === 'keys'
				? 'This sign-in no longer matches your keys on record. Use your newest passphrase or recovery sheet.'
				: 'Your sign-in belongs to another office than the one stored on this device. Do not use this device; tell your office manager.'
		);
	}
}

/** A new secret: fresh key pairs, and the bytes to seal (zero them once sealed). */
export async function generatePersonSecret(
	owner: Omit<SecretOwner, 'rootKey'> & {
		/** The office's root key; omit for the office's creator, whose own key becomes the root. */
		rootKey?: string;
	}
): Promise<{
	bundle: Uint8Array;
	publicJwk: PublicJwk;
	signingKey: string;
	/** The new signing key, for proofs made at once (admin-proof.ts). */
	signingPrivate: CryptoKey;
}> {
	const [ecdh, signing] = await Promise.all([
		generatePersonKeyPair(),
		generateExportableSigningKeyPair()
	]);
	const signingKey = toBase64(signing.publicRaw);
	const bundle = encodeBundle(
		{ ...owner, rootKey: owner.rootKey ?? signingKey },
		ecdh.privateKeyPkcs8,
		signing.privateKeyPkcs8
	);
	const signingPrivate = await importSigningPrivateKey(signing.privateKeyPkcs8);
	ecdh.privateKeyPkcs8.fill(0);
	signing.privateKeyPkcs8.fill(0);
	return { bundle, publicJwk: ecdh.publicJwk as PublicJwk, signingKey, signingPrivate };
}

/** The sealed form of a version 2 secret. */
export function encodeBundle(owner: SecretOwner, ecdhPkcs8: Uint8Array, signingPkcs8: Uint8Array) {
	return utf8Encode(
		canonicalJson({
			v: 2,
			office: owner.officeId,
			root: owner.rootKey,
			person: owner.personId,
			ecdh: toBase64(ecdhPkcs8),
			signing: toBase64(signingPkcs8)
		})
	);
}

/**
 * Imports a secret as it came out of its wrap (`version` 1: the P-256 key alone) and checks it is
 * the person's current keys, in the expected office; throws SecretMismatchError otherwise.
 */
export async function openPersonSecret(
	secret: Uint8Array,
	version: 1 | 2,
	expected: SecretOwner & { publicJwk: PublicJwk; signingKey: string | null }
): Promise<PersonKeys> {
	if (version === 1) return openVersion1(secret, expected);
	const bundle = decodeBundle(secret);
	if (
		bundle.office !== expected.officeId ||
		bundle.root !== expected.rootKey ||
		bundle.person !== expected.personId
	) {
		throw new SecretMismatchError('office');
	}
	try {
		const [jwk, signingRaw] = await Promise.all([
			publicJwkOfPrivate(bundle.ecdh),
			signingPublicOfPrivate(bundle.signing)
		]);
		if (!sameJwk(jwk, expected.publicJwk) || toBase64(signingRaw) !== expected.signingKey) {
			throw new SecretMismatchError('keys');
		}
		return {
			personId: expected.personId,
			publicJwk: expected.publicJwk,
			signingKey: expected.signingKey,
			ecdhPrivate: await importPersonPrivateKey(bundle.ecdh),
			signingPrivate: await importSigningPrivateKey(bundle.signing)
		};
	} finally {
		bundle.ecdh.fill(0);
		bundle.signing.fill(0);
	}
}

async function openVersion1(
	pkcs8: Uint8Array,
	expected: { personId: string; publicJwk: PublicJwk }
): Promise<PersonKeys> {
	if (!sameJwk(await publicJwkOfPrivate(pkcs8), expected.publicJwk)) {
		throw new SecretMismatchError('keys');
	}
	return {
		personId: expected.personId,
		publicJwk: expected.publicJwk,
		signingKey: null,
		ecdhPrivate: await importPersonPrivateKey(pkcs8),
		signingPrivate: null
	};
}

/** The P-256 private key of a secret, for a version 1 person's one-time proof (enrolment). */
export function ecdhPkcs8Of(secret: Uint8Array, version: 1 | 2): Uint8Array {
	return version === 1 ? secret.slice() : decodeBundle(secret).ecdh;
}

interface Bundle {
	office: string;
	root: string;
	person: string;
	ecdh: Uint8Array;
	signing: Uint8Array;
}

function decodeBundle(bytes: Uint8Array): Bundle {
	let value: unknown;
	try {
		value = parseCanonical(utf8Decode(bytes));
	} catch {
		throw new SecretMismatchError('keys');
	}
	const v = value as Record<string, unknown>;
	const strings = ['office', 'root', 'person', 'ecdh', 'signing'].every(
		(field) => typeof v?.[field] === 'string'
	);
	if (v?.v !== 2 || !strings) throw new SecretMismatchError('keys');
	return {
		office: v.office as string,
		root: v.root as string,
		person: v.person as string,
		ecdh: fromBase64(v.ecdh as string),
		signing: fromBase64(v.signing as string)
	};
}

function sameJwk(a: JsonWebKey, b: JsonWebKey): boolean {
	return a.x === b.x && a.y === b.y;
}
