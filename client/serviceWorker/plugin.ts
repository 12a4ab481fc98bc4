import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The service worker's file name; served from the root so its scope is the whole app. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * The files the service worker precaches: the shell (index.html, which vite may emit after this plugin ran) and every
 * built asset, but no source maps.
 */
export function precacheList(fileNames: readonly string[]): string[] {
  const files = fileNames
    .filter((f) => f !== SERVICE_WORKER_FILE && !f.endsWith('.map'))
    .map((f) => '/' + f.replace(/^\/+/, ''));
  return [...new Set(['/index.html', ...files])].sort();
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
        .replace("const BUILD = '__WERKPLAATS_BUILD__';", `const BUILD = ${JSON.stringify(build)};`)
        .replace('const PRECACHE = __WERKPLAATS_PRECACHE__;', `const PRECACHE = ${JSON.stringify(files)};`);
      if (source.includes('const PRECACHE = __')) throw new Error('sw.js: the precache placeholder was not replaced');
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source });
    },
  };
}
