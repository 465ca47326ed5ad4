export { default as ToggleChips } from './ToggleChips.svelte';
