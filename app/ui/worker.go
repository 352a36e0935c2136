package ui

// serviceWorkerJS is the app worker (go-app's ServiceWorkerTemplate). It
// starts from go-app v9.8.0's default (DefaultAppWorkerJS, which is empty in
// wasm builds, so it is written out here) and makes the app work offline
// after one visit:
//
//   - install caches go-app's list (the pages' shell "/", app.js, wasm_exec.js,
//     app.wasm, the manifest, styles, icons) and the bundled demos listed in
//     web/demo/index.json, so "try a demo" works offline too;
//   - activate claims the open pages, so the first visit is already served
//     by the worker;
//   - lookups ignore the query string (go-app requests some files with
//     "?v=...") and Vary: app.wasm is sent brotli- or gzip-encoded with
//     "Vary: Accept-Encoding"; the cache holds the decoded response to the
//     worker's own request, which must match the page's request whatever
//     encodings that one accepts;
//   - what is not cached yet is fetched and, when it is one of the app's own
//     files (same origin, GET, complete), kept for the next time;
//   - offline, a page that was never visited (a route such as /recordings,
//     opened by its URL) gets the app shell "/": the wasm routes by the URL.
//
// Only GETs of the app's own files pass through here: the export is read
// from the person's files in the page and never requested. No push
// notifications: the app has no server to send them.
const serviceWorkerJS = `const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const scope = self.registration.scope;
// go-app names the root page of a site under a sub-path "/sub" while its
// pages live at "/sub/"; cache the one that is navigated to.
const toCache = resourcesToCache.map((u) => (new URL(u, scope).href + "/" === scope ? scope : u));
const demoIndex = new URL("web/demo/index.json", scope).href;
const lookup = { ignoreSearch: true, ignoreVary: true };

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(toCache).then(() => cacheDemos(cache)))
      .then(() => self.skipWaiting())
  );
});

// cacheDemos adds the demo index and every demo file it lists. A site
// without demos installs all the same.
function cacheDemos(cache) {
  return fetch(demoIndex)
    .then((resp) => {
      if (!resp.ok) {
        return;
      }
      return resp
        .clone()
        .json()
        .then((demos) => {
          const urls = [];
          for (const demo of demos || []) {
            for (const file of demo.files || []) {
              urls.push(new URL(file.replace(/^\/+/, ""), scope).href);
            }
          }
          return cache.put(demoIndex, resp).then(() => cache.addAll(urls));
        });
    })
    .catch((err) => console.log("app worker: demos not cached:", err));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) {
    return; // not the app's own file: the browser handles it (the CSP refuses other origins)
  }
  event.respondWith(
    caches.match(req, lookup).then((hit) => {
      if (hit) {
        return hit;
      }
      return fetch(req)
        .then((resp) => {
          if (resp.ok && resp.status === 200 && resp.type === "basic" && !req.headers.has("range")) {
            const copy = resp.clone();
            event.waitUntil(caches.open(cacheName).then((cache) => cache.put(req, copy)));
          }
          return resp;
        })
        .catch((err) => {
          if (req.mode !== "navigate") {
            throw err;
          }
          return caches.match(scope, lookup).then((shell) => shell || Promise.reject(err));
        });
    })
  );
});
`
