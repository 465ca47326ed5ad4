/** Seals document bytes with area keys, binding document id, epoch, device id and link as AAD. */
import { associatedData, open, seal } from '../crypto/aead';
import { DecryptionError } from '../crypto/errors';
import type { ChainFacts, DocumentCipher, SealedBytes } from '../documents/cipher';
import { encodeLink, keyOnlyLink, parseLink } from '../documents/item-link';
import { MissingKeyError, type AreaKeyring } from './area-keyring';

/** A cipher for this device's writes, reading anyone's items whose key is held. */
export function keyringCipher(keyring: AreaKeyring, deviceId: string): DocumentCipher {
	return {
		async seal(docId, area, plaintext, chain?: ChainFacts): Promise<SealedBytes> {
			const { epoch, keyId, key } = keyring.current(area);
			const link = encodeLink(chain ? { keyId, ...chain } : keyOnlyLink(keyId));
			const sealed = await seal(key, plaintext, associatedData({ docId, epoch, deviceId, link }));
			return { epoch, deviceId, link, ...sealed };
		},
		async open(docId, area, sealed): Promise<Uint8Array> {
			// No key of the area at all is another matter than one missing epoch: the whole
			// document is closed to this person, not one row of it (see DocumentPersister).
			if (!keyring.has(area)) throw new MissingKeyError(area);
			const link = parseLink(sealed.link);
			if (sealed.link && !link) throw new DecryptionError();
			const key = keyring.get(area, sealed.epoch, link?.keyId);
			const aad = associatedData({
				docId,
				epoch: sealed.epoch,
				deviceId: sealed.deviceId,
				link: sealed.link
			});
			return open(key, sealed, aad);
		}
	};
}
