/** Seals document bytes with area keys, binding document id, epoch and device id as AAD. */
import { associatedData, open, seal } from '../crypto/aead';
import type { DocumentCipher, SealedBytes } from '../documents/cipher';
import { MissingKeyError, type AreaKeyring } from './area-keyring';

/** A cipher for this device's writes, reading anyone's rows whose epoch key is held. */
export function keyringCipher(keyring: AreaKeyring, deviceId: string): DocumentCipher {
	return {
		async seal(docId: string, area: string, plaintext: Uint8Array): Promise<SealedBytes> {
			const { epoch, key } = keyring.current(area);
			const sealed = await seal(key, plaintext, associatedData({ docId, epoch, deviceId }));
			return { epoch, deviceId, ...sealed };
		},
		async open(docId: string, area: string, sealed: SealedBytes): Promise<Uint8Array> {
			// No key of the area at all is another matter than one missing epoch: the whole
			// document is closed to this person, not one row of it (see DocumentPersister).
			if (!keyring.has(area)) throw new MissingKeyError(area);
			const key = keyring.get(area, sealed.epoch);
			const aad = associatedData({ docId, epoch: sealed.epoch, deviceId: sealed.deviceId });
			return open(key, sealed, aad);
		}
	};
}
