// A local-first SPA: every page renders in the browser, from data on the device.
export const ssr = false;
export const prerender = true;
