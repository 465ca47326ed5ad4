/**
 * The service worker's lifecycle as the person sees it: "ready to work offline" once the shell is
 * cached, and "update available" when a new version waits. The new version is applied only when
 * the person says so, so a half-filled form is never reloaded away.
 */
class AppUpdate {
	#updateAvailable = $state(false);
	#offlineReady = $state(false);
	#apply: ((reload?: boolean) => Promise<void>) | null = null;

	get updateAvailable(): boolean {
		return this.#updateAvailable;
	}

	get offlineReady(): boolean {
		return this.#offlineReady;
	}

	/** Registers the service worker (browser only). */
	async register(): Promise<void> {
		const { registerSW } = await import('virtual:pwa-register');
		this.#apply = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.#updateAvailable = true),
			onOfflineReady: () => (this.#offlineReady = true)
		});
	}

	/** Switches to the waiting version and reloads. */
	async applyUpdate(): Promise<void> {
		await this.#apply?.(true);
	}

	dismissOfflineReady(): void {
		this.#offlineReady = false;
	}
}

export const appUpdate = new AppUpdate();
