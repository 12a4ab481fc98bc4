import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { LIMITS } from '../shared/limits';

/** Configuration, from environment variables only (each documented in README.md and docs/OPERATIONS.md). */
export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  organiserKey: string;
  publicUrl: string | undefined;
  clientDir: string;
  /** PostgreSQL connection string; when set, storage, uploads and workshop leases live there (scale-out). */
  databaseUrl: string | undefined;
  /** The reverse proxies whose X-Forwarded-For is believed (express 'trust proxy'): addresses, CIDRs or keywords. */
  trustProxy: string[];
  /** Free space kept in DATA_DIR for the update log; uploads are refused below it. */
  minFreeBytes: number;
}

/** A wrong variable: its message is one line naming it, printed as is when the server refuses to start. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Refuses an organiser key shorter than `LIMITS.organiserKeyMinLength`, naming where it came from. */
export function checkOrganiserKey(key: string, from = 'ORGANISER_KEY'): string {
  if (key.length < LIMITS.organiserKeyMinLength) {
    throw new ConfigError(
      `${from} is ${key.length} characters; it must be at least ${LIMITS.organiserKeyMinLength} ` +
        '(for example: openssl rand -base64 24). The server does not start with a shorter organiser key.',
    );
  }
  return key;
}

/** The organiser key: ORGANISER_KEY, or one generated at first start and kept in DATA_DIR; at least 24 characters. */
export function organiserKey(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return checkOrganiserKey(fromEnv);
  const file = path.join(dataDir, 'organiser-key');
  if (existsSync(file)) return checkOrganiserKey(readFileSync(file, 'utf8').trim(), file);
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(18).toString('base64url');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

/** express's names for address ranges (proxy-addr): this machine, link-local, private networks. */
const TRUST_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

/** One proxy: an IPv4/IPv6 address, a CIDR (`172.16.0.0/12`, `fd00::/8`) or one of express's keywords. */
function validProxy(entry: string): boolean {
  if (TRUST_KEYWORDS.includes(entry)) return true;
  const [addr, prefix, extra] = entry.split('/');
  const family = isIP(addr ?? '');
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const optionalText = z.string().optional();
/** An absolute URL whose scheme matches `scheme` (e.g. /^https?:$/). */
const url = (scheme: RegExp, what: string) =>
  z
    .string()
    .refine((s) => URL.canParse(s) && scheme.test(new URL(s).protocol), `must be ${what}`)
    .optional();

/**
 * Every variable the server reads, checked at start. One entry per variable (add new ones here): the schema turns the
 * text of the environment into the value the server uses, or says in one line what is wrong with it.
 */
const ENV = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number (0–65535)')
    .transform(Number)
    .refine((n) => n <= 65535, 'must be a port number (0–65535)')
    .default(3000),
  HOST: optionalText,
  DATA_DIR: z.string().default('./data'),
  ORGANISER_KEY: z
    .string()
    .min(LIMITS.organiserKeyMinLength, {
      error: (i) =>
        `is ${String((i.input as string).length)} characters; it must be at least ${LIMITS.organiserKeyMinLength} ` +
        '(for example: openssl rand -base64 24)',
    })
    .optional(),
  PUBLIC_URL: url(/^https?:$/, 'an absolute http(s) URL such as https://werkplaats.example.org'),
  CLIENT_DIR: z.string().default('dist/client'),
  DATABASE_URL: url(/^postgres(ql)?:$/, 'a PostgreSQL connection string such as postgresql://user:password@host/db'),
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((s) => s.split(',').map((e) => e.trim()))
    .refine(
      (list) => list.every(validProxy),
      'must list the reverse proxies, comma-separated: addresses or CIDRs (e.g. 172.18.0.0/16), or loopback',
    ),
  MIN_FREE_BYTES: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of bytes')
    .transform(Number)
    .default(LIMITS.freeSpaceFloorBytes),
  DEMO_JSON: optionalText,
});

export type Env = z.output<typeof ENV>;

/**
 * Reads and checks the environment; throws ConfigError with one line naming the first wrong variable. Empty
 * variables count as unset (docker-compose passes `${X:-}` as an empty string).
 */
export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const given = Object.fromEntries(
    Object.keys(ENV.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = ENV.safeParse(given);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  const shown = name === 'ORGANISER_KEY' ? '' : ` (got ${JSON.stringify(given[name])})`;
  throw new ConfigError(`Configuration error: ${name} ${issue.message}${shown}.`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = readEnv(env);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    organiserKey: organiserKey(dataDir, e.ORGANISER_KEY),
    publicUrl: e.PUBLIC_URL,
    clientDir: path.resolve(e.CLIENT_DIR),
    databaseUrl: e.DATABASE_URL,
    trustProxy: e.TRUST_PROXY,
    minFreeBytes: e.MIN_FREE_BYTES,
  };
}
