import { expect, type Page, type WebSocket } from '@playwright/test';
import { AuditLogSection, DEMO_PASSPHRASE, RoomsPage, Shell, StaffPage, UnlockPage } from './pages';
import { ALL_SYNCED, SYNCED, joinOffice, startSyncingDemoOffice, test } from './sync-helpers';

/** The relay sockets (…/sync) the watched pages open, and how many were open at once. */
class SyncSockets {
	readonly #sockets: { page: Page; socket: WebSocket; open: boolean }[] = [];
	mostOpenAtOnce = 0;

	watch(page: Page): void {
		page.on('websocket', (socket) => {
			if (!socket.url().endsWith('/sync')) return;
			const entry = { page, socket, open: true };
			this.#sockets.push(entry);
			socket.on('close', () => (entry.open = false));
			this.mostOpenAtOnce = Math.max(this.mostOpenAtOnce, this.open().length);
		});
		// A closed page takes its sockets with it, whether or not a close event made it out.
		page.on('close', () => {
			for (const entry of this.#sockets) if (entry.page === page) entry.open = false;
		});
	}

	/** Sockets opened so far (by one page, or by all). */
	opened(page?: Page): WebSocket[] {
		return this.#sockets.filter((entry) => !page || entry.page === page).map((e) => e.socket);
	}

	/** Sockets open now (of one page, or of all). */
	open(page?: Page): WebSocket[] {
		return this.#sockets
			.filter((entry) => entry.open && (!page || entry.page === page))
			.map((entry) => entry.socket);
	}
}

/** Signs in on the Sign in screen a freshly loaded tab shows, and opens Staff. */
async function signIn(page: Page): Promise<void> {
	await new UnlockPage(page).unlock(DEMO_PASSPHRASE);
	await new StaffPage(page).goto();
}

test('several tabs of one device share the office and one sync connection', async ({
	context,
	newDevice
}) => {
	const sockets = new SyncSockets();

	// Tab 1 opens the demo office and turns sync on: it leads, with the one socket
	const tab1 = await context.newPage();
	sockets.watch(tab1);
	const { staff: staffTotal } = await startSyncingDemoOffice(tab1);
	await expect.poll(() => sockets.open(tab1).length).toBe(1);

	// Tab 2 of the same browser opens the app: the office is there, locked; sign in
	const tab2 = await context.newPage();
	sockets.watch(tab2);
	await tab2.goto('/');
	await signIn(tab2);
	const staff1 = new StaffPage(tab1);
	const staff2 = new StaffPage(tab2);
	await expect(staff2.total).toHaveText(staffTotal);

	// An edit in tab 1 shows in tab 2 without a reload
	await staff1.goto();
	await staff1.add({ firstName: 'Tabitha', lastName: 'First' });
	await expect(staff2.row('Tabitha First')).toBeVisible();
	await expect(staff2.total).not.toHaveText(staffTotal);
	await expect(staff2.total).toHaveText(await staff1.total.innerText());

	// An edit in tab 2 shows in tab 1
	const rooms1 = new RoomsPage(tab1);
	const rooms2 = new RoomsPage(tab2);
	await rooms1.goto();
	await rooms2.goto();
	await rooms2.add({ name: 'Second Tab Exam', kind: 'Exam room' });
	await expect(rooms1.row('Second Tab Exam')).toBeVisible();

	// Both tabs say the office is in step: tab 2 shows the leader's status
	const status1 = new Shell(tab1).status;
	const status2 = new Shell(tab2).status;
	for (const status of [status1, status2]) {
		await expect(status).toContainText(SYNCED);
		await expect(status).toContainText(ALL_SYNCED);
	}

	// One connection to the relay for the whole browser: tab 1's
	expect(sockets.open()).toHaveLength(1);
	expect(sockets.opened(tab2)).toHaveLength(0);
	expect(sockets.mostOpenAtOnce).toBe(1);

	// Tab 1 (the leader) closes: tab 2 takes the lock and opens its own socket within seconds
	await tab1.close();
	await expect.poll(() => sockets.open(tab2).length, { timeout: 5_000 }).toBe(1);
	await expect(status2).toContainText(SYNCED);
	expect(sockets.open()).toHaveLength(1);
	expect(sockets.mostOpenAtOnce).toBe(1);

	// An edit in tab 2 is sent through tab 2's own socket
	await staff2.goto();
	await staff2.add({ firstName: 'Hannah', lastName: 'Handover' });
	await expect(status2).toContainText(SYNCED);
	await expect(status2).toContainText(ALL_SYNCED);

	// A device paired only now gets every edit from the relay, the one after the handover too
	const other = await newDevice();
	await joinOffice(tab2, other);
	const staffOther = new StaffPage(other);
	await staffOther.goto();
	await expect(staffOther.row('Tabitha First')).toBeVisible();
	await expect(staffOther.row('Hannah Handover')).toBeVisible();
	const roomsOther = new RoomsPage(other);
	await roomsOther.goto();
	await expect(roomsOther.row('Second Tab Exam')).toBeVisible();

	// Nothing was corrupted: tab 2 reloads, signs in and finds every edit
	await tab2.reload();
	await signIn(tab2);
	await expect(staff2.row('Tabitha First')).toBeVisible();
	await expect(staff2.row('Hannah Handover')).toBeVisible();
	await rooms2.goto();
	await expect(rooms2.row('Second Tab Exam')).toBeVisible();

	// …and every device's audit chain checks out
	const audit = new AuditLogSection(tab2);
	await audit.goto();
	await audit.check();
	const verdicts = await audit.verdicts.allInnerTexts();
	expect(verdicts.length).toBeGreaterThan(0);
	for (const verdict of verdicts) expect(verdict).toMatch(/^Intact/);
});
