import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { LIMITS } from '../../shared/limits';
import { describeZodError, ERROR_CODES, WS_CLOSE } from '../../shared/protocol';
import { authenticate, bearer, newToken } from '../auth';
import type { Connections } from '../connections';
import { AppError, forbidden, notFound } from '../errors';
import type { Storage, WorkshopRecord } from '../storage/Storage';
import { addressKey, isLoopback, RateLimit } from './rateLimit';
const STAFF_LINK_ROLES = ['facilitator', 'screen', 'researcher'] as const;
export const rotateBody = z.object({ roles: z.array(z.enum(STAFF_LINK_ROLES)).min(1).max(3) });

type AsyncHandler = (req: Request, res: Response) => Promise<void>;
const route = (h: AsyncHandler) => (req: Request, res: Response, next: NextFunction) => h(req, res).catch(next);

/**
 * Join attempts per address: unknown codes use up a small allowance (the code is short, so guessing must be slow),
 * successful joins a larger one (a whole room may sit behind one Wi-Fi address). Over either, join requests get 429.
 * An IPv6 client is counted per /64 (it may rotate through its whole network), IPv4 per address (`addressKey`).
 */
export function joinRateLimit(now?: () => number) {
  const failures = new RateLimit(LIMITS.joinFailuresPerMinute, now);
  const joins = new RateLimit(LIMITS.joinsPerMinute, now);
  return (req: Request, res: Response, next: NextFunction) => {
    // Local tools (the demo seeder, the simulator, a benchmark) join from this machine; a reverse proxy on loopback
    // passes the real address in X-Forwarded-For, which express reads ('trust proxy' loopback).
    if (isLoopback(req.ip)) return next();
    const addr = addressKey(req.ip);
    const posting = req.method === 'POST';
    if (failures.exhausted(addr) || (posting && joins.exhausted(addr))) {
      next(new AppError(ERROR_CODES.tooMany, 'Too many join attempts from this network; try again in a minute'));
      return;
    }
    res.on('finish', () => {
      if (res.statusCode === 404) failures.hit(addr);
      else if (posting && res.statusCode === 201) joins.hit(addr);
    });
    next();
  };
}

/**
 * Revoking access from the console: new staff links (the old ones stop working and their open connections are
 * closed), and revoking one participant's token (a lost phone).
 */
export function linkRoutes(opts: {
  storage: Storage;
  connections: Connections;
  links: (req: Request, w: WorkshopRecord) => Record<string, string>;
}): express.Router {
  const r = express.Router();
  const facilitatorOf = async (req: Request) => {
    const p = await authenticate(opts.storage, bearer(req.get('authorization')));
    if (!p) throw new AppError(ERROR_CODES.unauthorised, 'invalid or missing token');
    if (p.workshopId !== req.params.id || p.role !== 'facilitator') throw forbidden('only the facilitator');
    return p;
  };

  r.post(
    '/workshops/:id/links/rotate',
    route(async (req, res) => {
      const p = await facilitatorOf(req);
      const body = rotateBody.safeParse(req.body);
      if (!body.success) throw new AppError(ERROR_CODES.badRequest, describeZodError(body.error));
      const roles = [...new Set(body.data.roles)];
      const tokens = Object.fromEntries(roles.map((role) => [role, newToken()]));
      await opts.storage.rotateStaffTokens(p.workshopId, tokens);
      opts.connections.closeWhere(
        (c) => c.workshopId === p.workshopId && (roles as string[]).includes(c.role),
        WS_CLOSE.unauthorised,
        'link replaced',
      );
      const w = await opts.storage.getWorkshop(p.workshopId);
      if (!w) throw notFound('workshop');
      res.json({ links: opts.links(req, w), tokens: w.tokens });
    }),
  );

  r.post(
    '/workshops/:id/participants/:participantId/revoke',
    route(async (req, res) => {
      const p = await facilitatorOf(req);
      const participantId = String(req.params.participantId);
      const revoked = await opts.storage.revokeParticipant(p.workshopId, participantId);
      if (revoked === 0) throw notFound('participant token');
      opts.connections.closeWhere(
        (c) => c.workshopId === p.workshopId && c.participantId === participantId,
        WS_CLOSE.unauthorised,
        'link revoked',
      );
      res.json({ revoked });
    }),
  );
  return r;
}
