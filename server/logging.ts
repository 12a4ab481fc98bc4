import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
import type { NextFunction, Request, Response } from 'express';
import pino, { type DestinationStream, type Logger } from 'pino';
import { whenAnswered } from './http/answered';

/**
 * The server's log (pino): one JSON line per event with `time` (ISO 8601, UTC), `level` (debug, info, warn, error,
 * fatal), `msg`, and where known `workshopId` and `reqId`. The level comes from LOG_LEVEL
 * (default info). On a terminal the same events are printed as short readable lines instead (development); anywhere
 * else (a container, a pipe, a file) they stay JSON, for a log collector.
 */
export type { Logger };

/** A tiny readable formatter for development: `12:03:04 INFO  msg key=value …` (no pino-pretty dependency). */
export function readableLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, pid: _pid, hostname: _host, err, ...rest } = o;
  const t = String(time).slice(11, 19);
  const extra = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const stack =
    err && typeof err === 'object' && 'stack' in err ? `\n${String((err as { stack: unknown }).stack)}` : '';
  return `${t} ${String(level).toUpperCase().padEnd(5)} ${String(msg ?? '')}${extra ? ` ${extra}` : ''}${stack}\n`;
}

function errorFields(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const code = (err as { code?: unknown }).code;
  return { type: err.name, message: err.message, ...(code !== undefined ? { code } : {}), stack: err.stack };
}

function destination(): DestinationStream {
  const json = pino.destination({ dest: 1, sync: true });
  if (!process.stdout.isTTY) return json;
  return { write: (line: string) => process.stdout.write(readableLine(line)) };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The root logger; `child({ workshopId })` for events of one workshop. */
export const log: Logger = pino(
  {
    // A wrong LOG_LEVEL is reported by the configuration check (server/config.ts), not by a crash here.
    level: (LOG_LEVELS as readonly string[]).includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL : 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Error objects as { type, message, code, stack } under `err`; nothing else of them (a pg error carries its
    // whole client, connection parameters included).
    serializers: { err: errorFields },
  },
  destination(),
);

/** Sets the level from the configuration (LOG_LEVEL). */
export function setLogLevel(level: string): void {
  log.level = level;
}

/**
 * Routes console.* (code not yet converted to the logger, libraries) through the logger, so that in production every
 * line on stdout is one JSON object. Called once by server/main.ts; tests keep the plain console.
 */
export function routeConsoleToLogger(): void {
  const route =
    (level: 'info' | 'warn' | 'error' | 'debug') =>
    (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const text = format(...args.filter((a) => a !== err));
      if (err) log[level]({ err }, text);
      else log[level](text);
    };
  console.log = route('info');
  console.info = route('info');
  console.warn = route('warn');
  console.error = route('error');
  console.debug = route('debug');
}

declare module 'express-serve-static-core' {
  interface Request {
    /** This request's logger: `reqId`, and `workshopId` when the path names a workshop. */
    log: Logger;
    id: string;
  }
}

// A request id from the proxy in front (nginx's $request_id) is kept when it looks like one; otherwise a new one.
const SANE_ID = /^[A-Za-z0-9._-]{8,64}$/;
const WORKSHOP_IN_PATH = /^\/api\/workshops\/([A-Za-z0-9_-]{1,64})(?:\/|$)/;

/**
 * Gives each request an id (`X-Request-Id`, echoed in the response) and a child logger; logs each request when it
 * ends: server errors (5xx) as error, refusals for too many requests (429) as warn, everything else as debug (so
 * LOG_LEVEL=debug gives an access log). Only the path is logged, never the query string or headers (tokens).
 */
export function requestLogging() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.get('x-request-id');
    req.id = given && SANE_ID.test(given) ? given : randomUUID();
    res.set('X-Request-Id', req.id);
    const workshopId = WORKSHOP_IN_PATH.exec(req.path)?.[1];
    req.log = log.child(workshopId ? { reqId: req.id, workshopId } : { reqId: req.id });
    const start = process.hrtime.bigint();
    whenAnswered(res, () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const fields = { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      // A route that logged its own outcome (a failed readiness probe) is not logged twice.
      if (res.locals.logged) return;
      if (res.statusCode >= 500) req.log.error(fields, 'request failed');
      else if (res.statusCode === 429) req.log.warn(fields, 'request refused: too many');
      else req.log.debug(fields, 'request');
    });
    next();
  };
}
