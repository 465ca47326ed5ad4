/**
 * AES-256-GCM throughput of `seal` and `open` on update-sized chunks (64 KiB), one call at a time
 * as the persister makes them, so per-call WebCrypto overhead counts as it does in the app.
 */
import { randomBytes } from '$lib/core/bytes';
import { associatedData, generateAeadKey, open, seal, type Sealed } from '$lib/core/crypto/aead';
import type { Measurement } from '../measurement';
import { median } from '../support/stats';

const MIB = 1_048_576;
const CHUNK_BYTES = 64 * 1024;
const TOTAL_BYTES = 64 * MIB;
const CHUNKS = TOTAL_BYTES / CHUNK_BYTES;
const PASSES = 5;
// Ciphertexts kept for decrypting: enough to defeat caches, few enough that keeping 64 MiB alive
// does not turn this into a garbage-collector benchmark.
const POOL = 64;
const AAD = associatedData({
	docId: 'directory',
	epoch: 1,
	deviceId: '01JBENCHDEVICE000000000000'
});

export async function measure(): Promise<Measurement[]> {
	const key = await generateAeadKey();
	// Distinct chunks, so nothing can be served from a cache of the last call.
	const plaintexts = Array.from({ length: 16 }, () => randomBytes(CHUNK_BYTES));
	const sealed: Sealed[] = new Array<Sealed>(POOL);
	const sealRates: number[] = [];
	const openRates: number[] = [];
	// Pass 0 warms up WebCrypto and the JIT and is not counted.
	for (let pass = 0; pass <= PASSES; pass++) {
		let start = performance.now();
		for (let i = 0; i < CHUNKS; i++) {
			sealed[i % POOL] = await seal(key, plaintexts[i % plaintexts.length], AAD);
		}
		const sealSeconds = (performance.now() - start) / 1000;
		start = performance.now();
		for (let i = 0; i < CHUNKS; i++) await open(key, sealed[i % POOL], AAD);
		const openSeconds = (performance.now() - start) / 1000;
		if (pass === 0) continue;
		sealRates.push(TOTAL_BYTES / MIB / sealSeconds);
		openRates.push(TOTAL_BYTES / MIB / openSeconds);
	}
	const note = `${CHUNKS} × 64 KiB per pass, sequential calls, median of ${PASSES} passes (MiB = 1,048,576 bytes)`;
	return [
		{ metric: 'encrypt_mb_s', value: median(sealRates), unit: 'MiB/s', note },
		{ metric: 'decrypt_mb_s', value: median(openRates), unit: 'MiB/s', note }
	];
}
