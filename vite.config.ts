import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			// The app asks before it swaps versions: a form half filled in must not vanish.
			registerType: 'prompt',
			manifest: {
				name: 'Practice Office',
				short_name: 'Practice Office',
				description: 'The office of a medical practice, on this device — works offline.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#f6f7f9',
				theme_color: '#1f4e79',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			workbox: {
				globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'],
				navigateFallback: '/',
				cleanupOutdatedCaches: true
			}
		})
	],
	server: { host: '127.0.0.1', port: 5173 },
	test: {
		projects: [
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'components',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts'],
					setupFiles: ['./tests/setup/components.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'sync-server/**/*.spec.ts'],
					exclude: ['**/node_modules/**'],
					setupFiles: ['./tests/setup/unit.ts']
				}
			}
		]
	}
});
