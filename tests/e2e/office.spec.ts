import { expect, test } from '@playwright/test';
import { OfficePage, RoomsPage, Shell, StaffPage, UnlockPage, createOffice } from './pages';

const NPI_CHECK_DIGIT = "This NPI's check digit is wrong — check for a typo.";
const PHONE_EXAMPLE = 'Enter a phone number with area code, e.g. (555) 201-3344.';

test('staff and rooms added to a new office are still there after a reload and sign-in', async ({
	page
}) => {
	const office = await createOffice(page);
	const shell = new Shell(page);
	const staff = new StaffPage(page);
	const rooms = new RoomsPage(page);

	// The creator is the first staff member
	await expect(staff.rows).toHaveCount(1);
	await expect(staff.row(`${office.firstName} ${office.lastName}`)).toBeVisible();

	// Two staff members and two rooms
	await staff.add({
		firstName: 'Maya',
		lastName: 'Lindgren',
		role: 'Physician',
		credentials: 'MD'
	});
	await staff.add({ firstName: 'Omar', lastName: 'Haddad', role: 'Front desk' });
	await expect(staff.rows).toHaveCount(3);
	await rooms.goto();
	await rooms.add({ name: 'Exam 1', kind: 'Exam room' });
	await rooms.add({ name: 'Procedure A', kind: 'Procedure room', status: 'Needs cleaning' });
	await expect(rooms.rows).toHaveCount(2);

	// A reload forgets the keys: sign in again
	await page.reload();
	const unlock = new UnlockPage(page);
	await expect(unlock.heading).toBeVisible();
	await expect(page.getByText('Exam 1')).toHaveCount(0);
	await unlock.unlock(office.passphrase);

	// The reload happened on Rooms, so that is where sign-in lands
	await expect(rooms.rows).toHaveCount(2);
	await expect(rooms.row('Exam 1')).toBeVisible();
	await expect(rooms.statusOf('Procedure A')).toHaveValue('needs-cleaning');
	await shell.go('Staff');
	await expect(staff.rows).toHaveCount(3);
	await expect(staff.row('Maya Lindgren, MD')).toBeVisible();
	await expect(staff.row('Omar Haddad')).toBeVisible();
});

test('the Add staff member form rejects a bad NPI and a bad phone field by field and saves nothing', async ({
	page
}) => {
	await createOffice(page);
	const staff = new StaffPage(page);
	await expect(staff.total).toHaveText('1 person on file');

	// A 10-digit NPI with a wrong check digit
	await staff.startAdding();
	await staff.fillForm({ firstName: 'Ines', lastName: 'Carvalho', role: 'Physician' });
	await staff.fillForm({ npi: '1234567890' });
	await staff.save();
	await expect(await staff.fieldError('NPI (optional)')).toHaveText(NPI_CHECK_DIGIT);
	await expect(staff.field('NPI (optional)')).toHaveAttribute('aria-invalid', 'true');
	await expect(staff.field('Phone (optional)')).not.toHaveAttribute('aria-invalid', 'true');

	// A valid NPI but a phone number without an area code
	await staff.fillForm({ npi: '1234567893', phone: '555-12' });
	await staff.save();
	await expect(await staff.fieldError('Phone (optional)')).toHaveText(PHONE_EXAMPLE);
	await expect(staff.field('NPI (optional)')).not.toHaveAttribute('aria-invalid', 'true');
	await expect(staff.dialog.getByText(NPI_CHECK_DIGIT)).toHaveCount(0);

	// Give up: nothing was saved
	await staff.cancel();
	await expect(staff.total).toHaveText('1 person on file');
	await expect(staff.rows).toHaveCount(1);
	await expect(staff.row('Carvalho')).toHaveCount(0);
});

