/**
 * One audit entry as stored (format 'audit-v2'): what it says (when, who, on which device, what)
 * sealed to the office's audit key, so only managers read it; around it, readable by everyone who
 * holds the audit area key, what the chain checks need — seq, prevHash, hash, the writing device,
 * which audit key and ephemeral key sealed it — and the signatures of the device and the person.
 *
 * The hash covers the ciphertext, so whoever cannot open an entry can still check the chain and
 * the device signatures. The associated data binds the device, seq and prevHash, so sealed
 * content cannot be moved to another place in any chain.
 */
import { canonicalJson, parseCanonical } from '../authority/canonical';
import { fromBase64, toBase64, utf8Decode, utf8Encode } from '../bytes';
import { open, seal } from '../crypto/aead';
import { DecryptionError } from '../crypto/errors';
import { sha256Hex } from '../crypto/hash';
import { GENESIS_HASH, type ChainHead } from './chain';
import type { EntrySealer } from './entry-key';
import { actorText, deviceText, headText, signText } from './signatures';

/** What an entry says; only audit-key holders (managers) read it. */
export interface AuditContent {
	at: string;
	actor: string;
	device: string;
	action: string;
	target: string;
	detail: string;
}

export interface SealedEntry {
	v: 2;
	seq: number;
	prevHash: string;
	hash: string;
	/** The writing device (its chain's name says the same). */
	device: string;
	/** The audit key sealed to, `epoch|keyId`. */
	key: string;
	/** The id of the writer's ephemeral key, stored once in the month's `epk:<device>` map. */
	epk: string;
	nonce: string;
	ct: string;
	/** The device's signature (signatures.ts `deviceText`). */
	sig: string;
	/** The named person's signature; null when they had no signing key. */
	actorSig: string | null;
}

/** The end of a device's chain, signed by it (signatures.ts `headText`). */
export interface SignedHead extends ChainHead {
	sig: string;
}

/** Who signs what a device writes. */
export interface EntrySigner {
	officeId: string;
	deviceId: string;
	deviceKey: CryptoKey;
	/** The signed-in person's signing key, when they have one. */
	personKey: CryptoKey | null;
}

const CONTENT_FIELDS = ['at', 'actor', 'device', 'action', 'target', 'detail'] as const;

/** The hash a sealed entry must carry. */
export function entryHash(
	entry: Pick<SealedEntry, 'seq' | 'prevHash' | 'key' | 'epk' | 'nonce' | 'ct'>
): Promise<string> {
	const { seq, prevHash, key, epk, nonce, ct } = entry;
	return sha256Hex(canonicalJson(['audit-v2', seq, prevHash, key, epk, nonce, ct]));
}

function entryAad(officeId: string, deviceId: string, seq: number, prevHash: string): Uint8Array {
	return utf8Encode(canonicalJson(['po-audit-entry-v2', officeId, deviceId, seq, prevHash]));
}

/** The entry after `prev` (or the first), sealed with `sealer` and signed. */
export async function sealEntry(
	prev: ChainHead | null,
	content: AuditContent,
	sealer: EntrySealer,
	signer: EntrySigner
): Promise<SealedEntry> {
	const seq = prev ? prev.seq + 1 : 1;
	const prevHash = prev ? prev.hash : GENESIS_HASH;
	const plaintext = utf8Encode(canonicalJson(pickContent(content)));
	const sealed = await seal(
		sealer.key,
		plaintext,
		entryAad(signer.officeId, signer.deviceId, seq, prevHash)
	);
	const fields = {
		seq,
		prevHash,
		key: sealer.auditKey,
		epk: sealer.epkId,
		nonce: toBase64(sealed.nonce),
		ct: toBase64(sealed.ciphertext)
	};
	const hash = await entryHash(fields);
	const { officeId, deviceId } = signer;
	return {
		v: 2,
		...fields,
		hash,
		device: deviceId,
		sig: await signText(signer.deviceKey, deviceText(officeId, deviceId, hash)),
		actorSig: signer.personKey
			? await signText(signer.personKey, actorText(officeId, deviceId, hash))
			: null
	};
}

/** The signed end of the chain, as of `head`. */
export async function signHead(signer: EntrySigner, head: ChainHead): Promise<SignedHead> {
	const text = headText(signer.officeId, signer.deviceId, head.seq, head.hash);
	return { seq: head.seq, hash: head.hash, sig: await signText(signer.deviceKey, text) };
}

/** Opens what an entry in `chain:<deviceId>` says; DecryptionError when it does not open there. */
export async function openContent(
	key: CryptoKey,
	officeId: string,
	deviceId: string,
	entry: SealedEntry
): Promise<AuditContent> {
	const aad = entryAad(officeId, deviceId, entry.seq, entry.prevHash);
	const bytes = await open(
		key,
		{ nonce: fromBase64(entry.nonce), ciphertext: fromBase64(entry.ct) },
		aad
	);
	return contentOf(decodeFields(bytes));
}

/** The fields of decrypted sealed content; DecryptionError when it is not canonical JSON. */
export function decodeFields(bytes: Uint8Array): Record<string, unknown> {
	let value: unknown;
	try {
		value = parseCanonical(utf8Decode(bytes));
	} catch (cause) {
		throw new DecryptionError({ cause });
	}
	if (typeof value !== 'object' || value === null) throw new DecryptionError();
	return value as Record<string, unknown>;
}

/** The content fields of decrypted fields; DecryptionError when they are not all there. */
export function contentOf(fields: Record<string, unknown>): AuditContent {
	if (!CONTENT_FIELDS.every((field) => typeof fields[field] === 'string')) {
		throw new DecryptionError();
	}
	return pickContent(fields as unknown as AuditContent);
}

/** A stored value as a sealed entry, or null when it is not one (altered, or another format). */
export function parseSealed(value: unknown): SealedEntry | null {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	const strings = ['prevHash', 'hash', 'device', 'key', 'epk', 'nonce', 'ct', 'sig'];
	if (entry.v !== 2 || !Number.isSafeInteger(entry.seq)) return null;
	if (!strings.every((field) => typeof entry[field] === 'string')) return null;
	if (entry.actorSig !== null && typeof entry.actorSig !== 'string') return null;
	return entry as unknown as SealedEntry;
}

/** A stored value as a signed head, or null. */
export function parseHead(value: unknown): SignedHead | null {
	const head = value as Partial<SignedHead> | null;
	if (typeof head !== 'object' || head === null || !Number.isSafeInteger(head.seq)) return null;
	if (typeof head.hash !== 'string' || typeof head.sig !== 'string') return null;
	return { seq: head.seq!, hash: head.hash, sig: head.sig };
}

function pickContent(content: AuditContent): AuditContent {
	const { at, actor, device, action, target, detail } = content;
	return { at, actor, device, action, target, detail };
}
