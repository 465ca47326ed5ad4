/**
 * Every benchmark, in the order they run. Each file exports `measure`; adding one is one line.
 * Modules load lazily, so `--only` skips the imports (and setup) of the others.
 */
import type { Benchmark } from '../measurement';

export const BENCHMARKS: Record<string, () => Promise<{ measure: Benchmark }>> = {
	'open-office': () => import('./open-office'),
	'projection-rebuild': () => import('./projection-rebuild'),
	'staff-query': () => import('./staff-query'),
	'patient-search': () => import('./patient-search'),
	'registry-open': () => import('./registry-open'),
	'week-view': () => import('./week-view'),
	'people-sign-in': () => import('./people-sign-in'),
	compaction: () => import('./compaction'),
	'aead-throughput': () => import('./aead-throughput'),
	'sync-latency': () => import('./sync-latency'),
	'first-sync': () => import('./first-sync'),
	'relay-rss': () => import('./relay-rss')
};
