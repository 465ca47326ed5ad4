import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeFrame, encodeFrame, MSG } from '../src/protocol';
import { startRelay, type Relay } from '../src/relay';
import { RelayTestClient, startTestRelay, stopRelays, tempDir } from '../test-support';

const relays: Relay[] = [];

afterEach(async () => {
	await RelayTestClient.closeAll();
	await Promise.all(relays.splice(0).map((relay) => relay.close()));
	await stopRelays();
});

function hasOpenssl(): boolean {
	try {
		execFileSync('openssl', ['version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

describe('relay http', () => {
	it('answers /health with 200 {"ok":true} and 404 elsewhere', async () => {
		const relay = await startTestRelay();
		const health = await fetch(`${relay.httpUrl}/health`);
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({ ok: true });
		expect((await fetch(`${relay.httpUrl}/`)).status).toBe(404);
		expect((await fetch(`${relay.httpUrl}/sync`)).status).toBe(404);
	});

	it('upgrades to WebSocket only on /sync', async () => {
		const relay = await startTestRelay();
		const elsewhere = new WebSocket(relay.url.replace('/sync', '/other'));
		const status = await new Promise<number | undefined>((resolve) => {
			elsewhere.on('unexpected-response', (_request, response) => resolve(response.statusCode));
			elsewhere.on('error', () => resolve(undefined));
		});
		expect(status).toBe(404);
		const client = await RelayTestClient.connect(relay.url);
		await client.ping();
	});

	it('drops a socket that stops answering WebSocket pings, keeps one that answers', async () => {
		const relay = await startTestRelay({ limits: { heartbeatMs: 50 } });
		const answering = await RelayTestClient.connect(relay.url);
		const silent = new WebSocket(relay.url, { autoPong: false });
		const code = await new Promise<number>((resolve) => silent.on('close', resolve));
		expect(code).toBe(1006);
		await answering.ping();
	});

	it.skipIf(!hasOpenssl())('serves https and wss itself when given a certificate', async () => {
		const dir = tempDir();
		const [keyPath, certPath] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-keyout',
				keyPath,
				'-out',
				certPath,
				'-days',
				'1',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1'
			],
			{ stdio: 'ignore' }
		);
		const [key, cert] = [readFileSync(keyPath, 'utf8'), readFileSync(certPath, 'utf8')];
		const relay = await startRelay({ dbPath: join(dir, 'relay.sqlite'), tls: { key, cert } });
		relays.push(relay);
		expect(relay.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/sync$/);

		const status = await new Promise<number | undefined>((resolve, reject) => {
			request(`${relay.httpUrl}/health`, { ca: cert }, (response) => {
				response.resume();
				resolve(response.statusCode);
			})
				.on('error', reject)
				.end();
		});
		expect(status).toBe(200);
		const ws = new WebSocket(relay.url, { ca: cert });
		const pong = await new Promise<number>((resolve, reject) => {
			ws.on('open', () => ws.send(encodeFrame(MSG.PING, {})));
			ws.on('message', (data: Buffer) => {
				const decoded = decodeFrame(data);
				resolve(decoded.ok ? decoded.frame.type : -1);
			});
			ws.on('error', reject);
		});
		expect(pong).toBe(MSG.PONG);
		ws.close();
	});
});
