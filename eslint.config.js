import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The business areas under src/lib/. Each may reach another only through its `queries.ts`. */
const AREAS = [
	'directory',
	'patients',
	'clinical',
	'schedule',
	'billing',
	'finance',
	'operations',
	'hr'
];

/** Folders of src/lib/ that src/lib/core must not know (areas, UI, app shell) and routes. */
const NOT_CORE = [...AREAS, 'ui', 'app', 'routes', 'audit-report'];

const CORE_MESSAGE = 'src/lib/core knows no area or UI code';
const PURE_MESSAGE =
	'rules.ts and schema.ts are pure domain code: no storage, sync, UI or SvelteKit imports';

/** @typedef {{ regex: string, message: string }} RegexPattern */

/** Storage, sync, UI and SvelteKit modules, forbidden in rules.ts / schema.ts. @type {RegexPattern[]} */
const PURE_DOMAIN_PATTERNS = [
	{ regex: '^(?:dexie|yjs|y-protocols|y-websocket|svelte)(?:/|$)', message: PURE_MESSAGE },
	{ regex: '^\\$app(?:/|$)', message: PURE_MESSAGE }
];

/** @type {RegexPattern[]} */
const CORE_PATTERNS = [
	{ regex: '^\\$lib(?:/(?!core(?:/|$))|$)', message: CORE_MESSAGE },
	{ regex: `^(?:\\.\\./)+(?:lib/)?(?:${NOT_CORE.join('|')})(?:/|$)`, message: CORE_MESSAGE },
	{ regex: '^\\$app(?:/|$)', message: `${CORE_MESSAGE}: it must run outside SvelteKit, no $app/*` }
];

/**
 * `$lib/<other area>/…` (or `../<other area>/…`) is forbidden unless it is `…/queries`.
 * `$lib/core/*`, `$lib/ui/*`, `$lib/text/*` (pure, shared text helpers), `$lib/pdf/*` (the pure
 * PDF writer), `$lib/audit-report/*` (pure audit filters and reports) and the area's own modules
 * stay allowed.
 *
 * @param {string} area
 * @returns {RegexPattern[]}
 */
function areaPatterns(area) {
	const allowed = `(?!(?:core|ui|text|pdf|audit-report|${area})(?:/|$))`;
	const notQueries = '(?:/(?!queries(?:\\.[jt]s)?$)|$)';
	const message = `src/lib/${area} may use another area only through its queries.ts`;
	return [
		{ regex: `^\\$lib/${allowed}[a-z-]+${notQueries}`, message },
		{ regex: `^(?:\\.\\./)+${allowed}(?:${AREAS.join('|')})${notQueries}`, message }
	];
}

/**
 * One `no-restricted-imports` setting. Flat config does not merge rule options (the last
 * matching block wins), so each block carries every pattern that applies to its files.
 *
 * @param {RegexPattern[]} patterns
 */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const TEXT_MESSAGE = 'src/lib/text is pure, shared by every area: it imports no app module';

/** src/lib/text: no other $lib module (no area words), no storage, sync, UI or SvelteKit. */
const TEXT_PATTERNS = [
	{ regex: '^\\$lib(?:/(?!text(?:/|$))|$)', message: TEXT_MESSAGE },
	{ regex: '^\\.\\./', message: TEXT_MESSAGE },
	...PURE_DOMAIN_PATTERNS
];

const AUDIT_REPORT_MESSAGE =
	'src/lib/audit-report is pure and area-free: it imports only $lib/core and $lib/text';

/** src/lib/audit-report: audit entries (core types) and text helpers only; no area, UI, storage. */
const AUDIT_REPORT_PATTERNS = [
	{ regex: '^\\$lib(?:/(?!(?:core|text|audit-report)(?:/|$))|$)', message: AUDIT_REPORT_MESSAGE },
	...PURE_DOMAIN_PATTERNS
];

/** @type {[string, RegexPattern[]][]} */
const SCOPES = [
	['core', CORE_PATTERNS],
	['text', TEXT_PATTERNS],
	['audit-report', AUDIT_REPORT_PATTERNS],
	...AREAS.map((area) => [area, areaPatterns(area)])
];

/** Pure domain files: `rules.ts`, `schema.ts` and their named variants (`vitals-rules.ts`). */
const PURE_DOMAIN_FILES = ['rules.ts', 'schema.ts', '*-rules.ts', '*-schema.ts'];

const boundaries = [
	{
		name: 'boundaries/pure-domain',
		files: PURE_DOMAIN_FILES.map((pattern) => `src/**/${pattern}`),
		rules: restrict(PURE_DOMAIN_PATTERNS)
	},
	...SCOPES.map(([scope, patterns]) => ({
		name: `boundaries/${scope}`,
		files: [`src/lib/${scope}/**`],
		rules: restrict(patterns)
	})),
	...SCOPES.map(([scope, patterns]) => ({
		name: `boundaries/${scope}/pure-domain`,
		files: PURE_DOMAIN_FILES.map((pattern) => `src/lib/${scope}/**/${pattern}`),
		rules: restrict([...patterns, ...PURE_DOMAIN_PATTERNS])
	})),
	{
		name: 'boundaries/sync-server',
		files: ['sync-server/**'],
		rules: restrict([
			// Its files sit one folder deep (src/, tests/, test-support/): `../src` is the relay's own
			// src/, the app's takes two or more `../`.
			{ regex: '^(?:\\.\\./){2,}src(?:/|$)', message: 'the relay imports nothing from src/' },
			{ regex: '^\\$(?:lib|app)(?:/|$)', message: 'the relay imports nothing from src/' }
		])
	}
];

export default defineConfig(
	globalIgnores([
		'build/',
		'.svelte-kit/',
		'node_modules/',
		'test-results/',
		'playwright-report/',
		'sync-server/node_modules/',
		'sync-server/data/',
		'static/',
		'dev-dist/',
		'bench/out/'
	]),
	js.configs.recommended,
	ts.configs.recommendedTypeChecked,
	svelte.configs.recommended,
	svelte.configs.prettier,
	{
		name: 'project/type-aware',
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		}
	},
	{
		name: 'project/svelte',
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		name: 'project/browser',
		files: ['src/**'],
		languageOptions: { globals: { ...globals.browser } }
	},
	{
		name: 'project/node',
		files: ['scripts/**', 'bench/**', 'sync-server/**', 'tests/**', '**/*.config.*'],
		languageOptions: { globals: { ...globals.node } }
	},
	{
		name: 'project/rules',
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			// The app is served from the site root (no `paths.base`), so resolve() would change nothing.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		// TypeScript resolves names in .ts and .svelte files better than no-undef can.
		name: 'project/no-undef',
		files: ['**/*.ts', '**/*.svelte'],
		rules: { 'no-undef': 'off' }
	},
	{
		// Plain JavaScript (config files, scripts) is linted without type information.
		name: 'project/javascript',
		files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
		extends: [ts.configs.disableTypeChecked]
	},
	boundaries
);
