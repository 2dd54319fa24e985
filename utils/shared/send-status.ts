/** What became of one message (history, popup, compose). On its own so the popup's cache needs no wire.ts. */
export const SEND_STATUSES = ['pending', 'sent', 'failed', 'unknown', 'skipped'] as const;
