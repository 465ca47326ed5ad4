/**
 * A person managing their own secret: a new passphrase, a new key pair, a recovery sheet.
 *
 * A plain passphrase change seals the same secret under the new passphrase (a `person-wrap` op).
 * When the old passphrase may be known — or with a new recovery sheet, or after a recovery, or
 * when a device they used was removed — the person gets a new key pair instead (`person-rekey`,
 * signed by the old key and vouched for by the new one) and re-wraps every key they hold to it
 * (a `grant` signed by the new key). The old wraps, wherever copies of them remain, then open
 * only the old key pair, and managers' devices give every area it could open a new key
 * (reconcile.ts): they open nothing current.
 *
 * A person carried over from an office made before signed changes has no signing key yet; the
 * first time they give their passphrase they enrol one (`person-enrol`, vouched for by their old
 * P-256 key).
 */
import type { AuthorityLog } from '../authority/authority-log';
import { enrolProofText, rekeyProofText, type OpSigner } from '../authority/op-codec';
import type { GrantEntry, OpContent, StoredRecoveryWrap } from '../authority/op-schema';
import { grantsOf, type AuthorityState, type PersonState } from '../authority/state';
import { toBase64 } from '../bytes';
import { PBKDF2_ITERATIONS, unwrapWithPassphrase, wrapWithPassphrase } from '../crypto/passphrase';
import { generateExportableSigningKeyPair, sign, signEcdsaP256 } from '../crypto/signing';
import { adminProofOf } from './admin-proof';
import { unwrapGrant, wrapAreaKey } from './grants';
import {
	ecdhPkcs8Of,
	encodeBundle,
	generatePersonSecret,
	openPersonSecret,
	type PersonKeys
} from './person-secret';
import { wrapWithRecoveryKey } from './recovery-wrap';
import { loadPassphraseWrap, storePassphraseWrap, storeRecoveryWrap } from './stored-wraps';
import { personContext, UnknownPersonError } from './vault';

/** A person's secret as it came out of a wrap, with the keys it opens. */
export interface OpenSecret {
	person: PersonState;
	bytes: Uint8Array;
	version: 1 | 2;
	keys: PersonKeys;
}

/** What a person wants their secret sealed under after the change. */
export interface NewSealing {
	passphrase: string;
	/** A normalized recovery key to seal it under as well (a new sheet); null for none. */
	recoveryKey?: string | null;
	iterations?: number;
}

function personOf(state: AuthorityState, personId: string): PersonState {
	const person = state.persons.get(personId);
	if (!person) throw new UnknownPersonError();
	return person;
}

/** Opens the person's secret with their passphrase; throws WrongPassphraseError. */
export async function openWithPassphrase(
	log: AuthorityLog,
	personId: string,
	passphrase: string
): Promise<OpenSecret> {
	const state = log.require();
	const person = personOf(state, personId);
	const bytes = await unwrapWithPassphrase(
		loadPassphraseWrap(person.wrap),
		passphrase,
		personContext(personId)
	);
	return openBytes(state, person, bytes, person.wrap.v);
}

/** Imports opened secret bytes, checked against the person's keys and the pinned root. */
export async function openBytes(
	state: AuthorityState,
	person: PersonState,
	bytes: Uint8Array,
	version: 1 | 2
): Promise<OpenSecret> {
	const keys = await openPersonSecret(bytes, version, {
		officeId: state.officeId,
		rootKey: state.rootKey,
		personId: person.id,
		publicJwk: person.publicJwk,
		signingKey: person.signingKey
	});
	return { person, bytes, version, keys };
}

/** Seals the same secret under a new passphrase (the old one is not thought to be known). */
export async function rewrap(
	log: AuthorityLog,
	secret: OpenSecret,
	sealing: NewSealing
): Promise<PersonKeys> {
	const { person, keys } = secret;
	if (secret.version === 1 || !keys.signingPrivate) return enrol(log, secret, sealing);
	const wrap = await sealPassphrase(secret.bytes, person.id, sealing);
	await log.append([{ kind: 'person-wrap', personId: person.id, wrap }], signerOf(keys));
	return keys;
}

/**
 * Gives the person a new key pair, sealed as asked, and re-wraps the keys they hold to it.
 * Returns the new keys (the signed-in session uses them from now on).
 */
