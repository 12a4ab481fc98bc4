import express, { type NextFunction, type Request, type Response } from 'express';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { readParticipant } from '../../shared/controlDoc';
import { ERROR_CODES, WS_CLOSE } from '../../shared/protocol';
import { authenticate, bearer } from '../auth';
import type { Connections } from '../connections';
import { eraseParticipant } from '../erasure';
import { AppError, forbidden, notFound } from '../errors';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';

type AsyncHandler = (req: Request, res: Response) => Promise<void>;
const route = (h: AsyncHandler) => (req: Request, res: Response, next: NextFunction) => h(req, res).catch(next);

/** Erasing a participant and deleting a whole workshop, the facilitator's alone (docs/API.md, "Consent and erasure"). */
export function erasureRoutes(opts: {
  storage: Storage;
  hub: DocHub;
  connections: Connections;
  dataDir?: string;
}): express.Router {
  const r = express.Router();
  const facilitatorOf = async (req: Request) => {
    const p = await authenticate(opts.storage, bearer(req.get('authorization')));
    if (!p) throw new AppError(ERROR_CODES.unauthorised, 'invalid or missing token');
    if (p.workshopId !== req.params.id || p.role !== 'facilitator') throw forbidden('only the facilitator');
    return p;
  };
  // One erasure or deletion at a time: each rewrites logs that the next one reads.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  r.post(
    '/workshops/:id/participants/:participantId/erase',
    route(async (req, res) => {
      const p = await facilitatorOf(req);
      const participantId = String(req.params.participantId);
      const control = await opts.hub.get(`${p.workshopId}/control`);
      const known = readParticipant(control.doc, participantId);
      opts.hub.release(control);
      if (!known) throw notFound('participant');
      await serial(() => eraseParticipant(opts, p.workshopId, participantId));
      res.json({ erased: true });
    }),
  );

  r.delete(
    '/workshops/:id',
    route(async (req, res) => {
      const p = await facilitatorOf(req);
      await serial(async () => {
        opts.connections.closeWhere((x) => x.workshopId === p.workshopId, WS_CLOSE.notFound, 'workshop deleted');
        await opts.hub.evictWhere((name) => name.startsWith(`${p.workshopId}/`));
        await opts.storage.deleteWorkshop(p.workshopId);
        if (opts.dataDir) {
          // Same layout as the vision's uploads (server/exercises/vision/uploads.ts).
          const dir = path.join(opts.dataDir, 'uploads', p.workshopId.replace(/[^A-Za-z0-9_-]/g, ''));
          await rm(dir, { recursive: true, force: true });
        }
      });
      res.json({ deleted: true });
    }),
  );
  return r;
}
