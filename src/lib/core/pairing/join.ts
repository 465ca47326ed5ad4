/**
 * The new device's side of pairing. It opens the mailbox the code names, commits to its key,
 * checks that the host knows the code too, shows the check code, and stores what arrives only if
 * it decrypts and validates — all of it in one transaction, or nothing.
 */
import { rawPointOf } from '../crypto/key-agreement';
import { defaultDeviceName, newDeviceRow, withEncryptionKey } from '../keys/device';
import type { DeviceRow, OfficeDatabase } from '../storage/db';
import {
	deriveChannel,
	ephemeralKeyPair,
	openOnChannel,
	sealOnChannel,
	type Channel
} from './channel';
import { normalizeCode } from './code';
import { codeMac, deriveCodeSecrets, verifyCodeMac, type CodeSecrets } from './code-secrets';
import { PairingError } from './errors';
import { decodeJson } from './json-codec';
import type { MessageOf, PairingMessage } from './messages';
import { assertNoOffice, writeTransfer } from './office-transfer';
import { peopleRowsUsable } from './people-check';
import { validatePayload } from './payload';
import { relayPairingTransport } from './relay-transport';
import { DEFAULT_TIMEOUT_MS, PairingSession, type Failed } from './session';
import type { TransportFactory } from './transport';
import {
	commitTo,
	helloMacInput,
	revealMacInput,
	transcriptHash,
	welcomeMacInput,
	type HelloFields
} from './transcript';

export type JoinState =
	| { status: 'connecting' }
	| { status: 'verify'; checkCode: string }
	| { status: 'receiving'; checkCode: string }
	| { status: 'done'; officeId: string }
	| Failed;

export interface JoinOptions {
	/** This (new) device's database. */
	db: OfficeDatabase;
	/** The code as typed or scanned. */
	code: string;
	/** The relay whose mailbox the code names. */
	relayUrl: string;
	transportFactory?: TransportFactory;
	timeoutMs?: number;
	/** How long to wait for the other device; nobody there means the code was mistyped. */
	peerWaitMs?: number;
	/** What this device is called in the office's device list (default: browser and system). */
	deviceName?: string;
}

/** The host's device stays in the mailbox while the code is shown, so it is there within seconds. */
export const DEFAULT_PEER_WAIT_MS = 30_000;

type Step =
	| { name: 'starting' | 'await-peer' | 'await-welcome' | 'over' }
	| { name: 'await-keys'; channel: Channel };

export class JoiningSession extends PairingSession<Exclude<JoinState, Failed>> {
	readonly #options: JoinOptions;
	#step: Step = { name: 'starting' };
	#secrets!: CodeSecrets;
	#device!: Required<DeviceRow>;
	#ephemeral!: { privateKey: CryptoKey; publicRaw: Uint8Array };
	#hello!: HelloFields;

	constructor(options: JoinOptions) {
		super({ status: 'connecting' }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
		this.#options = options;
	}

	/** Checks this device can take an office, prepares the hello and opens the mailbox. */
	async start(): Promise<void> {
		await this.guard(async () => {
			const { db, code, relayUrl } = this.#options;
			if (normalizeCode(code) === null) throw new PairingError('wrong-code');
			await assertNoOffice(db);
			// Made in memory only: the device row is stored with the office, or not at all.
			const stored = await db.device.get('this-device');
			this.#device = stored ? await withEncryptionKey(stored) : await newDeviceRow();
			this.#secrets = await deriveCodeSecrets(code);
			this.#ephemeral = await ephemeralKeyPair();
			this.#hello = {
				mailbox: this.#secrets.mailbox,
				commitment: await commitTo(this.#ephemeral.publicRaw),
				deviceId: this.#device.deviceId,
				signingPublicRaw: this.#device.signingPublicRaw,
				encryptionPublicRaw: await rawPointOf(this.#device.encryptionPublicJwk),
				name: this.#options.deviceName ?? defaultDeviceName()
			};
			const factory =
				this.#options.transportFactory ??
				((mailbox: string) => relayPairingTransport({ url: relayUrl, mailbox }));
			this.#step = { name: 'await-peer' };
			const peerWaitMs = this.#options.peerWaitMs ?? DEFAULT_PEER_WAIT_MS;
			this.after(peerWaitMs, () => {
				if (this.#step.name === 'await-peer') this.fail(new PairingError('wrong-code'));
			});
			this.attach(factory(this.#secrets.mailbox));
		}, 'connection');
	}

	protected peerArrived(): void {
		if (this.#step.name !== 'await-peer') return;
		this.#step = { name: 'await-welcome' };
		void this.guard(async () => {
			const mac = await codeMac(this.#secrets, helloMacInput(this.#hello));
			const { commitment, deviceId, signingPublicRaw, encryptionPublicRaw, name } = this.#hello;
			this.send({
				t: 'hello',
				v: 2,
				commitment,
				deviceId,
				signingPublicRaw,
				encryptionPublicRaw,
				name,
				mac
			});
		}, 'failed');
	}

	protected async handle(message: PairingMessage): Promise<void> {
		const step = this.#step;
		if (message.t === 'ready') return this.peerArrived();
		if (message.t === 'welcome' && step.name === 'await-welcome') return this.#welcome(message);
		if (message.t === 'keys' && step.name === 'await-keys')
			return this.#keys(message, step.channel);
		throw new PairingError('tampered');
	}

	async #welcome(message: MessageOf<'welcome'>): Promise<void> {
		const { hostKey, mac } = message;
		if (!(await verifyCodeMac(this.#secrets, mac, welcomeMacInput(this.#hello, hostKey)))) {
			throw new PairingError('wrong-code');
		}
		const transcript = { ...this.#hello, hostKey, joinerKey: this.#ephemeral.publicRaw };
		const hash = await transcriptHash(transcript);
		const channel = await deriveChannel(this.#ephemeral.privateKey, hostKey, hash);
		this.#step = { name: 'await-keys', channel };
		this.send({
			t: 'reveal',
			joinerKey: this.#ephemeral.publicRaw,
			mac: await codeMac(this.#secrets, revealMacInput(transcript))
		});
		this.setState({ status: 'verify', checkCode: channel.checkCode });
	}

	async #keys(message: MessageOf<'keys'>, channel: Channel): Promise<void> {
		this.setState({ status: 'receiving', checkCode: channel.checkCode });
		const plaintext = await openOnChannel(channel, 'keys', message);
		let raw: unknown;
		try {
			raw = decodeJson(plaintext);
		} catch (cause) {
			throw new PairingError('malformed', { cause });
		}
		const result = validatePayload(raw);
		if (!result.ok) throw new PairingError('malformed', { cause: result.issues });
		const people = result.value.people;
		if (people.length > 0 && !(await peopleRowsUsable(result.value)))
			throw new PairingError('malformed');
		if (this.over) return;
		await writeTransfer(this.#options.db, result.value, this.#device);
		this.#step = { name: 'over' };
		this.send({ t: 'done', ...(await sealOnChannel(channel, 'done', new Uint8Array(0))) });
		this.finish({ status: 'done', officeId: result.value.office.officeId });
	}
}

/** Joins the office of the device that shows the code; watch the returned session's state. */
export function joinOffice(options: JoinOptions): JoiningSession {
	const session = new JoiningSession(options);
	void session.start();
	return session;
}
