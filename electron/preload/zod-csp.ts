import { config } from 'zod';

// The page's CSP forbids eval; zod would otherwise probe `new Function`. Imported first, before any schema is built.
config({ jitless: true });
