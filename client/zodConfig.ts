import { z } from 'zod';

// zod probes for eval (new Function) to speed up parsing; the Content-Security-Policy forbids eval, and the probe
// alone reports a violation. zod is not in the first download (docs/ARCHITECTURE.md, "Client validation"): every
// client module that parses imports this first (itemValidation.ts, dayTwo/boardWrites.ts, closing/SummaryEditor.tsx,
// research/researchActions.ts), so the setting is made before any parse.
z.config({ jitless: true });
