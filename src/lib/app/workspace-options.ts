/**
 * How the app's workspaces run. Large projections (a month of a busy schedule, a big registry)
 * are sealed at rest for the next unlock; the cache is tied to this build, so a new version of
 * the app never reads rows shaped by an older one (core/projection/projection-cache.ts).
 */
import { version } from '$app/environment';
import type { WorkspaceOptions } from '$lib/core/session/workspace';

export const APP_WORKSPACE_OPTIONS: WorkspaceOptions = { projectionCache: { tag: version } };
