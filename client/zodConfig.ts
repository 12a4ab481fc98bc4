import { z } from 'zod';

// zod probes for eval (new Function) to speed up parsing; the Content-Security-Policy forbids eval, and the probe
// alone reports a violation. Imported first in main.tsx, before any schema is built.
z.config({ jitless: true });
