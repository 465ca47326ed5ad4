// A small, dependency-free static server for the built PWA in `build/`.
//
//   node scripts/serve.mjs            → http://127.0.0.1:5173 (HOST / PORT override)
//   import { startStaticServer } from './serve.mjs'
//
// It serves exactly what ships: the SvelteKit static build with its SPA fallback and the
// workbox service worker. Only GET and HEAD are answered.

import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseRelayTarget, proxyRelayUpgrades } from './relay-proxy.mjs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The default directory served: `<repo>/build`. */
export const DEFAULT_ROOT = resolve(here, '..', 'build');

/** @type {Readonly<Record<string, string>>} */
export const CONTENT_TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm'
};

/** Files the browser must revalidate every time, or a new version never arrives. */
const NO_CACHE_FILES = new Set(['sw.js', 'registerSW.js', 'index.html', 'manifest.webmanifest']);

export const CONTENT_SECURITY_POLICY = [
	"default-src 'self'",
	// SvelteKit's bootstrap is an inline <script> in index.html.
	"script-src 'self' 'unsafe-inline'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: blob:",
	"connect-src 'self' ws: wss:",
	"worker-src 'self'",
	"manifest-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"frame-ancestors 'none'"
].join('; ');

/** @type {Readonly<Record<string, string>>} */
const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Content-Security-Policy': CONTENT_SECURITY_POLICY,
	'Referrer-Policy': 'no-referrer'
};

/**
 * @typedef {object} StaticServerOptions
 * @property {string} [root] directory to serve (default: `<repo>/build`)
 * @property {string} [host] interface to listen on (default: 127.0.0.1)
 * @property {number} [port] port to listen on; 0 picks a free one (default: 5173)
 * @property {{ host: string, port: number } | null} [relay] forward WebSocket upgrades on /sync here
 */

/**
 * @typedef {object} StaticServer
 * @property {string} url base URL, e.g. `http://127.0.0.1:5173`
 * @property {() => Promise<void>} close stops listening and drops open connections
 */

/**
 * Starts serving a built SvelteKit SPA.
 * Rejects when `<root>/index.html` is missing (the app has not been built).
 *
 * @param {StaticServerOptions} [options]
 * @returns {Promise<StaticServer>}
 */
export async function startStaticServer({
	root = DEFAULT_ROOT,
	host = '127.0.0.1',
	port = 5173,
	relay = null
} = {}) {
	const base = resolve(root);
	if (!existsSync(join(base, 'index.html'))) {
		throw new Error(`${join(base, 'index.html')} does not exist. Run npm run build first.`);
	}
	const realBase = realpathSync(base);

	const server = createServer((req, res) => {
		try {
			handle(realBase, req, res);
		} catch (error) {
			console.error(error);
			if (!res.headersSent) send(res, 500, 'Internal Server Error');
			else res.destroy();
		}
	});

	if (relay) proxyRelayUpgrades(server, relay);

	await new Promise((resolveListen, rejectListen) => {
		server.once('error', rejectListen);
		server.listen(port, host, () => {
			server.off('error', rejectListen);
			resolveListen(undefined);
		});
	});

	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const urlHost = host.includes(':') ? `[${host}]` : host;

	return {
		url: `http://${urlHost}:${actualPort}`,
		close: () =>
			new Promise((resolveClose, rejectClose) => {
				server.close((error) => (error ? rejectClose(error) : resolveClose()));
				server.closeAllConnections();
			})
	};
}

/**
 * @param {string} root real path of the served directory
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function handle(root, req, res) {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.setHeader('Allow', 'GET, HEAD');
		send(res, 405, 'Method Not Allowed');
		return;
	}

	// The raw path, not `new URL()`: that would read `//host/x` as another host.
	const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0];
	let pathname;
	try {
		pathname = decodeURIComponent(rawPath);
	} catch {
		send(res, 400, 'Bad Request');
		return;
	}
	if (!pathname.startsWith('/') || pathname.includes('\0')) {
		send(res, 400, 'Bad Request');
		return;
	}

	const file = resolveFile(root, pathname);
	if (file === 'forbidden') {
		send(res, 403, 'Forbidden');
		return;
	}
	if (file === null) {
		send(res, 404, 'Not Found');
		return;
	}
	serveFile(req, res, root, file.path, file.size, file.mtime);
}

/**
 * Maps a URL path to a file inside `root`.
 *
 * @param {string} root
 * @param {string} pathname decoded URL path
 * @returns {{ path: string, size: number, mtime: Date } | 'forbidden' | null}
 */
