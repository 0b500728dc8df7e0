import { config } from 'zod';

// The CSP forbids eval: without this, zod probes `new Function` (a reported CSP violation) before falling back.
// Imported first in main.tsx so it runs before any schema is built.
config({ jitless: true });
