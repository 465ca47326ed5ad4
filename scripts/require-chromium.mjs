// Guard for `npm run test:e2e`: fail loudly, never skip, when there is no browser to test with.

import { findChromium } from './chromium.mjs';

if (findChromium() === null) {
	const fromEnv = process.env.CHROMIUM_PATH;
	const lines = ['No Chromium found for the end-to-end tests.', ''];
	if (fromEnv) {
		lines.push(`CHROMIUM_PATH is set to ${fromEnv}, but that is not an executable file.`, '');
	}
	lines.push(
		'Get one in any of these ways, then run the tests again:',
		'  - point at an installed Chromium or Chrome:  CHROMIUM_PATH=/path/to/chromium npm test',
		'  - on Debian/Ubuntu:                          sudo apt-get install -y chromium',
		"  - Playwright's own build:                    npx playwright install chromium"
	);
	if (!fromEnv) {
		lines.push(
			'',
			'Looked at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome',
			"and Playwright's browser cache."
		);
	}
	console.error(lines.join('\n'));
	process.exit(1);
}
