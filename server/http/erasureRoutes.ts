import express from 'express';
import { readParticipant } from '../../shared/controlDoc';
import { WS_CLOSE } from '../../shared/protocol';
import type { Connections } from '../connections';
import { eraseParticipant } from '../erasure';
import { notFound } from '../errors';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { uploadStoreFor } from '../uploads/store';
import { facilitatorOf as facilitatorOfRoute, route, type serialQueue } from './facilitatorRoutes';

/** Erasing a participant and deleting a whole workshop, the facilitator's alone (docs/API.md, "Consent and erasure"). */
export function erasureRoutes(opts: {
  storage: Storage;
  hub: DocHub;
  connections: Connections;
  /** The app's one queue for rewrites of people's data (facilitatorRoutes.ts). */
  serial: ReturnType<typeof serialQueue>;
  dataDir?: string;
}): express.Router {
  const r = express.Router();
  const facilitatorOf = (req: express.Request) => facilitatorOfRoute(opts.storage, req);
  const serial = opts.serial;

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
        if (opts.dataDir) await uploadStoreFor(opts.storage, opts.dataDir).deleteWorkshop(p.workshopId);
      });
      res.json({ deleted: true });
    }),
  );
  return r;
}
