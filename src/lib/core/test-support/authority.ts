/**
 * Building signed authority ops in tests: people and devices with real keys, and a small office
 * whose ops can be signed and resolved without any storage. Wraps are well-formed stand-ins (no
 * real passphrase sealing), since resolution never opens them.
 */
import { ulid } from 'ulid';
import { randomBytes, toBase64 } from '../bytes';
import { checkOp, signOp, type CheckedOp, type StoredOp } from '../authority/op-codec';
import { fingerprintsOf } from '../authority/fingerprints';
import type {
	DeviceEntry,
	OpContent,
	PersonEntry,
	PublicJwk,
	StoredPassphraseWrap,
	StoredWrappedKey
} from '../authority/op-schema';
import { resolveAuthority } from '../authority/resolve';
import type { AuthorityState } from '../authority/state';
import { generatePersonKeyPair } from '../crypto/key-agreement';
import { fingerprintOf, keyIdOf } from '../crypto/key-id';
import { generateExportableSigningKeyPair, importSigningPrivateKey } from '../crypto/signing';

export interface TestSigner {
	id: string;
	name: string;
	key: string;
	privateKey: CryptoKey;
	publicJwk: PublicJwk;
	fingerprint: string;
}

/** A person (or device) with fresh keys. */
export async function testSigner(name = 'Someone'): Promise<TestSigner> {
	const [signing, ecdh] = await Promise.all([
		generateExportableSigningKeyPair(),
		generatePersonKeyPair()
	]);
	const publicJwk = ecdh.publicJwk as PublicJwk;
	return {
		id: ulid(),
		name,
		key: toBase64(signing.publicRaw),
		privateKey: await importSigningPrivateKey(signing.privateKeyPkcs8),
		publicJwk,
		fingerprint: await fingerprintOf(publicJwk)
	};
}

export function fakeWrap(): StoredPassphraseWrap {
	return {
		v: 2,
		kdf: 'PBKDF2-SHA256',
		iterations: 1000,
		salt: toBase64(randomBytes(16)),
		nonce: toBase64(randomBytes(12)),
		ciphertext: toBase64(randomBytes(48))
	};
}

export function fakeWrappedKey(jwk: PublicJwk): StoredWrappedKey {
	return {
		v: 2,
		ephemeralPublicJwk: jwk,
		nonce: toBase64(randomBytes(12)),
		ciphertext: toBase64(randomBytes(48))
	};
}

export function personEntry(signer: TestSigner, roles: string[]): PersonEntry {
	return {
		id: signer.id,
		name: signer.name,
		roles,
		signingKey: signer.key,
		publicJwk: signer.publicJwk,
		wrap: fakeWrap(),
		recovery: null,
		staffId: null,
		idleMinutes: null
	};
}

export function deviceEntry(signer: TestSigner): DeviceEntry {
	return {
		id: signer.id,
		name: signer.name,
		signingKey: signer.key,
		encryptionJwk: signer.publicJwk
	};
}

/** A random key id, as a key made for a new epoch would have. */
export async function randomKeyId(): Promise<string> {
	return keyIdOf(randomBytes(32));
}

/** An office of signed ops, resolved on demand like a device would. */
export class TestAuthority {
	readonly ops = new Map<string, StoredOp>();
	#clock = Date.parse('2026-01-01T00:00:00Z');

	private constructor(
		readonly officeId: string,
		readonly creator: TestSigner,
		readonly device: TestSigner,
		readonly genesisId: string
	) {}

	/** A new office whose creator is its manager. */
	static async create(name = 'Creator'): Promise<TestAuthority> {
		const officeId = ulid();
		const creator = await testSigner(name);
		const device = await testSigner('Front desk PC');
		const { id, stored } = await signOp(
			{
				kind: 'genesis',
				person: personEntry(creator, ['manager']),
				device: deviceEntry(device),
				peopleKey: { epoch: 1, keyId: await randomKeyId() }
			},
			{ office: officeId, at: '2026-01-01T00:00:00.000Z', parents: [] },
			{ by: { person: creator.id }, key: creator.key, privateKey: creator.privateKey }
		);
		const office = new TestAuthority(officeId, creator, device, id);
		office.ops.set(id, stored);
		return office;
	}

	/** Signs `content` as `signer`, after `parents` (default: the current frontier). */
	async sign(
		signer: TestSigner,
		content: OpContent,
		parents?: string[],
		as: 'person' | 'device' = 'person'
	): Promise<string> {
		const at = new Date((this.#clock += 1000)).toISOString();
		const { id, stored } = await signOp(
			content,
			{ office: this.officeId, at, parents: parents ?? (await this.state()).frontier },
			{
				by: as === 'person' ? { person: signer.id } : { device: signer.id },
				key: signer.key,
				privateKey: signer.privateKey
			}
		);
		this.ops.set(id, stored);
		return id;
	}

	/** The state every device computes from the ops here (optionally only some of them). */
	async state(only?: Iterable<string>): Promise<AuthorityState> {
		const ids = only ? new Set(only) : null;
		const checked: CheckedOp[] = [];
		const failed: { id: string; reason: string }[] = [];
		for (const [id, stored] of this.ops) {
			if (ids && !ids.has(id)) continue;
			const result = await checkOp(this.officeId, stored, id);
			if (result.ok) checked.push(result.op);
			else failed.push({ id: result.id, reason: result.reason });
		}
		const root = { officeId: this.officeId, rootKey: this.creator.key, genesisId: this.genesisId };
		return resolveAuthority(root, checked, await fingerprintsOf(checked), failed);
	}
}
