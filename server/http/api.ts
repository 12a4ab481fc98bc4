import express, { type NextFunction, type Request, type Response } from 'express';
import { LIMITS } from '../../shared/limits';
import {
  createWorkshopBody,
  describeZodError,
  ERROR_CODES,
  joinBody,
  WS_CLOSE,
  type CreateWorkshopResponse,
  type FacilitatorLinkResponse,
  type WorkshopListResponse,
} from '../../shared/protocol';
import type { z } from 'zod';
import { authenticate, bearer, newToken, sameSecret } from '../auth';
import { AppError, forbidden, notFound } from '../errors';
import type { Storage, WorkshopRecord } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { createResearchApi } from './research';
import type { Workshops } from '../workshops';
import type { Connections } from '../connections';
import { joinRateLimit, linkRoutes } from './linkRoutes';
import { addressKey, isLoopback, RateLimit } from './rateLimit';
import { log } from '../logging';
import { LeaseUnavailable } from '../scale/WorkshopLease';

export interface ApiOptions {
  storage: Storage;
  workshops: Workshops;
  hub: DocHub;
  organiserKey: string;
  /** Absolute base URL for links; when unset, taken from the request. */
  publicUrl?: string;
  /** Open connections, closed when their token is rotated or revoked. */
  connections: Connections;
  /** DATA_DIR: exports read the stored photos from its uploads folder. */
  dataDir?: string;
}

export const baseUrl = (req: Request, publicUrl?: string) =>
  (publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(/\/$/, '');

/** The absolute links of a workshop; each carries its secret in the fragment, which browsers never send to servers. */
export function workshopLinks(base: string, w: WorkshopRecord) {
  return {
    facilitator: `${base}/f/${w.id}#${w.tokens.facilitator}`,
    screen: `${base}/s/${w.id}#${w.tokens.screen}`,
    researcher: `${base}/r/${w.id}#${w.tokens.researcher}`,
    join: `${base}/j/${w.joinCode}`,
  };
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success) throw new AppError(ERROR_CODES.badRequest, describeZodError(r.error));
  return r.data;
}

type AsyncHandler = (req: Request, res: Response) => Promise<void>;
const route = (h: AsyncHandler) => (req: Request, res: Response, next: NextFunction) => h(req, res).catch(next);

