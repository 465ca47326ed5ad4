import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './scripts/chromium.mjs';

// Overridable so a second run (another checkout) can go beside this one.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;
const RELAY_PORT = Number(process.env.E2E_RELAY_PORT ?? 4174);
const relayURL = `http://127.0.0.1:${RELAY_PORT}`;
// A new relay database every run. Playwright empties test-results/ before it starts the web
// servers (a globalSetup would run too late), and the time in the name keeps even runs that skip
// the emptying (UI mode) apart.
const RELAY_DB = `test-results/relay-e2e-${Date.now()}.sqlite`;

export default defineConfig({
	testDir: 'tests/e2e',
	// A 2-core machine: one browser at a time keeps the timings honest.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	reporter: 'list',
	timeout: 60_000,
	// A hung run must fail long before CI's 90-minute limit.
	globalTimeout: 40 * 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL,
		serviceWorkers: 'allow',
		launchOptions: {
			// null → Playwright's own build; scripts/require-chromium.mjs has made sure one exists.
			executablePath: findChromium() ?? undefined,
			args: CHROMIUM_FLAGS
		},
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			// The main target: every test runs here, except the desktop-only ones.
			name: 'tablet',
			testIgnore: '**/*.desktop.spec.ts',
			use: { browserName: 'chromium', viewport: { width: 768, height: 1024 }, hasTouch: true }
		},
		{
			// Kept small for CI time: only `*.desktop.spec.ts` files run at desktop size.
			name: 'desktop',
			testMatch: '**/*.desktop.spec.ts',
			use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } }
		}
	],
	// The tests run against what ships: the production build in build/, with its service worker,
	// and the real relay behind the app's /sync, as `npm start` runs them. `node` directly (no npx,
	// no npm): the process Playwright stops at the end is the server itself.
	webServer: [
		{
			name: 'relay',
			command: 'node --import tsx sync-server/src/main.ts',
			env: { HOST: '127.0.0.1', PORT: String(RELAY_PORT), RELAY_DB },
			url: `${relayURL}/health`,
			reuseExistingServer: false,
			timeout: 30_000,
			// SIGTERM: the relay closes its sockets and database, then exits.
			gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 }
		},
		{
			name: 'app',
			command: 'node scripts/serve.mjs',
			env: { HOST: '127.0.0.1', PORT: String(PORT), RELAY_PROXY: relayURL },
			url: baseURL,
			reuseExistingServer: false,
			timeout: 30_000,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 }
		}
	]
});
