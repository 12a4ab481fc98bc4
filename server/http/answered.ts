import type { ServerResponse } from 'node:http';

/**
 * Emitted on a response whose socket went to the export process (server/export/runner.ts), once that process has
 * written all of it: the HTTP server never sees such a response finish, so logging and metrics listen for this too.
 */
export const HANDED_OVER = 'werkplaats:handedOver';

/** Calls `fn` once the response has been sent, by the HTTP server ('finish') or by the export process. */
export function whenAnswered(res: ServerResponse, fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  res.once('finish', once);
  res.once(HANDED_OVER, once);
}
