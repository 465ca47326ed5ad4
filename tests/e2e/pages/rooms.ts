import type { Locator, Page } from '@playwright/test';
import { Shell } from './shell';

export interface RoomDetails {
	name: string;
	/** As the select shows it: 'Exam room', 'Procedure room', 'Lab', 'Office'. */
	kind: string;
	/** 'Ready', 'Occupied', 'Needs cleaning', 'Out of service'. */
	status?: string;
	notes?: string;
}

/** Directory › Rooms: the list with each room's status select, and the Add room dialog. */
export class RoomsPage {
	readonly heading: Locator;
	readonly addButton: Locator;
	readonly list: Locator;
	readonly rows: Locator;
	readonly dialog: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Rooms' });
		this.addButton = page.getByRole('button', { name: 'Add room' });
		this.list = page.getByRole('list', { name: 'Rooms' });
		this.rows = this.list.getByRole('listitem');
		this.dialog = page.getByRole('dialog', { name: 'Add room' });
	}

	async goto(): Promise<void> {
		await new Shell(this.page).go('Rooms');
	}

	row(name: string): Locator {
		return this.rows.filter({ hasText: name });
	}

	/** The status select of a room in the list. */
	statusOf(name: string): Locator {
		return this.page.getByLabel(`Status of ${name}`, { exact: true });
	}

	/** Adds a room; resolves once the dialog has closed. */
	async add(room: RoomDetails): Promise<void> {
		await this.addButton.click();
		await this.dialog.getByLabel('Room name').fill(room.name);
		await this.dialog.getByLabel('Kind of room').selectOption({ label: room.kind });
		if (room.status) {
			await this.dialog.getByLabel('Status', { exact: true }).selectOption({ label: room.status });
		}
		if (room.notes) await this.dialog.getByLabel('Notes (optional)').fill(room.notes);
		await this.dialog.getByRole('button', { name: 'Save' }).click();
		await this.dialog.waitFor({ state: 'hidden' });
	}

	/** Changes a room's status from the list. */
	async setStatus(name: string, status: string): Promise<void> {
		await this.statusOf(name).selectOption({ label: status });
	}
}
