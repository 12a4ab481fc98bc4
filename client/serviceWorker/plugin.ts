import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The service worker's file name; served from the root so its scope is the whole app. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The files the service worker precaches: the shell and every built asset, but no source maps. */
export function precacheList(fileNames: readonly string[]): string[] {
  return fileNames
    .filter((f) => f !== SERVICE_WORKER_FILE && !f.endsWith('.map'))
    .map((f) => '/' + f.replace(/^\/+/, ''))
    .sort();
}

/**
 * Writes sw.js into the build: the hand-written worker (sw.js next to this file) with the build's file list and an id
 * derived from it, so every build that changes a file gets a fresh cache name and the old cache is dropped.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'werkplaats-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = precacheList(Object.keys(bundle));
      const build = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(path.resolve(__dirname, 'sw.js'), 'utf8')
        .replace("'__WERKPLAATS_BUILD__'", JSON.stringify(build))
        .replace('__WERKPLAATS_PRECACHE__', JSON.stringify(files));
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source });
    },
  };
}
