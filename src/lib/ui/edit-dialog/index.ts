export { default as EditDialog } from './EditDialog.svelte';
