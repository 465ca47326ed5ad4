/**
 * The relay knows which keys administer an office (docs/sync-protocol.md, "Devices and
 * pairing"): office managers' signing keys. Adding one there takes that key's own signature over
 * `po-admin-key-v2|<officeId>|<key>`, its proof of possession. It is made whenever a person's
 * signing key is made (while the private key is at hand) and kept with their entry, so any
 * manager's device can later make them an administrator at the relay.
 */
import { toBase64, utf8Encode } from '../bytes';
import { sign } from '../crypto/signing';

/** The text an admin key signs to prove it is held. */
export function adminKeyProofText(officeId: string, key: string): Uint8Array {
	return utf8Encode(`po-admin-key-v2|${officeId}|${key}`);
}

/** The proof of a signing key (base64 public key, its private CryptoKey). */
export async function adminProofOf(
	officeId: string,
	key: string,
	privateKey: CryptoKey
): Promise<string> {
	return toBase64(await sign(privateKey, adminKeyProofText(officeId, key)));
}
