// Kept out of index.ts: the Workers runtime treats every value exported by the main module as an entrypoint.
export const COOKIE = '__Host-ordertalk-optin';
