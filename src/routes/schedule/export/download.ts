/**
 * Saving a file made on this device: a Blob, an object URL and a click on a temporary link. No
 * server takes part, so downloads work offline (the downtime sheet must).
 */

/** Offers `bytes` (or text) to the browser as a download named `name`. */
export function download(name: string, type: string, content: Uint8Array | string): void {
	const part = typeof content === 'string' ? content : new Uint8Array(content);
	const url = URL.createObjectURL(new Blob([part], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoke later: revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
