/** A promise that carries its outcome, so React's `use()` reads a settled one at once instead of suspending. */
export type TrackedPromise<T> = Promise<T> &
  ({ status: 'pending' } | { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown });

/** One thing loaded at most once at a time (an exercise view's code). */
export interface LoadOnce<T> {
  /** The load's promise, started on the first call and kept, marked with its outcome as React's `use()` expects. */
  get: () => TrackedPromise<T>;
  /** Forgets a failed load, so the next `get` tries again (a phone on bad Wi-Fi may miss a chunk once). */
  retry: () => void;
}

export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let current: TrackedPromise<T> | null = null;
  const get = (): TrackedPromise<T> => {
    if (current) return current;
    const p: TrackedPromise<T> = Object.assign(
      load().then(
        (value) => {
          Object.assign(p, { status: 'fulfilled', value });
          return value;
        },
        (reason: unknown) => {
          Object.assign(p, { status: 'rejected', reason });
          throw reason;
        },
      ),
      { status: 'pending' as const },
    );
    current = p;
    return p;
  };
  // A failure stays until someone asks to retry: React renders again after a rejection and must see it, not a new load.
  const retry = () => {
    if (current?.status === 'rejected') current = null;
  };
  return { get, retry };
}
