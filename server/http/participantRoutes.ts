import express from 'express';
import { z } from 'zod';
import { readParticipant } from '../../shared/controlDoc';
import { LIMITS } from '../../shared/limits';
import { describeZodError, ERROR_CODES } from '../../shared/protocol';
import { newToken } from '../auth';
import type { Connections } from '../connections';
import { AppError, notFound } from '../errors';
import { mergeParticipants } from '../participants/merge';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { facilitatorOf as facilitatorOfRoute, route, type serialQueue } from './facilitatorRoutes';
import { baseUrl } from './api';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const mergeBody = z.object({ into: id });

/** The link that brings a participant back as themselves: the token in the fragment, like the staff links. */
export const participantLink = (base: string, workshopId: string, token: string): string =>
  `${base}/p/${workshopId}#${token}`;

/**
 * Coming back as yourself (docs/API.md, "Participants"): a participant's re-entry link for the console to show as
 * a QR code, and merging two participants who are one person. Both are the facilitator's alone.
 */
export function participantRoutes(opts: {
  storage: Storage;
  hub: DocHub;
  connections: Connections;
  /** The app's one queue for rewrites of people's data (facilitatorRoutes.ts). */
  serial: ReturnType<typeof serialQueue>;
  publicUrl?: string;
}): express.Router {
  const r = express.Router();
  const facilitatorOf = (req: express.Request) => facilitatorOfRoute(opts.storage, req);
  const known = async (workshopId: string, participantId: string) => {
    const control = await opts.hub.get(`${workshopId}/control`);
    try {
      return !!readParticipant(control.doc, participantId);
    } finally {
      opts.hub.release(control);
    }
  };
  const serial = opts.serial;

  // Tokens are stored only as hashes, so the link carries a new token of the same participant (older ones stay valid).
  r.post(
    '/workshops/:id/participants/:participantId/link',
    route(async (req, res) => {
      const p = await facilitatorOf(req);
      const participantId = String(req.params.participantId);
      if (!(await known(p.workshopId, participantId))) throw notFound('participant');
      const token = newToken();
      await opts.storage.addToken(token, { workshopId: p.workshopId, role: 'participant', participantId });
      res.status(201).json({ link: participantLink(baseUrl(req, opts.publicUrl), p.workshopId, token), token });
    }),
  );

  r.post(
    '/workshops/:id/participants/:participantId/merge',
    express.json({ limit: LIMITS.jsonBody }),
    route(async (req, res) => {
      const p = await facilitatorOf(req);
      const body = mergeBody.safeParse(req.body);
      if (!body.success) throw new AppError(ERROR_CODES.badRequest, describeZodError(body.error));
      const from = String(req.params.participantId);
      const moved = await serial(() => mergeParticipants(opts, p.workshopId, from, body.data.into));
      res.json({ merged: from, into: body.data.into, ...moved });
    }),
  );
  return r;
}
