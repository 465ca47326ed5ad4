export { default as QrCode } from './QrCode.svelte';
