// zod probes for eval (new Function) when it builds an object schema; the Content-Security-Policy forbids eval, and
// the probe alone reports a violation. zod is not in the first download (docs/ARCHITECTURE.md, "Client validation"):
// it arrives in later chunks, and builds schemas as they load. zod takes its global configuration from
// `globalThis.__zod_globalConfig` when it loads (zod/v4/core/core.js), so setting `jitless` there, first thing in
// main.tsx and without importing zod, holds for every chunk (tests/e2e/security.e2e.test.ts watches for the probe).
const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true };

export {};
