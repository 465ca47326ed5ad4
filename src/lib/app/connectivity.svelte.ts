/** Whether the browser believes this device is online (the sync status says more). */
class Connectivity {
	#online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

	get online(): boolean {
		return this.#online;
	}

	/** Starts following the browser's online state; returns a stop function. */
	watchNetwork(): () => void {
		const update = () => (this.#online = navigator.onLine);
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		update();
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		};
	}
}

export const connectivity = new Connectivity();
