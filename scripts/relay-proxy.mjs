// Forwards WebSocket upgrades on /sync to the relay, so the app and its relay share one origin
// (the app's default relay address is `<its own origin>/sync`). Bytes are piped untouched: the
// proxy sees only what the relay sees, ciphertext frames.

import { connect } from 'node:net';

/**
 * @param {import('node:http').Server} server
 * @param {{ host: string, port: number }} target the relay
 */
export function proxyRelayUpgrades(server, target) {
	server.on('upgrade', (req, socket, head) => {
		const path = (req.url ?? '').split('?')[0];
		if (path !== '/sync') {
			socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
			return;
		}
		const upstream = connect(target.port, target.host, () => {
			const lines = [`${req.method} ${req.url} HTTP/1.1`];
			for (let i = 0; i < req.rawHeaders.length; i += 2) {
				lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
			}
			upstream.write(lines.join('\r\n') + '\r\n\r\n');
			if (head.length > 0) upstream.write(head);
			upstream.pipe(socket);
			socket.pipe(upstream);
		});
		const drop = () => {
			socket.destroy();
			upstream.destroy();
		};
		upstream.on('error', () => {
			if (socket.writable) socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n');
			drop();
		});
		socket.on('error', drop);
		upstream.on('close', () => socket.destroy());
		socket.on('close', () => upstream.destroy());
	});
}

/**
 * Reads `RELAY_PROXY` (e.g. `http://127.0.0.1:8787`) into a proxy target, or null when unset.
 *
 * @param {string | undefined} value
 */
export function parseRelayTarget(value) {
	if (!value) return null;
	const url = new URL(value);
	return { host: url.hostname, port: Number(url.port || 80) };
}
