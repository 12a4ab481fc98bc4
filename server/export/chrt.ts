import { existsSync } from 'node:fs';

/**
 * util-linux's chrt, where there is one (every Debian image has it): runs a program under Linux's SCHED_IDLE, so it
 * gets a core only when nothing else wants it. The export process runs under it (./exportProcess.ts); the bench's
 * control for exports spins under it (bench/loadRun.ts).
 */
export const CHRT = ['/usr/bin/chrt', '/bin/chrt'].find((f) => existsSync(f)) ?? null;
