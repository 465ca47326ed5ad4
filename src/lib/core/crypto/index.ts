export { DecryptionError, WrongPassphraseError } from './errors';
export {
	associatedData,
	exportAeadKey,
	generateAeadKey,
	importAeadKey,
	open,
	seal,
	type Sealed
} from './aead';
export {
	PBKDF2_ITERATIONS,
	passphraseProblem,
	unwrapWithPassphrase,
	wrapWithPassphrase,
	type PassphraseWrapped
} from './passphrase';
export {
	generatePersonKeyPair,
	importPersonPrivateKey,
	unwrapWithPrivateKey,
	wrapToPublicKey,
	type WrappedKey
} from './key-agreement';
export { generateSigningKeyPair, sign, verify } from './signing';
export { sha256, sha256Hex } from './hash';