function resolveFile(root, pathname) {
	const target = resolve(root, '.' + pathname);
	if (!isInside(root, target)) return 'forbidden';

	const hasExtension = extname(pathname) !== '';
	const candidates = hasExtension
		? [target]
		: // A prerendered page (`about.html`, `about/index.html`), else the SPA shell.
			[target, `${target}.html`, join(target, 'index.html'), join(root, 'index.html')];

	for (const candidate of candidates) {
		const found = statFile(root, candidate);
		if (found) return found;
	}
	return null;
}

/**
 * @param {string} root
 * @param {string} path
 * @returns {{ path: string, size: number, mtime: Date } | null}
 */
function statFile(root, path) {
	try {
		const stats = statSync(path);
		if (!stats.isFile()) return null;
		// A symlink inside build/ must not lead outside it either.
		const real = realpathSync(path);
		if (!isInside(root, real)) return null;
		return { path: real, size: stats.size, mtime: stats.mtime };
	} catch {
		return null;
	}
}

/**
 * @param {string} root
 * @param {string} path
 */
function isInside(root, path) {
	const rel = relative(root, path);
	return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/**
 * @param {string} root
 * @param {string} path absolute path of the file to send
 */
function cacheControl(root, path) {
	const rel = relative(root, path).split(sep).join('/');
	if (rel.startsWith('_app/immutable/')) return 'public, max-age=31536000, immutable';
	if (NO_CACHE_FILES.has(rel)) return 'no-cache';
	// Everything else (icons, version.json, workbox runtime…) is revalidated as well:
	// the service worker does the offline caching, not the HTTP cache.
	return 'public, max-age=0, must-revalidate';
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} root
 * @param {string} path
 * @param {number} size
 * @param {Date} mtime
 */
function serveFile(req, res, root, path, size, mtime) {
	const etag = `W/"${size.toString(16)}-${Math.floor(mtime.getTime()).toString(16)}"`;
	setSecurityHeaders(res);
	res.setHeader(
		'Content-Type',
		CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
	);
	res.setHeader('Cache-Control', cacheControl(root, path));
	res.setHeader('ETag', etag);
	res.setHeader('Last-Modified', mtime.toUTCString());

	if (req.headers['if-none-match'] === etag) {
		res.statusCode = 304;
		res.end();
		return;
	}

	res.statusCode = 200;
	res.setHeader('Content-Length', size);
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	const stream = createReadStream(path);
	stream.on('error', (error) => {
		console.error(error);
		res.destroy(error);
	});
	stream.pipe(res);
}

/** @param {import('node:http').ServerResponse} res */
function setSecurityHeaders(res) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function send(res, status, message) {
	setSecurityHeaders(res);
	res.statusCode = status;
	res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.setHeader('Cache-Control', 'no-cache');
	res.end(`${message}\n`);
}

/**
 * Reads PORT from the environment.
 *
 * @param {string | undefined} value
 * @param {number} fallback
 */
export function parsePort(value, fallback) {
	if (value === undefined || value === '') return fallback;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}".`);
	}
	return port;
}

/** True when this file is the script node was started with. */
function isMain() {
	const entry = process.argv[1];
	if (!entry) return false;
	try {
		return import.meta.url === pathToFileURL(realpathSync(entry)).href;
	} catch {
		return false;
	}
}

if (isMain()) {
	const indexHtml = join(DEFAULT_ROOT, 'index.html');
	if (!existsSync(indexHtml)) {
		console.error(`There is no built app: ${indexHtml} does not exist.\nRun npm run build first.`);
		process.exit(1);
	}
	try {
		const server = await startStaticServer({
			host: process.env.HOST || '127.0.0.1',
			port: parsePort(process.env.PORT, 5173),
			relay: parseRelayTarget(process.env.RELAY_PROXY)
		});
		console.log(`Serving build/ at ${server.url}`);

		let stopping = false;
		/** @param {NodeJS.Signals} signal */
		const stop = (signal) => {
			if (stopping) return;
			stopping = true;
			server.close().then(
				() => process.exit(0),
				(error) => {
					console.error(`Could not stop cleanly after ${signal}:`, error);
					process.exit(1);
				}
			);
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	} catch (error) {
		console.error(`Could not start the server: ${error instanceof Error ? error.message : error}`);
		process.exit(1);
	}
}
