/**
 * What a signed-in session does for the office's chain of authority, beyond the person's own
 * actions:
 * - at sign-in, with the passphrase just typed: a person carried over from an office made before
 *   signed changes enrols a signing key; a person who signed in on a device that was removed
 *   since gets a new key pair (their old one may be on that device); a manager on a device the
 *   office does not list yet (a restored browser) adds it; and the person says they use this
 *   device, so its removal later renews their keys;
 * - while signed in, a manager's device keeps the keys in line with people and roles
 *   (`KeyKeeper`, core/keys/reconcile.ts), and everyone takes up keys granted to them meanwhile.
 */
import { rekeyDue, isAdmin } from '$lib/core/authority/state';
import { deviceEntryOf, ensureDevice } from '$lib/core/keys/device';
import { enrol, openWithPassphrase, rekey } from '$lib/core/keys/own-secret';
import { adoptGrants, personSigner } from '$lib/core/keys/vault';
import { grantsOf } from '$lib/core/authority/state';
import { reconcile, type PeopleContext } from '$lib/people/admin';

/** Finishes a sign-in (see the header); returns nothing, updating `context.keys.person`. */
export async function completeSignIn(
	context: PeopleContext,
	options: { passphrase?: string; deviceName: string }
): Promise<void> {
	const { log, keys, db } = context;
	const { passphrase } = options;
	let state = log.require();
	const person = state.persons.get(keys.personId);
	if (!person) return;
	if (passphrase && !keys.person.signingPrivate) {
		const secret = await openWithPassphrase(log, person.id, passphrase);
		keys.person = await enrol(log, secret, { passphrase });
		secret.bytes.fill(0);
		await context.audit.record({
			action: 'update',
			target: `person:${person.id}`,
			detail: 'Signing key set up'
		});
	}
	state = log.require();
	if (passphrase && rekeyDue(state, state.persons.get(person.id)!)) {
		const secret = await openWithPassphrase(log, person.id, passphrase);
		keys.person = await rekey(log, secret, { passphrase });
		secret.bytes.fill(0);
		await context.audit.record({
			action: 'update',
			target: `person:${person.id}`,
			detail: 'New keys: a device this person used was removed'
		});
	}
	if (!keys.person.signingPrivate) return;
	const device = await ensureDevice(db);
	state = log.require();
	const listed = state.devices.get(device.deviceId);
	if (!listed && isAdmin(state.persons.get(person.id))) {
		await log.append(
			[{ kind: 'device-add', device: deviceEntryOf(device, options.deviceName) }],
			personSigner(keys),
			context.now()
		);
	}
	state = log.require();
	const here = state.devices.get(device.deviceId);
	if (here && !here.removed && !state.persons.get(person.id)?.devices.includes(device.deviceId)) {
		await log.append(
			[{ kind: 'person-device', personId: person.id, deviceId: device.deviceId }],
			personSigner(keys),
			context.now()
		);
	}
}

/** Whether the person must sign in with their passphrase to renew their keys. */
export function needsPassphrase(context: PeopleContext): boolean {
	const state = context.log.state;
	const person = state?.persons.get(context.keys.personId);
	return !context.keys.person.signingPrivate || (!!state && !!person && rekeyDue(state, person));
}

/**
 * Follows the authority while someone is signed in: takes up keys granted to them, and on a
 * manager's device reconciles the keys after every change (at most one run at a time, again
 * after it when more changed meanwhile). `onRotated` hears of areas that got a new key.
 */
export class KeyKeeper {
	#running: Promise<void> | null = null;
	#again = false;
	#stopped = false;
	readonly #stop: () => void;

	constructor(
		private readonly context: PeopleContext,
		private readonly onRotated: (areas: string[]) => void,
		/** More upkeep a manager's device does after the keys (the relay's lists). */
		private readonly alsoAsManager: () => Promise<unknown> = () => Promise.resolve(),
		private readonly onError: (error: unknown) => void = () => undefined
	) {
		this.#stop = context.log.subscribe(() => this.poke());
	}

	/** Looks again soon (something changed). */
	poke(): void {
		if (this.#stopped) return;
		if (this.#running) {
			this.#again = true;
			return;
		}
		this.#running = this.#run().finally(() => {
			this.#running = null;
			if (this.#again && !this.#stopped) {
				this.#again = false;
				this.poke();
			}
		});
	}

	/** Resolves when no run is going on. */
	async idle(): Promise<void> {
		while (this.#running) await this.#running;
	}

	stop(): void {
		this.#stopped = true;
		this.#stop();
	}

	async #run(): Promise<void> {
		const { log, keys } = this.context;
		try {
			const state = log.require();
			await adoptGrants(keys.keyring, keys.person, grantsOf(state, keys.personId));
			if (!isAdmin(state.persons.get(keys.personId))) return;
			const { rotated } = await reconcile(this.context);
			if (rotated.length > 0) this.onRotated(rotated);
			await this.alsoAsManager();
		} catch (error) {
			this.onError(error);
		}
	}
}