export async function rekey(
	log: AuthorityLog,
	secret: OpenSecret,
	sealing: NewSealing
): Promise<PersonKeys> {
	const state = log.require();
	const { person } = secret;
	const enrol = secret.version === 1 || !secret.keys.signingPrivate;
	const fresh = await generatePersonSecret({
		officeId: state.officeId,
		rootKey: state.rootKey,
		personId: person.id
	});
	try {
		const wrap = await sealPassphrase(fresh.bundle, person.id, sealing);
		const recovery = await sealRecovery(fresh.bundle, person.id, sealing.recoveryKey);
		const next = await openPersonSecret(fresh.bundle, 2, {
			officeId: state.officeId,
			rootKey: state.rootKey,
			personId: person.id,
			publicJwk: fresh.publicJwk,
			signingKey: fresh.signingKey
		});
		const grants = await rewrapGrants(state, secret.keys, {
			id: person.id,
			publicJwk: fresh.publicJwk
		});
		const proof = toBase64(
			await sign(
				next.signingPrivate!,
				await rekeyProofText(state.officeId, person.id, fresh.signingKey, fresh.publicJwk)
			)
		);
		const rekeyOp: OpContent = {
			kind: 'person-rekey',
			personId: person.id,
			signingKey: fresh.signingKey,
			publicJwk: fresh.publicJwk,
			wrap,
			recovery,
			proof,
			adminProof: await adminProofOf(state.officeId, fresh.signingKey, next.signingPrivate!)
		};
		const contents: OpContent[] = [];
		const signers: OpSigner[] = [];
		if (enrol) {
			// First a signing key for the old key pair, vouched for by it; then the new pair.
			const enrolment = await enrolOp(state, secret, sealing);
			contents.push(enrolment.content);
			signers.push(enrolment.signer);
			contents.push(rekeyOp);
			signers.push(enrolment.signer);
		} else {
			contents.push(rekeyOp);
			signers.push(signerOf(secret.keys));
		}
		if (grants.length > 0) {
			contents.push({ kind: 'grant', grants });
			signers.push(signerOf(next));
		}
		await log.append(contents, signers);
		return next;
	} finally {
		fresh.bundle.fill(0);
	}
}

/** The enrolment of a first signing key for a carried-over person (their old key pair kept). */
async function enrolOp(
	state: AuthorityState,
	secret: OpenSecret,
	sealing: NewSealing
): Promise<{ content: OpContent; signer: OpSigner; keys: PersonKeys }> {
	const { person } = secret;
	const signing = await generateExportableSigningKeyPair();
	const signingKey = toBase64(signing.publicRaw);
	const signingPkcs8 = signing.privateKeyPkcs8;
	const ecdh = ecdhPkcs8Of(secret.bytes, secret.version);
	// The person keeps their P-256 key pair; only a signing key is added.
	const bundle = encodeBundle(
		{ officeId: state.officeId, rootKey: state.rootKey, personId: person.id },
		ecdh,
		signingPkcs8
	);
	try {
		const wrap = await sealPassphrase(bundle, person.id, sealing);
		const keys = await openPersonSecret(bundle, 2, {
			officeId: state.officeId,
			rootKey: state.rootKey,
			personId: person.id,
			publicJwk: person.publicJwk,
			signingKey
		});
		const legacyProof = toBase64(
			await signEcdsaP256(ecdh, enrolProofText(state.officeId, person.id, signingKey))
		);
		return {
			content: {
				kind: 'person-enrol',
				personId: person.id,
				signingKey,
				publicJwk: person.publicJwk,
				wrap,
				recovery: null,
				legacyProof,
				adminProof: await adminProofOf(state.officeId, signingKey, keys.signingPrivate!)
			},
			signer: signerOf(keys),
			keys
		};
	} finally {
		ecdh.fill(0);
		signingPkcs8.fill(0);
		bundle.fill(0);
	}
}

/**
 * Gives a carried-over person their first signing key, keeping their key pair, sealed as asked;
 * returns their keys with it.
 */
export async function enrol(
	log: AuthorityLog,
	secret: OpenSecret,
	sealing: NewSealing
): Promise<PersonKeys> {
	const enrolment = await enrolOp(log.require(), secret, sealing);
	await log.append([enrolment.content], enrolment.signer);
	return enrolment.keys;
}

/** Every key the person holds, wrapped again to their new public key. */
async function rewrapGrants(
	state: AuthorityState,
	old: PersonKeys,
	to: { id: string; publicJwk: PersonState['publicJwk'] }
): Promise<GrantEntry[]> {
	const grants: GrantEntry[] = [];
	for (const grant of grantsOf(state, to.id)) {
		try {
			const raw = await unwrapGrant(old, grant);
			grants.push(await wrapAreaKey(raw, grant.area, grant, to));
			raw.fill(0);
		} catch {
			// A grant that never opened for them stays behind.
		}
	}
	return grants;
}

async function sealPassphrase(bundle: Uint8Array, personId: string, sealing: NewSealing) {
	const wrapped = await wrapWithPassphrase(
		bundle,
		sealing.passphrase,
		personContext(personId),
		sealing.iterations ?? PBKDF2_ITERATIONS
	);
	return storePassphraseWrap(wrapped);
}

async function sealRecovery(
	bundle: Uint8Array,
	personId: string,
	recoveryKey: string | null | undefined
): Promise<StoredRecoveryWrap | null> {
	if (!recoveryKey) return null;
	return storeRecoveryWrap(await wrapWithRecoveryKey(bundle, recoveryKey, personId));
}

function signerOf(keys: PersonKeys): OpSigner {
	if (!keys.signingKey || !keys.signingPrivate) throw new Error('No signing key.');
	return { by: { person: keys.personId }, key: keys.signingKey, privateKey: keys.signingPrivate };
}
