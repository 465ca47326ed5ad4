import { expect } from '@playwright/test';
import {
	JoinForm,
	RoomsPage,
	Shell,
	StaffPage,
	SyncSection,
	WRONG_CODE_MESSAGE,
	WelcomePage
} from './pages';
import { ALL_SYNCED, SYNCED, pair, startSyncingDemoOffice, test } from './sync-helpers';

test('two devices pair and converge after one edits offline', async ({ newDevice }) => {
	const a = await newDevice();
	const b = await newDevice();
	const staffTotal = await pair(a, b);
	const statusA = new Shell(a).status;
	const statusB = new Shell(b).status;

	// B received the office: the same staff, and it is in step
	const staffB = new StaffPage(b);
	await staffB.goto();
	await expect(staffB.total).toHaveText(staffTotal);
	await expect(statusB).toContainText(SYNCED);
	await expect(statusB).toContainText(ALL_SYNCED);

	// B goes offline: the indicator says so, and does not claim a sync
	await b.context().setOffline(true);
	await expect(statusB).toContainText('Offline');
	await expect(statusB).toContainText('Not connected · nothing waiting');
	await expect(statusB).not.toContainText('Synced');

	// B adds a room offline: it waits, counted
	const roomsB = new RoomsPage(b);
	await roomsB.goto();
	await roomsB.add({ name: 'Offline Exam 9', kind: 'Exam room' });
	await expect(roomsB.row('Offline Exam 9')).toBeVisible();
	await expect(statusB).toContainText(/Not connected · \d+ changes? not yet synced/);
	await expect(statusB).not.toContainText('Synced');

	// Meanwhile A adds a staff member; A is still in step
	const staffA = new StaffPage(a);
	await staffA.goto();
	await staffA.add({ firstName: 'Online', lastName: 'Person' });
	await expect(staffA.row('Online Person')).toBeVisible();
	await expect(statusA).toContainText(SYNCED);
	await expect(statusA).toContainText(ALL_SYNCED);

	// B is back online: it reconnects at once and both devices have both edits
	await b.context().setOffline(false);
	await expect(statusB).toContainText('Online');
	await staffB.goto();
	await expect(staffB.row('Online Person')).toBeVisible();
	const roomsA = new RoomsPage(a);
	await roomsA.goto();
	await expect(roomsA.row('Offline Exam 9')).toBeVisible();

	// Both end in step, nothing pending
	for (const status of [statusA, statusB]) {
		await expect(status).toContainText(SYNCED);
		await expect(status).toContainText(ALL_SYNCED);
		await expect(status).not.toContainText('not yet synced');
	}
});

test('a removed device stops receiving', async ({ newDevice }) => {
	const a = await newDevice();
	const b = await newDevice();
	await pair(a, b);
	const statusB = new Shell(b).status;
	await expect(statusB).toContainText(SYNCED);

	// A removes B
	const sync = new SyncSection(a);
	await sync.remove(sync.otherDevices.first());
	await expect(sync.otherDevices.first()).toContainText('Removed');

	// B is told it was removed
	await expect(statusB).toContainText('Sync refused');
	await expect(statusB).toContainText('This device was removed from the office');

	// A adds a staff member: B never gets it
	const staffA = new StaffPage(a);
	await staffA.goto();
	await staffA.add({ firstName: 'After', lastName: 'Removal' });
	await expect(new Shell(a).status).toContainText(ALL_SYNCED);
	const staffB = new StaffPage(b);
	await staffB.goto();
	await b.waitForTimeout(3_000);
	await expect(staffB.row('After Removal')).toHaveCount(0);
	await expect(statusB).toContainText('Sync refused');
});

test('a wrong pairing code is refused', async ({ newDevice }) => {
	const a = await newDevice();
	const b = await newDevice();
	const { sync } = await startSyncingDemoOffice(a);
	const host = await sync.addDevice();
	const code = await host.readCode();

	// B types a code one character off A's
	const wrong = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
	await b.clock.install();
	await new WelcomePage(b).goto();
	const join = new JoinForm(b);
	await join.open();
	await join.join(wrong);
	await expect(b.getByText('Reaching the other device…')).toBeVisible();

	// Nobody answers that code: after the joiner's 30 s wait (skipped ahead) it says so
	await expect(async () => {
		await b.clock.fastForward('00:31');
		await expect(join.error).toHaveText(WRONG_CODE_MESSAGE, { timeout: 1_000 });
	}).toPass({ timeout: 15_000 });
	await expect(join.checkCode).toHaveCount(0);

	// A is still waiting for its device, with its code
	await expect(host.code).toHaveText(code);
	await expect(host.dialog.getByText('Waiting for the new device…')).toBeVisible();
});
