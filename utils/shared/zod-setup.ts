import { config } from 'zod/mini';

// Extension CSP forbids eval; without this zod probes `new Function` and Chrome logs a CSP error for it.
// zod/mini's config is the same global as classic zod's, and keeps content scripts free of classic zod.
config({ jitless: true });
