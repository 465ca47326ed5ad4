/**
 * Admins are the office managers' personal Ed25519 keys (docs/sync-protocol.md, "Devices and
 * pairing"): only their signature changes the office's devices or admins at the relay, or
 * approves a relay snapshot. The sync layer never holds such a private key; the app hands it an
 * AdminSigner while a manager is signed in.
 */
import type { AdminSigned } from './messages';
import { adminKeyProofText, adminText, type AdminChange } from './signing-text';

export interface AdminSigner {
	/** The admin's public key, base64 of the 32 raw Ed25519 bytes. */
	key: string;
	/** Signs with the admin's private key; the 64-byte signature in base64. */
	sign(data: Uint8Array): Promise<string>;
}

/** An admin key with its holder's agreement, for REGISTER (the first admin) and ADD_ADMIN. */
export interface AdminKeyProof {
	key: string;
	proof: string;
}

/** The key's proof for this office, signed by that key itself. */
export async function proveAdminKey(officeId: string, admin: AdminSigner): Promise<AdminKeyProof> {
	return { key: admin.key, proof: await admin.sign(adminKeyProofText(officeId, admin.key)) };
}

/** The admin fields of one change, signed over the socket's fresh admin nonce. */
export async function signAdminChange(
	officeId: string,
	nonce: string,
	change: AdminChange,
	admin: AdminSigner
): Promise<AdminSigned> {
	const signature = await admin.sign(adminText(officeId, nonce, change));
	return { admin: admin.key, nonce, signature };
}
