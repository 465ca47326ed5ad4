/** Scenario helpers: an office with several devices connected and READY. */
import { RelayTestClient } from './client';
import { createDevice } from './identity';

/** Registers a new office with a first device, enrolls `count - 1` more, and authenticates all. */
export async function connectOffice(url: string, count = 2): Promise<RelayTestClient[]> {
	const first = await RelayTestClient.connect(url);
	await first.register();
	const clients = [first];
	for (let i = 1; i < count; i++) {
		const device = createDevice(first.device.officeId);
		await first.addDevice(device);
		const client = await RelayTestClient.connect(url, device);
		await client.auth();
		clients.push(client);
	}
	return clients;
}

/** `count` payloads of `size` bytes, each filled with a recognisable byte pattern. */
export function payloads(count: number, size: number, tag = 0): Buffer[] {
	return Array.from({ length: count }, (_, i) => Buffer.alloc(size, `${tag}:${i};`));
}
