/** The relay address: its default, and checking what a person typed. */

/** The relay this app's own server forwards to. */
export function defaultRelayUrl(): string {
	const { protocol, host } = window.location;
	return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/sync`;
}

/** Checks a relay address a person typed; returns a message, or null when it is usable. */
export function relayUrlProblem(value: string): string | null {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return 'Enter the relay address, e.g. wss://office.example/sync.';
	}
	if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
		return 'The relay address starts with wss:// (or ws:// on this computer).';
	}
	return null;
}
