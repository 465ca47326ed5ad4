// Where the end-to-end tests find a Chromium, and the flags they start it with.

import { accessSync, constants, statSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** System installs tried, in order, after CHROMIUM_PATH. */
export const SYSTEM_CHROMIUM_PATHS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome'
];

/**
 * Flags for a quiet, offline-friendly Chromium in a container or CI box, without `--headless`.
 * Use these with Playwright: it adds the headless flag itself when `headless: true`.
 */
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** The same flags plus `--headless`, for starting Chromium directly (not through Playwright). */
export const CHROMIUM_ARGS = ['--headless', ...CHROMIUM_FLAGS];

/** @param {string} path */
function isExecutableFile(path) {
	try {
		if (!statSync(path).isFile()) return false;
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * Finds a Chromium to run the end-to-end tests with:
 * 1. `CHROMIUM_PATH`, when set — if that file is missing, returns null (the caller reports it)
 *    rather than silently using another browser;
 * 2. `/usr/bin/chromium`, `/usr/bin/chromium-browser`, `/usr/bin/google-chrome`;
 * 3. Playwright's own build (`npx playwright install chromium`), if it is installed.
 *
 * @returns {string | null} absolute path of the executable, or null if there is none
 */
export function findChromium() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return isExecutableFile(fromEnv) ? fromEnv : null;

	for (const path of SYSTEM_CHROMIUM_PATHS) {
		if (isExecutableFile(path)) return path;
	}

	try {
		const bundled = chromium.executablePath();
		if (bundled && isExecutableFile(bundled)) return bundled;
	} catch {
		// Playwright knows no build for this platform.
	}
	return null;
}
