export { AuditLogSection } from './audit';
export { errorOf } from './fields';
export { OfficePage } from './office';
export { RoomsPage, type RoomDetails } from './rooms';
export { Shell, type Area } from './shell';
export { StaffPage, type StaffMemberDetails } from './staff';
export { DEMO_PASSPHRASE, IDLE_MESSAGE, UnlockPage, WRONG_PASSPHRASE_MESSAGE } from './unlock';
export {
	VALID_OFFICE,
	WelcomePage,
	createOffice,
	openDemoOffice,
	type OfficeDetails
} from './welcome';
export { AddDeviceDialog, JoinForm, SyncSection, WRONG_CODE_MESSAGE } from './sync';
export { ChartPage, PatientsPage, type PatientDetails, type PolicyDetails } from './patients';
export { VitalsSection } from './vitals';
