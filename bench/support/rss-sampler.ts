/**
 * Samples a process' resident memory at a fixed interval and keeps the peak, so a short spike
 * between two reads of a final number is not missed.
 */

export interface RssSampler {
	/** The highest sample so far, in MiB. */
	readonly peakMb: number;
	/** Takes one last sample and stops. */
	stop(): number;
}

export function sampleRss(read: () => number, everyMs = 250): RssSampler {
	let peak = 0;
	const sample = () => {
		try {
			peak = Math.max(peak, read());
		} catch {
			// The process is gone: its peak stands; the benchmark notices the exit itself.
		}
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		get peakMb() {
			return peak;
		},
		stop() {
			clearInterval(timer);
			sample();
			return peak;
		}
	};
}
