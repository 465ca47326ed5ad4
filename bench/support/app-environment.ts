/**
 * What SvelteKit's `$app/environment` gives app modules, for the benchmarks (tsx runs them
 * outside SvelteKit; bench/tsconfig.tsx.json maps the import here).
 */
export const version = 'bench';
export const browser = false;
export const dev = false;
export const building = false;
