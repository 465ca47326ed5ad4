/**
 * Structured logging, one JSON object per event.
 *
 * Invariant: a log entry carries ids (office, device, document, connection, mailbox), message
 * types, sizes, counts, sequence numbers and error codes — never payloads, nonces, signatures,
 * links, public keys (of devices or admins) or exception messages (a JSON.parse message quotes
 * the input it choked on). The `LogFields` type admits only such fields, so a call site cannot
 * slip a header value in.
 */

export interface LogFields {
	conn?: number;
	officeId?: string;
	deviceId?: string;
	docId?: string;
	blobId?: string;
	mailbox?: string;
	type?: number;
	size?: number;
	seq?: number;
	covers?: number;
	deviceSeq?: number;
	count?: number;
	dropped?: number;
	code?: string;
	fatal?: boolean;
	closeCode?: number;
	port?: number;
	host?: string;
	url?: string;
	tls?: boolean;
	ms?: number;
}

export type LogSink = (entry: Record<string, unknown>) => void;

export type Logger = (event: string, fields?: LogFields) => void;

/** A logger that stamps every entry with the time and the event name. */
export function createLogger(sink: LogSink | undefined): Logger {
	if (!sink) return () => {};
	return (event, fields) => {
		try {
			sink({ t: new Date().toISOString(), event, ...fields });
		} catch {
			// A failing sink must not take the relay down with it.
		}
	};
}

/** The default sink of the relay process: JSON lines on stdout. */
export function stdoutSink(entry: Record<string, unknown>): void {
	process.stdout.write(`${JSON.stringify(entry)}\n`);
}
