import type { NextFunction, Request, Response } from 'express';
import { ERROR_CODES } from '../../shared/protocol';
import type { Principal } from '../../shared/roles';
import { authenticate, bearer } from '../auth';
import { AppError, forbidden } from '../errors';
import type { Storage } from '../storage/Storage';

type AsyncHandler = (req: Request, res: Response) => Promise<void>;

/** An async express handler whose rejection goes to the error middleware. */
export const route = (h: AsyncHandler) => (req: Request, res: Response, next: NextFunction) => h(req, res).catch(next);

/** The caller of a `/workshops/:id/…` route that only that workshop's facilitator may use. */
export async function facilitatorOf(storage: Storage, req: Request): Promise<Principal> {
  const p = await authenticate(storage, bearer(req.get('authorization')));
  if (!p) throw new AppError(ERROR_CODES.unauthorised, 'invalid or missing token');
  if (p.workshopId !== req.params.id || p.role !== 'facilitator') throw forbidden('only the facilitator');
  return p;
}

/**
 * Runs the rewrites of people's data one at a time (erasure, merge, deletion): each reads what the previous one
 * wrote, so two must never interleave. One queue per app, shared by every route that rewrites.
 */
export function serialQueue(): <T>(fn: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
}
