/**
 * The audit log's key pair (an `audit-key` op): everyone seals entries to its public half; its
 * private half is sealed under the audit-read area key, which only managers hold, and opened here.
 */
import type { OpContent, PublicJwk } from '../authority/op-schema';
import {
	AUDIT_READ_AREA,
	newestAreaKey,
	newestAuditKey,
	type AuditKeyState,
	type AuthorityState
} from '../authority/state';
import { fromBase64, toBase64, utf8Encode } from '../bytes';
import { open, seal } from '../crypto/aead';
import { generatePersonKeyPair, importPersonPrivateKey } from '../crypto/key-agreement';
import type { AreaKeyring, KeyRef } from './area-keyring';

/** The associated data the private half is sealed with. */
export function auditKeyAad(key: KeyRef): Uint8Array {
	return utf8Encode(`po-audit-key-v1|${key.epoch}|${key.keyId}`);
}

/** Opens the private half of an audit key with the audit-read key; null when it is not held. */
export async function openAuditKey(
	keyring: AreaKeyring,
	auditKey: AuditKeyState
): Promise<CryptoKey | null> {
	if (!keyring.hasKey(AUDIT_READ_AREA, auditKey)) return null;
	const sealingKey = keyring.get(AUDIT_READ_AREA, auditKey.epoch, auditKey.keyId);
	const pkcs8 = await open(
		sealingKey,
		{
			nonce: fromBase64(auditKey.sealed.nonce),
			ciphertext: fromBase64(auditKey.sealed.ciphertext)
		},
		auditKeyAad(auditKey)
	);
	try {
		return await importPersonPrivateKey(pkcs8);
	} finally {
		pkcs8.fill(0);
	}
}

/**
 * A key pair for audit entries, its private half sealed under the newest audit-read key (which
 * `keyring` — a manager's — must hold); null when there is nothing to make.
 */
export async function auditKeyOp(
	state: AuthorityState,
	keyring: AreaKeyring
): Promise<OpContent | null> {
	const newest = newestAreaKey(state, AUDIT_READ_AREA);
	if (!newest || newestAuditKey(state) || !keyring.hasKey(AUDIT_READ_AREA, newest)) return null;
	return auditKeyOpFor(newest, keyring.get(AUDIT_READ_AREA, newest.epoch, newest.keyId));
}

/** A key pair for audit entries, its private half sealed under this audit-read key. */
export async function auditKeyOpFor(key: KeyRef, sealingKey: CryptoKey): Promise<OpContent> {
	const pair = await generatePersonKeyPair();
	try {
		const sealed = await seal(sealingKey, pair.privateKeyPkcs8, auditKeyAad(key));
		return {
			kind: 'audit-key',
			epoch: key.epoch,
			keyId: key.keyId,
			publicJwk: pair.publicJwk as PublicJwk,
			sealed: { nonce: toBase64(sealed.nonce), ciphertext: toBase64(sealed.ciphertext) }
		};
	} finally {
		pair.privateKeyPkcs8.fill(0);
	}
}
