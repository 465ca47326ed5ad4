/**
 * The plain path's server, run as a process of its own as the relay is: a `ws` server on
 * 127.0.0.1 that forwards every message to the other connected clients and does nothing else
 * (no authentication, signatures, storage or encryption). Prints `{"port": n}` once listening;
 * exits when its stdin closes, so it never outlives the benchmark that started it.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
const clients = new Set<WebSocket>();

server.on('connection', (socket) => {
	clients.add(socket);
	socket.on('close', () => clients.delete(socket));
	socket.on('message', (data, isBinary) => {
		for (const other of clients) if (other !== socket) other.send(data, { binary: isBinary });
	});
});
server.on('listening', () => {
	const { port } = server.address() as AddressInfo;
	process.stdout.write(`${JSON.stringify({ port })}\n`);
});

process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
