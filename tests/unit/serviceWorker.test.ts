import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { precacheList, SERVICE_WORKER_FILE, serviceWorkerPlugin } from '../../client/serviceWorker/plugin';

type Listener = (event: Record<string, unknown>) => void;

/** Builds sw.js through the vite plugin for a given bundle, as `vite build` does. */
function buildWorker(bundleFiles: string[]): string {
  const plugin = serviceWorkerPlugin();
  let source = '';
  const hook = plugin.generateBundle as (this: unknown, o: unknown, b: Record<string, unknown>) => void;
  hook.call(
    {
      emitFile: (f: { fileName: string; source: string }) => {
        expect(f.fileName).toBe(SERVICE_WORKER_FILE);
        source = f.source;
      },
    },
    {},
    Object.fromEntries(bundleFiles.map((f) => [f, {}])),
  );
  return source;
}

/** Runs the worker in a sandbox and reports, for a request, whether it answers it (and how) or leaves it alone. */
function loadWorker(source: string) {
  const listeners = new Map<string, Listener>();
  const self = {
    location: { origin: 'https://werkplaats.test' },
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
  };
  const never = () => new Promise(() => undefined);
  runInNewContext(source, {
    self,
    URL,
    caches: { open: never },
    fetch: never,
    setTimeout: () => undefined,
    Request,
    Response,
  });
  return (url: string, mode = 'no-cors', method = 'GET') => {
    let answered = false;
    listeners.get('fetch')!({
      request: { url, mode, method },
      respondWith: () => {
        answered = true;
      },
    });
    return answered;
  };
}

describe('the service worker', () => {
  it('precaches the shell and the built assets, never source maps or itself', () => {
    expect(precacheList(['assets/a-1.js', 'assets/a-1.js.map', 'index.html', 'sw.js', 'assets/b-2.css'])).toEqual([
      '/assets/a-1.js',
      '/assets/b-2.css',
      '/index.html',
    ]);
    // index.html is in even when vite emits it after the plugin ran.
    expect(precacheList(['assets/a-1.js'])).toContain('/index.html');
  });

  it('names its cache after the build, so a new build replaces the old cache', () => {
    const one = buildWorker(['index.html', 'assets/a-1.js']);
    const two = buildWorker(['index.html', 'assets/a-2.js']);
    const cacheOf = (s: string) => /const BUILD = "([0-9a-f]+)"/.exec(s)?.[1];
    expect(cacheOf(one)).toMatch(/^[0-9a-f]{16}$/);
    expect(cacheOf(two)).not.toBe(cacheOf(one));
    expect(one).toContain('const PRECACHE = ["/assets/a-1.js","/index.html"]');
    expect(one).not.toContain('= __WERKPLAATS');
  });

  it('answers navigations and built assets, and leaves the API, websockets, uploads and other origins alone', () => {
    const handles = loadWorker(buildWorker(['index.html', 'assets/a-1.js']));
    expect(handles('https://werkplaats.test/p/w1', 'navigate')).toBe(true);
    expect(handles('https://werkplaats.test/assets/a-1.js')).toBe(true);
    for (const path of [
      '/api/workshops/w1',
      '/api/workshops/w1/uploads/x.jpg',
      '/uploads/x.jpg',
      '/yjs/w1/board',
      '/socket.io/?EIO=4',
      '/assets/not-in-this-build.js',
    ])
      expect(handles(`https://werkplaats.test${path}`), path).toBe(false);
    expect(handles('https://werkplaats.test/api/join', 'navigate')).toBe(false);
    expect(handles('https://elsewhere.test/assets/a-1.js')).toBe(false);
    expect(handles('https://werkplaats.test/assets/a-1.js', 'no-cors', 'POST')).toBe(false);
  });

  it('serves the cached shell to a navigation the network does not answer', async () => {
    const shell = new Response('<!doctype html>');
    const listeners = new Map<string, Listener>();
    const self = {
      location: { origin: 'https://werkplaats.test' },
      addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    };
    const caches = { open: async () => ({ match: async (u: string) => (u === '/index.html' ? shell : undefined) }) };
    const context = (fetch: () => Promise<Response>, setTimeout: (fn: () => void) => void) => {
      runInNewContext(buildWorker(['index.html']), { self, URL, caches, fetch, setTimeout, Request, Response });
      let answer: Promise<Response> | undefined;
      listeners.get('fetch')!({
        request: { url: 'https://werkplaats.test/p/w1', mode: 'navigate', method: 'GET' },
        respondWith: (p: Promise<Response>) => void (answer = p),
      });
      return answer!;
    };
    // Offline: the fetch fails at once.
    expect(
      await context(
        () => Promise.reject(new TypeError('offline')),
        () => undefined,
      ),
    ).toBe(shell);
    // Connected Wi-Fi that carries nothing: the fetch never settles; the timer gives the shell.
    expect(
      await context(
        () => new Promise(() => undefined),
        (fn) => fn(),
      ),
    ).toBe(shell);
    // Online: the network's answer.
    const fresh = new Response('fresh');
    expect(
      await context(
        () => Promise.resolve(fresh),
        () => undefined,
      ),
    ).toBe(fresh);
  });

  it('on activation deletes the caches of older builds and keeps its own (and anything not its own)', async () => {
    const source = buildWorker(['index.html', 'assets/a-2.js']);
    const own = `werkplaats-shell-${/const BUILD = "([0-9a-f]+)"/.exec(source)![1]}`;
    const store = new Set(['werkplaats-shell-0123456789abcdef', own, 'something-else']);
    const listeners = new Map<string, Listener>();
    let claimed = false;
    const self = {
      location: { origin: 'https://werkplaats.test' },
      addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
      clients: { claim: async () => void (claimed = true) },
    };
    const caches = {
      keys: async () => [...store],
      delete: async (k: string) => store.delete(k),
    };
    runInNewContext(source, { self, URL, caches, fetch: () => undefined, Request, Response });
    let done: Promise<unknown> = Promise.resolve();
    listeners.get('activate')!({ waitUntil: (p: Promise<unknown>) => void (done = p) });
    await done;
    expect([...store].sort()).toEqual([own, 'something-else'].sort());
    expect(claimed).toBe(true);
  });
});
