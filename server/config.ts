import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../shared/limits';

/** Configuration, from environment variables only (each documented in README.md). */
export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  organiserKey: string;
  publicUrl: string | undefined;
  clientDir: string;
  /** PostgreSQL connection string; when set, storage and workshop leases live there (scale-out). */
  databaseUrl: string | undefined;
}

/** Refuses an organiser key shorter than `LIMITS.organiserKeyMinLength`, naming where it came from. */
export function checkOrganiserKey(key: string, from = 'ORGANISER_KEY'): string {
  if (key.length < LIMITS.organiserKeyMinLength) {
    throw new Error(
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

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port,
    host: env.HOST || undefined,
    dataDir,
    organiserKey: organiserKey(dataDir, env.ORGANISER_KEY),
    publicUrl: env.PUBLIC_URL || undefined,
    clientDir: path.resolve(env.CLIENT_DIR ?? 'dist/client'),
    databaseUrl: env.DATABASE_URL || undefined,
  };
}
