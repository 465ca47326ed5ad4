/**
 * Signing and checking authority ops one by one, before any state is known.
 *
 * An op travels as `{ b, s }`: `b` its body as canonical JSON text, `s` the signer's Ed25519
 * signature over `po-op-v1|` + `b`. Its id is the SHA-256 (hex) of those same bytes, so the id
 * names exactly what was signed, the office included (the body carries the office id). Checking
 * here covers what needs no state: the text is canonical and well-formed, the signature is the
 * named key's, and proofs carried inside the op verify. Whether that key may make that change at
 * that point is the replay's question (apply.ts).
 */
import { asBuffer, fromBase64, toBase64, toHex, utf8Encode } from '../bytes';
import { fingerprintOf } from '../crypto/key-id';
import { sign, verify, verifyEcdsaP256 } from '../crypto/signing';
import { canonicalJson, parseCanonical } from './canonical';
import { isKnownKind, opBodySchema, type OpBody, type OpContent } from './op-schema';

/** An op as stored in the people document. */
export interface StoredOp {
	/** The body, canonical JSON. */
	b: string;
	/** base64 signature over `po-op-v1|` + b. */
	s: string;
}

/** An op whose text and signatures check out on their own. */
export interface CheckedOp {
	id: string;
	body: OpBody;
	stored: StoredOp;
}

export type OpCheck = { ok: true; op: CheckedOp } | { ok: false; id: string; reason: string };

/** Who signs an op and with which key. */
export interface OpSigner {
	by: { person: string } | { device: string };
	/** base64 of the signer's Ed25519 public key. */
	key: string;
	privateKey: CryptoKey;
}

const PREFIX = 'po-op-v1|';

function signedBytes(bodyText: string): Uint8Array {
	return utf8Encode(PREFIX + bodyText);
}

/** The id of an op body text. */
export async function opIdOf(bodyText: string): Promise<string> {
	const digest = await globalThis.crypto.subtle.digest('SHA-256', asBuffer(signedBytes(bodyText)));
	return toHex(new Uint8Array(digest));
}

/** Signs an op: the content plus its header (office, signer, time, causal parents). */
export async function signOp(
	content: OpContent,
	header: { office: string; at: string; parents: string[] },
	signer: OpSigner
): Promise<{ id: string; stored: StoredOp }> {
	const body = withoutUndefined({
		v: 1,
		...content,
		office: header.office,
		by: signer.by,
		key: signer.key,
		at: header.at,
		parents: [...header.parents].sort()
	});
	const b = canonicalJson(body);
	const s = toBase64(await sign(signer.privateKey, signedBytes(b)));
	return { id: await opIdOf(b), stored: { b, s } };
}

/** The text a person's new signing key signs when they replace their keys (person-rekey). */
export async function rekeyProofText(
	office: string,
	personId: string,
	signingKey: string,
	publicJwk: JsonWebKey
): Promise<Uint8Array> {
	return utf8Encode(
		`po-rekey-v1|${office}|${personId}|${signingKey}|${await fingerprintOf(publicJwk)}`
	);
}

/** The text a person's old P-256 key signs (ECDSA) to vouch for their first signing key. */
export function enrolProofText(office: string, personId: string, signingKey: string): Uint8Array {
	return utf8Encode(`po-enrol-v1|${office}|${personId}|${signingKey}`);
}

/**
 * Checks one stored op for `office`: canonical, well-formed, signed by the key it names, with
 * valid inner proofs. `expectedId`, when given (the key it is stored under), must match.
 */
export async function checkOp(
	office: string,
	stored: unknown,
	expectedId?: string
): Promise<OpCheck> {
	const raw = stored as Partial<StoredOp> | null;
	if (typeof raw?.b !== 'string' || typeof raw.s !== 'string' || raw.b.length > 4_000_000) {
		return { ok: false, id: expectedId ?? '', reason: 'Not an op.' };
	}
	const id = await opIdOf(raw.b);
	// Refusals name the op where it is stored: that is where a person would look for it.
	const fail = (reason: string): OpCheck => ({ ok: false, id: expectedId ?? id, reason });
	if (expectedId !== undefined && expectedId !== id) return fail('Stored under another id.');
	let value: unknown;
	try {
		value = parseCanonical(raw.b);
	} catch {
		return fail('Not in canonical form.');
	}
	const kind = (value as { kind?: unknown } | null)?.kind;
	if (!isKnownKind(kind)) return fail('Made by a newer version of the app.');
	const parsed = opBodySchema.safeParse(value);
	if (!parsed.success) return fail('Malformed.');
	const body = parsed.data as OpBody;
	if (body.office !== office) return fail('Belongs to another office.');
	const signature = decode(raw.s);
	const key = decode(body.key);
	if (!signature || !key || !(await verify(key, signature, signedBytes(raw.b)))) {
		return fail('Its signature does not verify.');
	}
	const proofProblem = await innerProofProblem(body);
	if (proofProblem) return fail(proofProblem);
	return { ok: true, op: { id, body, stored: { b: raw.b, s: raw.s } } };
}

async function innerProofProblem(body: OpBody): Promise<string | null> {
	if (body.kind === 'person-rekey') {
		const text = await rekeyProofText(body.office, body.personId, body.signingKey, body.publicJwk);
		const ok = await verify(decode(body.signingKey)!, decode(body.proof)!, text);
		return ok ? null : 'The new key’s proof does not verify.';
	}
	if (body.kind === 'person-enrol') {
		if (body.key !== body.signingKey) return 'Not signed by the key it enrols.';
		const text = enrolProofText(body.office, body.personId, body.signingKey);
		const ok = await verifyEcdsaP256(body.publicJwk, decode(body.legacyProof)!, text);
		return ok ? null : 'The old key’s proof does not verify.';
	}
	return null;
}

function decode(base64: string): Uint8Array | null {
	try {
		return fromBase64(base64);
	} catch {
		return null;
	}
}

/** Drops fields set to undefined (optional ones left out), which canonical JSON refuses. */
function withoutUndefined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
