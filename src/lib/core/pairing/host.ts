/**
 * The enrolled device's side of pairing. It shows a code, waits for a device that proves it knows
 * the code, shows the check code, and hands over the keys only after its person confirmed that
 * both screens show the same check code: first enrolling the new device at the relay, then sending
 * the keys sealed on the channel.
 */
import { bytesEqual } from '../bytes';
import type { OfficeDatabase } from '../storage/db';
import {
	deriveChannel,
	ephemeralKeyPair,
	openOnChannel,
	sealOnChannel,
	type Channel
} from './channel';
import { formatCode, generateCode, joinUrl } from './code';
import { codeMac, deriveCodeSecrets, verifyCodeMac, type CodeSecrets } from './code-secrets';
import { PairingError } from './errors';
import { encodeJson } from './json-codec';
import type { MessageOf, PairingMessage } from './messages';
import { readTransfer } from './office-transfer';
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

/** The device asking to join, as its hello described it. */
export interface JoiningDevice {
	deviceId: string;
	signingPublicRaw: Uint8Array;
	encryptionPublicRaw: Uint8Array;
	name: string;
}

export type HostState =
	| { status: 'waiting' }
	| { status: 'verify'; checkCode: string }
	| { status: 'sending'; checkCode: string }
	| { status: 'done'; deviceId: string }
	| Failed;

export interface HostingOptions {
	db: OfficeDatabase;
	/** The relay this office syncs through; also handed to the new device. */
	relayUrl: string;
	/**
	 * Adds the new device to the office: a manager's signed device-add, and ADD_DEVICE at the
	 * relay (with the manager's signature), before any key is sent.
	 */
	enrolDevice: (device: JoiningDevice) => Promise<void>;
	transportFactory?: TransportFactory;
	timeoutMs?: number;
	now?: () => Date;
}

type Step =
	| { name: 'starting' | 'await-hello' | 'over' }
	| { name: 'await-reveal'; hello: HelloFields }
	| { name: 'await-confirm' | 'sending' | 'await-done'; hello: HelloFields; channel: Channel };

export class HostingSession extends PairingSession<Exclude<HostState, Failed>> {
	/** The code to show, as `XXXXX-XXXXX`. */
	readonly code: string;
	/** When the code stops working. */
	readonly expiresAt: Date;
	readonly #options: HostingOptions;
	#step: Step = { name: 'starting' };
	#secrets!: CodeSecrets;
	#ephemeral!: { privateKey: CryptoKey; publicRaw: Uint8Array };
	#readySent = false;

	constructor(code: string, options: HostingOptions) {
		const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		super({ status: 'waiting' }, timeoutMs);
		this.code = formatCode(code);
		this.expiresAt = new Date((options.now?.() ?? new Date()).getTime() + timeoutMs);
		this.#options = options;
	}

	/** The address for the QR code, on the app served at origin. */
	joinUrl(origin: string): string {
		return joinUrl(origin, this.code, this.#options.relayUrl);
	}

	/** The person saw the same check code on both screens: enrol the device and send the keys. */
	confirm(): void {
		const step = this.#step;
		if (step.name !== 'await-confirm' || this.over) return;
		this.#step = { ...step, name: 'sending' };
		this.setState({ status: 'sending', checkCode: step.channel.checkCode });
		void this.guard(() => this.#sendKeys(step.hello, step.channel), 'failed');
	}

	/** Checks there is an office to hand over, derives the code's secrets and opens the mailbox. */
	async start(): Promise<void> {
		await this.guard(async () => {
			const { db, relayUrl } = this.#options;
			// Early, so a device without an office says so before showing a code that cannot work.
			await readTransfer(db, relayUrl);
			this.#secrets = await deriveCodeSecrets(this.code);
			this.#ephemeral = await ephemeralKeyPair();
			const factory =
				this.#options.transportFactory ??
				((mailbox: string) => relayPairingTransport({ url: relayUrl, mailbox }));
			this.#step = { name: 'await-hello' };
			this.attach(factory(this.#secrets.mailbox));
		}, 'connection');
	}

	protected peerArrived(): void {
		if (this.#readySent) return;
		this.#readySent = true;
		this.send({ t: 'ready' });
	}

	protected async handle(message: PairingMessage): Promise<void> {
		const step = this.#step;
		if (message.t === 'hello' && step.name === 'await-hello') return this.#hello(message);
		if (message.t === 'reveal' && step.name === 'await-reveal') {
			return this.#reveal(message, step.hello);
		}
		if (message.t === 'done' && step.name === 'await-done') {
			await openOnChannel(step.channel, 'done', message);
			this.#step = { name: 'over' };
			return this.finish({ status: 'done', deviceId: step.hello.deviceId });
		}
		// Anything else, or anything out of order, is not what an honest joiner sends.
		throw new PairingError('tampered');
	}

	async #hello(message: MessageOf<'hello'>): Promise<void> {
		const { commitment, deviceId, signingPublicRaw, encryptionPublicRaw, name, mac } = message;
		const hello: HelloFields = {
			mailbox: this.#secrets.mailbox,
			commitment,
			deviceId,
			signingPublicRaw,
			encryptionPublicRaw,
			name
		};
		if (!(await verifyCodeMac(this.#secrets, mac, helloMacInput(hello)))) {
			throw new PairingError('wrong-code');
		}
		const hostKey = this.#ephemeral.publicRaw;
		this.#step = { name: 'await-reveal', hello };
		this.send({
			t: 'welcome',
			hostKey,
			mac: await codeMac(this.#secrets, welcomeMacInput(hello, hostKey))
		});
	}

	async #reveal(message: MessageOf<'reveal'>, hello: HelloFields): Promise<void> {
		const transcript = {
			...hello,
			hostKey: this.#ephemeral.publicRaw,
			joinerKey: message.joinerKey
		};
		// The key must be the one committed to before the joiner saw ours, or the check code
		// could have been ground to match.
		const committed = bytesEqual(await commitTo(message.joinerKey), hello.commitment);
		const authentic = await verifyCodeMac(this.#secrets, message.mac, revealMacInput(transcript));
		if (!committed || !authentic) throw new PairingError('tampered');
		const hash = await transcriptHash(transcript);
		const channel = await deriveChannel(this.#ephemeral.privateKey, message.joinerKey, hash);
		this.#step = { name: 'await-confirm', hello, channel };
		this.setState({ status: 'verify', checkCode: channel.checkCode });
	}

	async #sendKeys(hello: HelloFields, channel: Channel): Promise<void> {
		try {
			const { deviceId, signingPublicRaw, encryptionPublicRaw, name } = hello;
			await this.#options.enrolDevice({ deviceId, signingPublicRaw, encryptionPublicRaw, name });
		} catch (cause) {
			throw new PairingError('enrol', { cause });
		}
		// Read again: another tab may have added a key since the code was shown.
		const { db, relayUrl } = this.#options;
		const payload = await readTransfer(db, relayUrl);
		if (this.over) return;
		const sealed = await sealOnChannel(channel, 'keys', encodeJson(payload));
		this.#step = { name: 'await-done', hello, channel };
		this.send({ t: 'keys', ...sealed });
	}
}

/** Starts hosting a pairing with a fresh code; watch the returned session's state. */
export function startHosting(options: HostingOptions): HostingSession {
	return hostWithCode(generateCode(), options);
}

/** Hosting with a given code: only for tests that play an attacker who knows it. */
export function hostWithCode(code: string, options: HostingOptions): HostingSession {
	const session = new HostingSession(code, options);
	void session.start();
	return session;
}
