/* global self, caches, fetch, setTimeout, URL, Request, Response, __WERKPLAATS_PRECACHE__ */
// Werkplaats service worker: lets a phone reload while offline. The build (client/serviceWorker/plugin.ts) replaces
// the two placeholders below with the build's id and the list of files it produced (index.html and /assets/*).
// - The app shell is precached at install, in a cache named after the build: a new build installs a new cache and
//   deletes the old ones, so a stale app is never kept (the protocol check, close code 4426, makes an old page reload).
// - Navigations: network first (a new build is picked up at once), the cached shell when the network fails or has
//   not answered within a few seconds (Wi-Fi that is connected but carries nothing).
// - Built assets (hashed names): cache first.
// - /api, /yjs, /socket.io and uploads are never cached: the board lives in IndexedDB and syncs over the websocket.
const BUILD = '__WERKPLAATS_BUILD__';
const PRECACHE = __WERKPLAATS_PRECACHE__;
const PREFIX = 'werkplaats-shell-';
const CACHE = PREFIX + BUILD;
const NEVER = /^\/(api|yjs|socket\.io|uploads)(\/|$)/;
const NAVIGATION_TIMEOUT_MS = 4000;

const cachedShell = () => caches.open(CACHE).then((cache) => cache.match('/index.html'));

/** Network first; the cached shell if the network fails, or is still silent after NAVIGATION_TIMEOUT_MS. */
function navigate(request) {
  return new Promise((resolve) => {
    fetch(request).then(resolve, () => cachedShell().then((shell) => resolve(shell || Response.error())));
    setTimeout(() => cachedShell().then((shell) => shell && resolve(shell)), NAVIGATION_TIMEOUT_MS);
  });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  if (PRECACHE.includes(url.pathname)) {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(url.pathname))
        .then((hit) => hit || fetch(request)),
    );
  }
});
