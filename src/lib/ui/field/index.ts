export { default as TextField } from './TextField.svelte';
export { default as SelectField } from './SelectField.svelte';
export { default as TextAreaField } from './TextAreaField.svelte';
export { default as NewPassphraseFields } from './NewPassphraseFields.svelte';
