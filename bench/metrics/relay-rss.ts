/**
 * The relay's memory under a day's load for a small hosting: 100 offices of 10 devices each, all
 * connected (1,000 sockets), every device editing, each item stored and fanned out to the 9
 * other devices of its office. What a relay host must provision; the relay runs as its own
 * process, and its resident memory is sampled from /proc.
 */
import { randomBytes } from 'node:crypto';
import { seededRandom } from '$lib/directory/demo';
import type { Measurement } from '../measurement';
import { withCleanup } from '../support/cleanup';
import type { LightDevice } from '../support/light-device';
import { connectOffices } from '../support/light-offices';
import { progress } from '../support/progress';
import { startRelayProcess } from '../support/relay-process';
import { sampleRss } from '../support/rss-sampler';

const OFFICES = 100;
const DEVICES_PER_OFFICE = 10;
const EDIT_MS = 10_000;
// One edit a second per device is already a busy office: people type in bursts, then read.
const PUSH_INTERVAL_MS = 1_000;
const MIN_PAYLOAD = 200;
const MAX_PAYLOAD = 500;
const DOCUMENTS = ['directory', 'schedule/2026-11'];
const DRAIN_TIMEOUT_MS = 20_000;

export function measure(): Promise<Measurement[]> {
	return withCleanup(async (cleanup) => {
		const relay = await startRelayProcess();
		cleanup.defer(() => relay.stop());
		const rss = sampleRss(() => relay.rssMb());
		cleanup.defer(() => void rss.stop());
		const idleMb = relay.rssMb();

		const sockets = (OFFICES * DEVICES_PER_OFFICE).toLocaleString('en-US');
		progress(`connecting ${OFFICES} offices × ${DEVICES_PER_OFFICE} devices (${sockets} sockets)…`);
		const offices = await connectOffices(relay.url, OFFICES, DEVICES_PER_OFFICE, cleanup);
		const devices = offices.flat();
		const connectedMb = relay.rssMb();
		progress(
			`all connected (relay RSS ${connectedMb.toFixed(0)} MiB); editing for ${EDIT_MS / 1000} s…`
		);

		const cpuBefore = relay.cpuSeconds();
		const editStart = performance.now();
		await editFor(devices, EDIT_MS);
		const { pushes, acks, received } = await drained(devices);
		const seconds = (performance.now() - editStart) / 1000;
		const cpuShare = (relay.cpuSeconds() - cpuBefore) / seconds;
		const peakMb = rss.stop();
		progress(
			`${pushes} pushes acked, ${received} items fanned out; relay peak ${peakMb.toFixed(0)} MiB`
		);
		return [
			{
				metric: 'relay_rss_mb',
				value: peakMb,
				unit: 'MiB',
				goal: { atMost: 300 },
				note: `peak VmRSS of the relay process (sampled every 250 ms) with ${OFFICES} offices × ${DEVICES_PER_OFFICE} devices connected (${sockets} sockets) and each device pushing a signed ${MIN_PAYLOAD}–${MAX_PAYLOAD} B item every ${PUSH_INTERVAL_MS / 1000} s for ${EDIT_MS / 1000} s: ${acks.toLocaleString('en-US')} pushes stored and acked, ${received.toLocaleString('en-US')} items fanned out to the other ${DEVICES_PER_OFFICE - 1} devices of each office. Relay idle ${idleMb.toFixed(0)} MiB, with every socket connected ${connectedMb.toFixed(0)} MiB; it used ${(cpuShare * 100).toFixed(0)}% of one core while editing. Run as \`npm run relay\` runs it (tsx), default limits`
			}
		];
	});
}

/** Every device pushes at a steady pace, starting at staggered moments. */
async function editFor(devices: LightDevice[], ms: number): Promise<void> {
	const random = seededRandom(2_026);
	const timers: ReturnType<typeof setTimeout>[] = [];
	const pushOne = (device: LightDevice) => {
		const size = MIN_PAYLOAD + Math.floor(random() * (MAX_PAYLOAD - MIN_PAYLOAD + 1));
		// Random bytes, as ciphertext is: nothing for a transport to compress.
		device.push(DOCUMENTS[device.pushes % DOCUMENTS.length], randomBytes(size));
	};
	try {
		for (const device of devices) {
			const start = () => {
				pushOne(device);
				timers.push(setInterval(() => pushOne(device), PUSH_INTERVAL_MS));
			};
			timers.push(setTimeout(start, random() * PUSH_INTERVAL_MS));
		}
		await new Promise((resolve) => setTimeout(resolve, ms));
	} finally {
		for (const timer of timers) clearInterval(timer);
	}
}

/**
 * Waits until every push is acked and every item reached the office's other devices; throws with
 * the counts if they never add up, so a relay that drops work cannot post a small number.
 */
async function drained(devices: LightDevice[]) {
	const expectedFanout = DEVICES_PER_OFFICE - 1;
	const totals = () => {
		let pushes = 0;
		let acks = 0;
		let received = 0;
		for (const device of devices) {
			pushes += device.pushes;
			acks += device.acks;
			received += device.received;
		}
		return { pushes, acks, received };
	};
	const deadline = performance.now() + DRAIN_TIMEOUT_MS;
	let counts = totals();
	while (counts.acks < counts.pushes || counts.received < counts.acks * expectedFanout) {
		if (performance.now() > deadline) break;
		await new Promise((resolve) => setTimeout(resolve, 100));
		counts = totals();
	}
	const errors = devices.flatMap((device) => device.errors);
	const { pushes, acks, received } = counts;
	if (errors.length > 0 || acks !== pushes || received !== acks * expectedFanout || pushes === 0) {
		throw new Error(
			`Relay load run incomplete: ${pushes} pushes, ${acks} acks, ${received} of ${acks * expectedFanout} fan-out deliveries, errors: ${[...new Set(errors)].join(', ') || 'none'}.`
		);
	}
	return counts;
}
