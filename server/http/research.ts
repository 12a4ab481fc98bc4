import express, { type NextFunction, type Request, type Response } from 'express';
import { readControl } from '../../shared/controlDoc';
import { ERROR_CODES } from '../../shared/protocol';
import { RESEARCH } from '../../shared/research/researchDoc';
import { checkedCodes, checkedItems, checkedObservations } from '../../shared/research/recordCheck';
import type { Principal } from '../../shared/roles';
import { authenticate, bearer } from '../auth';
import { AppError, forbidden, notFound } from '../errors';
import { namesOf } from '../export/model';
import { docAt, provenanceOf } from '../export/provenance';
import { assignResearchers, docName, loadRecord } from '../export/record';
import { ExportsBusy, exportInWorker } from '../export/runner';
import { stripDataUrl } from '../images/stripMetadata';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';

export const EXPORT_FORMATS = ['json', 'csv', 'cases', 'md', 'html', 'maxqda', 'qdpx', 'key'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type AsyncHandler = (req: Request, res: Response) => Promise<void>;
const route = (h: AsyncHandler) => (req: Request, res: Response, next: NextFunction) => h(req, res).catch(next);

/** The facilitator or a researcher of this workshop; everyone else is refused. */
async function staff(storage: Storage, req: Request): Promise<Principal> {
  const p = await authenticate(storage, bearer(req.get('authorization')));
  if (!p) throw new AppError(ERROR_CODES.unauthorised, 'invalid or missing token');
  if (p.workshopId !== req.params.id || (p.role !== 'facilitator' && p.role !== 'researcher')) {
    throw forbidden('only the facilitator or a researcher of this workshop');
  }
  return p;
}

const CONTENT: Record<ExportFormat, { type: string; ext: string }> = {
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  cases: { type: 'text/csv; charset=utf-8', ext: 'cases.csv' },
  md: { type: 'text/markdown; charset=utf-8', ext: 'md' },
  html: { type: 'text/html; charset=utf-8', ext: 'html' },
  maxqda: { type: 'application/zip', ext: 'maxqda.zip' },
  qdpx: { type: 'application/zip', ext: 'qdpx' },
  key: { type: 'text/csv; charset=utf-8', ext: 'key.csv' },
};

/** Every string of a JSON value passed through `f`, however deep. */
function scrubStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => scrubStrings(v, f));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubStrings(v, f)]));
  }
  return value;
}

