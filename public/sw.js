// gap42 service worker: makes the app work offline and lets a new version wait for the user.
//
// - install: precaches every built file (the list and VERSION are written by
//   scripts/post-build.mjs from the files trunk produced). No skipWaiting here: a new version
//   waits until the user accepts it, so an open assessment is never swapped under their feet.
// - fetch: same-origin GET requests under this worker's scope are answered from the cache of
//   this version (cache first; the network only for what is not cached). Navigations get the
//   cached index ('./'), so the app starts offline at any URL under the scope.
// - message {type: 'SKIP_WAITING'}: sent by the app once the user chose "Update now" and its
//   unsaved edits were written.
// - activate: deletes this deployment's caches of older versions, then takes control of the
//   open pages.
//
// Caches are named after the scope as well as the version: several copies of gap42 hosted under
// different paths of one origin keep their own caches and never delete each other's.

const VERSION = 'dev';
const PRECACHE = [];

const SCOPE = self.registration.scope;
const PREFIX = `gap42:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('./', SCOPE).href;

/** Files whose name carries trunk's content hash (`gap42-<hex>_bg.wasm`, `main-<hex>.css`). */
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((url) => new Request(new URL(url, SCOPE), {
        // A hashed file may come from the HTTP cache (the page has just loaded it: no second
        // download of the wasm); the others (index, manifest, icons) must come fresh.
        cache: HASHED.test(url) ? 'default' : 'reload',
      })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(request.mode === 'navigate' ? navigation(request) : asset(request));
});

/** Cache first, then the network. */
async function asset(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  return hit || fetch(request);
}

/** A page load: a cached file opened directly (the schema, an icon) is served as is; anything
 * else under the scope is the app, started from the cached index. */
async function navigation(request) {
  const cache = await caches.open(CACHE);
  const path = new URL(request.url).pathname;
  const isIndex = request.url.split(/[?#]/)[0] === INDEX || path.endsWith('/index.html');
  if (!isIndex) {
    const file = await cache.match(request, { ignoreSearch: true });
    if (file) return file;
  }
  const index = await cache.match(INDEX);
  if (index) return index;
  return fetch(request);
}