/** The JSON API under /api (documented in docs/API.md). */
export function createApi(opts: ApiOptions): express.Router {
  const api = express.Router();
  api.use(express.json({ limit: LIMITS.jsonBody }));
  api.use('/join', joinRateLimit());
  // Guessing the organiser key is slow: a few wrong keys per address (IPv6: per /64) a minute, then 429 for every
  // attempt from there until the minute is over. Local tools on this machine are not counted, as for joins.
  const organiserFailures = new RateLimit(LIMITS.organiserKeyFailuresPerMinute);

  /** Every organiser route: the key, checked in constant time, with wrong keys rate-limited per network. */
  const requireOrganiser = (req: Request) => {
    const from = isLoopback(req.ip) ? null : addressKey(req.ip);
    if (from && organiserFailures.exhausted(from)) {
      throw new AppError(ERROR_CODES.tooMany, 'Too many wrong organiser keys from this network; try again in a minute');
    }
    const key = bearer(req.get('authorization'));
    if (!key || !sameSecret(key, opts.organiserKey)) {
      if (from) organiserFailures.hit(from);
      if (!key) throw new AppError(ERROR_CODES.unauthorised, 'organiser key required (Authorization: Bearer …)');
      throw forbidden('wrong organiser key');
    }
  };

  // A lost console link must not lose the workshop: the organiser lists the workshops and hands out a new link.
  api.get(
    '/workshops',
    route(async (req, res) => {
      requireOrganiser(req);
      const all = await opts.storage.listWorkshops();
      const out: WorkshopListResponse = {
        workshops: all.map((w) => ({ id: w.id, title: w.title, joinCode: w.joinCode, createdAt: w.createdAt })),
      };
      res.json(out);
    }),
  );

  api.post(
    '/workshops/:id/facilitator-link',
    route(async (req, res) => {
      requireOrganiser(req);
      const id = String(req.params.id);
      if (!(await opts.storage.getWorkshop(id))) throw notFound('workshop');
      // A new facilitator link: the old one (perhaps in the wrong hands) stops working, its consoles are closed.
      await opts.storage.rotateStaffTokens(id, { facilitator: newToken() });
      opts.connections.closeWhere(
        (c) => c.workshopId === id && c.role === 'facilitator',
        WS_CLOSE.unauthorised,
        'link replaced',
      );
      const w = await opts.storage.getWorkshop(id);
      if (!w) throw notFound('workshop');
      const out: FacilitatorLinkResponse = {
        link: workshopLinks(baseUrl(req, opts.publicUrl), w).facilitator,
        token: w.tokens.facilitator,
      };
      res.json(out);
    }),
  );

  api.post(
    '/workshops',
    route(async (req, res) => {
      requireOrganiser(req);
      const body = parse(createWorkshopBody, req.body);
      const w = await opts.workshops.create(body);
      req.log.info({ workshopId: w.id, groups: w.groups.length }, 'workshop created');
      const out: CreateWorkshopResponse = {
        id: w.id,
        joinCode: w.joinCode,
        groups: w.groups,
        links: workshopLinks(baseUrl(req, opts.publicUrl), w),
        tokens: w.tokens,
      };
      res.status(201).json(out);
    }),
  );

  api.get(
    '/join/:code',
    route(async (req, res) => {
      res.json(await opts.workshops.joinInfo(String(req.params.code)));
    }),
  );

  api.post(
    '/join',
    route(async (req, res) => {
      const body = parse(joinBody, req.body);
      res.status(201).json(await opts.workshops.join(body));
    }),
  );

  api.get(
    '/me',
    route(async (req, res) => {
      const p = await authenticate(opts.storage, bearer(req.get('authorization')));
      if (!p) throw new AppError(ERROR_CODES.unauthorised, 'invalid or missing token');
      res.json(p);
    }),
  );

  api.get(
    '/workshops/:id/links',
    route(async (req, res) => {
      const p = await authenticate(opts.storage, bearer(req.get('authorization')));
      if (!p) throw new AppError(ERROR_CODES.unauthorised, 'invalid or missing token');
      if (p.workshopId !== req.params.id || p.role !== 'facilitator') throw forbidden('only the facilitator');
      const w = await opts.storage.getWorkshop(p.workshopId);
      if (!w) throw notFound('workshop');
      res.json(workshopLinks(baseUrl(req, opts.publicUrl), w));
    }),
  );

  api.use(createResearchApi({ storage: opts.storage, hub: opts.hub, dataDir: opts.dataDir }));
  api.use(
    linkRoutes({
      storage: opts.storage,
      connections: opts.connections,
      links: (req, w) => workshopLinks(baseUrl(req, opts.publicUrl), w),
    }),
  );
  api.use((_req, _res, next) => next(notFound('API route')));
  api.use(apiErrorHandler);
  return api;
}

/** Every error leaves as JSON `{error:{code,message}}` with a fitting status. */
export function apiErrorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof AppError) {
    res.status(err.status).json(err.toJSON());
    return;
  }
  const e = err as { type?: string; status?: number };
  if (e.type === 'entity.too.large') {
    res.status(413).json(new AppError(ERROR_CODES.tooLarge, `request body larger than ${LIMITS.jsonBody} bytes`));
    return;
  }
  if (e.type === 'entity.parse.failed' || e.status === 400) {
    res.status(400).json(new AppError(ERROR_CODES.badRequest, 'request body is not valid JSON'));
    return;
  }
  if (err instanceof LeaseUnavailable) {
    // scale-out: another instance serves this workshop (it took it over while this one was down). nginx passes a 503
    // on to the next instance (deploy/nginx/proxy.conf), which is the one that holds it.
    res.set('Retry-After', '1');
    res.status(503).json({ error: { code: ERROR_CODES.internal, message: err.message } });
    return;
  }
  (req.log ?? log).error({ err }, 'unexpected error');
  res.status(500).json(new AppError(ERROR_CODES.internal, 'internal error'));
}