/** Export, replay and provenance routes under /api (docs/API.md, "Research record"). */
export function createResearchApi(opts: { storage: Storage; hub: DocHub; dataDir?: string }): express.Router {
  const r = express.Router();

  r.get(
    '/workshops/:id/export',
    route(async (req, res) => {
      const p = await staff(opts.storage, req);
      const format = String(req.query.format ?? 'json') as ExportFormat;
      if (!EXPORT_FORMATS.includes(format)) {
        throw new AppError(ERROR_CODES.badRequest, `format must be one of ${EXPORT_FORMATS.join(', ')}`);
      }
      // The key table links pseudonyms to names: the facilitator's alone, never a researcher's.
      if (format === 'key' && p.role !== 'facilitator')
        throw forbidden('only the facilitator may export the key table');
      const names = String(req.query.names ?? 'pseudonyms');
      if (names !== 'pseudonyms' && names !== 'real') throw new AppError(ERROR_CODES.badRequest, 'names must be real');
      // Real names are the facilitator's alone, like the key table.
      if (names === 'real' && p.role !== 'facilitator') throw forbidden('only the facilitator may export real names');
      // Researchers' pseudonyms: the export gives the missing ones from what it reads and they are stored after it
      // (server/export/runner.ts), so every export gives each the same R without loading the board here.
      // Built in the export process at the lowest priority, one at a time, identical waiting requests sharing one
      // run (server/export/runner.ts): a large export never delays a phone.
      let out;
      try {
        out = await exportInWorker(opts.hub, opts.storage, p.workshopId, format, names === 'real', opts.dataDir);
      } catch (err) {
        if (!(err instanceof ExportsBusy)) throw err;
        // Too many different exports waiting: 503 with Retry-After (docs/API.md), rather than a pile-up.
        res.set('Retry-After', String(err.retryAfterS));
        res.set('Cache-Control', 'no-store');
        res.status(503).json({ error: { code: ERROR_CODES.tooMany, message: err.message } });
        return;
      }
      // Damaged entries are exported as a list and reported here, so someone can repair them (docs/export.md).
      for (const d of out.damaged) {
        console.warn(`[export] workshop ${p.workshopId}: damaged ${d.type} ${JSON.stringify(d.id)}: ${d.reason}`);
      }
      const { type, ext } = CONTENT[format];
      res.set('Content-Type', type);
      res.set('Content-Disposition', `attachment; filename="werkplaats-${p.workshopId}.${ext}"`);
      res.set('Cache-Control', 'no-store');
      // The bytes the export process wrote, written by it on this request's socket where it can (the body never
      // passes through the server's event loop; no ETag of megabytes: it is no-store). Content-Length is set there.
      await out.send(res);
    }),
  );

  r.get(
    '/workshops/:id/replay',
    route(async (req, res) => {
      const p = await staff(opts.storage, req);
      const doc = String(req.query.doc ?? 'board');
      if (doc !== 'board' && doc !== 'control' && doc !== 'research') {
        throw new AppError(ERROR_CODES.badRequest, 'doc must be board, control or research');
      }
      const atParam = req.query.at;
      const at = atParam === undefined ? Date.now() : Number(atParam);
      if (!Number.isFinite(at)) throw new AppError(ERROR_CODES.badRequest, 'at must be a time in ms');
      const live = await opts.hub.get(docName(p.workshopId, doc));
      try {
        await live.idle();
        const log = await opts.storage.readLog(live.name);
        if (doc === 'control' && log.length === 0) throw notFound('workshop');
        const past = docAt(log, at);
        const applied = log.filter((u) => u.ts <= at).length;
        // Damaged entries are listed apart (`damaged`), so one of them never breaks a replay.
        const checked = (): Record<string, unknown> => {
          if (doc === 'control') return { control: readControl(past) };
          if (doc === 'board') {
            const { items, damaged } = checkedItems(past);
            return { items, damaged };
          }
          const o = checkedObservations(past);
          const c = checkedCodes(past);
          return { observations: o.observations, codebook: c.codes, damaged: [...o.damaged, ...c.damaged] };
        };
        let state = checked();
        past.destroy();
        // A researcher replays pseudonyms only: participants' and researchers' names (in every form) become P01…
        // and R1…, as in the default exports; only the facilitator's key table maps them back.
        if (p.role !== 'facilitator') {
          await assignResearchers(opts.hub, p.workshopId);
          const { names, unname } = namesOf(await loadRecord(opts.hub, opts.storage, p.workshopId), false);
          if (doc === 'control') {
            const control = state.control as ReturnType<typeof readControl>;
            const participants = control.participants.map((x) => ({
              ...x,
              name: names.participant.get(x.id) ?? x.pseudonym ?? 'P?',
            }));
            state = { control: { ...control, participants } };
          }
          state = scrubStrings(state, unname) as Record<string, unknown>;
        }
        // Pictures inside items (older pitches' data URLs) are replayed without their metadata, as exported.
        state = scrubStrings(state, (s) => (s.startsWith('data:image/') ? stripDataUrl(s) : s)) as Record<
          string,
          unknown
        >;
        res.set('Cache-Control', 'no-store');
        res.json({ doc, at, from: log[0]?.ts ?? null, to: log.at(-1)?.ts ?? null, updates: applied, ...state });
      } finally {
        opts.hub.release(live);
      }
    }),
  );

  r.get(
    '/workshops/:id/provenance',
    route(async (req, res) => {
      const p = await staff(opts.storage, req);
      const doc = String(req.query.doc ?? 'board');
      if (doc !== 'board' && doc !== 'research')
        throw new AppError(ERROR_CODES.badRequest, 'doc must be board or research');
      const live = await opts.hub.get(docName(p.workshopId, doc));
      try {
        await live.idle();
        const log = await opts.storage.readLog(live.name);
        const entries = provenanceOf(log, doc === 'board' ? 'items' : RESEARCH.observations);
        res.set('Cache-Control', 'no-store');
        res.json({ doc, entries: Object.fromEntries(entries) });
      } finally {
        opts.hub.release(live);
      }
    }),
  );

  return r;
}
