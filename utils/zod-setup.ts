import { z } from 'zod';

// Extension CSP forbids eval; without this zod probes `new Function` and Chrome logs a CSP error for it.
z.config({ jitless: true });
