/** A promise that carries its outcome, so React's `use()` reads a settled one at once instead of suspending. */
export type TrackedPromise<T> = Promise<T> &
  ({ status: 'pending' } | { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown });

/**
 * Wraps `load` so it runs once and its promise is kept, marked with its outcome as React's `use()` expects; a load
 * that failed is forgotten, so the next call tries again (a phone on bad Wi-Fi may miss a chunk once).
 */
export function loadOnce<T>(load: () => Promise<T>): () => TrackedPromise<T> {
  let current: TrackedPromise<T> | null = null;
  return () => {
    if (current) return current;
    const p: TrackedPromise<T> = Object.assign(
      load().then(
        (value) => {
          Object.assign(p, { status: 'fulfilled', value });
          return value;
        },
        (reason: unknown) => {
          Object.assign(p, { status: 'rejected', reason });
          if (current === p) current = null;
          throw reason;
        },
      ),
      { status: 'pending' as const },
    );
    current = p;
    return p;
  };
}