test('a deactivated staff member leaves the list and shows as Inactive under Show inactive', async ({
	page
}) => {
	await createOffice(page);
	const staff = new StaffPage(page);
	await staff.add({ firstName: 'Lena', lastName: 'Okafor', role: 'Registered nurse' });
	await expect(staff.rows).toHaveCount(2);

	// Deactivate: gone from the list, still on file
	await staff.deactivate('Lena Okafor');
	await expect(page.getByText('Lena Okafor was deactivated.')).toBeVisible();
	await expect(staff.row('Lena Okafor')).toHaveCount(0);
	await expect(staff.rows).toHaveCount(1);
	await expect(staff.total).toHaveText('2 people on file');

	// Show inactive brings the row back, marked Inactive
	await staff.showInactive.check();
	await expect(staff.rows).toHaveCount(2);
	await expect(staff.row('Lena Okafor')).toContainText('Inactive');
	await expect(staff.rows.filter({ hasText: 'Inactive' })).toHaveCount(1);
});

test('an edited staff member shows the new details in the list', async ({ page }) => {
	await createOffice(page);
	const staff = new StaffPage(page);
	await staff.add({ firstName: 'Pat', lastName: 'Quinn', role: 'Billing' });

	// Preferred name and phone appear in the row
	await staff.edit('Pat Quinn', { preferredName: 'Patty', phone: '217 555 0199' });
	await expect(staff.row('Patty Quinn')).toContainText('(217) 555-0199');
	await expect(staff.row('Pat Quinn')).toHaveCount(0);
});

test('staff search ignores accents and case', async ({ page }) => {
	const office = await createOffice(page);
	const staff = new StaffPage(page);
	await staff.add({ firstName: 'José', lastName: 'Núñez', role: 'Physician assistant' });
	await staff.add({ firstName: 'Joseph', lastName: 'Brandt', role: 'Front desk' });

	// Plain letters find the accented name, and only it
	await staff.search('jose nunez');
	await expect(staff.rows).toHaveCount(1);
	await expect(staff.row('José Núñez')).toBeVisible();

	// Accents in the query work too
	await staff.search('NÚÑEZ');
	await expect(staff.rows).toHaveCount(1);
	await expect(staff.row('José Núñez')).toBeVisible();

	// No match says so; clearing the search shows everyone
	await staff.search('zzz');
	await expect(staff.rows).toHaveCount(0);
	await expect(page.getByText('No staff match “zzz”.')).toBeVisible();
	await staff.search('');
	await expect(staff.rows).toHaveCount(3);
	await expect(staff.row(office.lastName)).toBeVisible();
});

test('a room status changed from the list is kept', async ({ page }) => {
	await createOffice(page);
	const rooms = new RoomsPage(page);
	await rooms.goto();
	await rooms.add({ name: 'Exam 2', kind: 'Exam room' });
	await expect(rooms.row('Exam 2')).toContainText('Ready');

	// Change it from the list
	await rooms.setStatus('Exam 2', 'Occupied');
	await expect(rooms.row('Exam 2')).toContainText('Occupied');
	await expect(rooms.statusOf('Exam 2')).toHaveValue('occupied');

	// Survives leaving the page
	await new Shell(page).go('Staff');
	await rooms.goto();
	await expect(rooms.statusOf('Exam 2')).toHaveValue('occupied');
});

test('the Office page shows a field error for a bad ZIP code and saves a good one', async ({
	page
}) => {
	await createOffice(page);
	const office = new OfficePage(page);
	await office.goto();
	await expect(office.field('Office name')).toHaveValue('Prairie Creek Clinic');

	// A bad ZIP is caught on its field
	await office.fill({ 'ZIP code': '6270' });
	await office.save();
	await expect(await office.fieldError('ZIP code')).toHaveText(
		'Enter a ZIP code like 12345 or 12345-6789.'
	);
	await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');

	// Fixed: saved, and the new office name is in the top bar
	await office.fill({ 'ZIP code': '62704-1234', 'Office name': 'Prairie Creek Family Clinic' });
	await office.save();
	await expect(office.saved).toHaveText('Office settings saved.');
	await expect(new Shell(page).topBar).toContainText('Prairie Creek Family Clinic');
	await expect(office.field('ZIP code')).not.toHaveAttribute('aria-invalid', 'true');
});
