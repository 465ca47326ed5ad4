export { formatCode, generateCode, joinUrl, normalizeCode, parseJoinUrl } from './code';
export { PairingError, type PairingFailure } from './errors';
export {
	startHosting,
	type HostingOptions,
	type HostingSession,
	type HostState,
	type JoiningDevice
} from './host';
export { joinOffice, type JoinOptions, type JoiningSession, type JoinState } from './join';
export type { Readable } from './observable';
export { RELAY_URL_META_KEY } from './office-transfer';
export { relayPairingTransport, type RelayTransportOptions } from './relay-transport';
export { memoryTransportPair, type PairingTransport, type TransportFactory } from './transport';
