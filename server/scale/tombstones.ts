import { WorkshopDeleted, type Storage } from '../storage/Storage';

/**
 * Storage that reports a tombstone it runs into: when a write for a workshop is refused because the workshop was
 * deleted (on another instance, while this one still served it), `onDeleted` runs once for that workshop, so this
 * instance closes its connections (4404) and drops its documents. Everything else passes through unchanged.
 */
export function watchTombstones(storage: Storage, onDeleted: (workshopId: string) => void): Storage {
  const handled = new Set<string>();
  const report = (err: unknown): never => {
    if (err instanceof WorkshopDeleted && !handled.has(err.workshopId)) {
      handled.add(err.workshopId);
      onDeleted(err.workshopId);
    }
    throw err;
  };
  const wrapped: Partial<Storage> = {
    appendUpdate: (...args) => storage.appendUpdate(...args).catch(report),
    claimClient: (...args) => storage.claimClient(...args).catch(report),
  };
  return new Proxy(storage, {
    get(target, prop, receiver) {
      if (prop in wrapped) return wrapped[prop as keyof Storage];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
