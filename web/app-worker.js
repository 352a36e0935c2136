// The app worker of ExportLens, as go-app's ServiceWorkerTemplate (app/ui/worker.go: Handler). It
// replaces go-app v9.8.0's default (DefaultAppWorkerJS, which is empty in
// wasm builds) because that one serves whatever CacheStorage holds: any
// document of the app's origin can write there (an export's SVG opened in a
// tab of its own did), and a rewritten app.js then ran on every later visit.
// This one trusts nothing it did not verify:
//
//   - it caches exactly the files of the manifest (the pages' shell, app.js,
//     wasm_exec.js, app.wasm, go-app's manifest and CSS, styles, icons, the
//     bundled demos), fetched by itself on install and kept only when their
//     bytes have the manifest's SHA-256: a half-updated server fails the
//     install instead of mixing versions;
//   - on every request for one of them it reads the cached copy, hashes it
//     (crypto.subtle) and serves it only when the hash matches; a copy that
//     does not is deleted and the file fetched again; offline with no good
//     copy the request fails: never the poison;
//   - what it serves is built from the verified bytes, with the manifest's
//     Content-Type and security headers, never the stored headers (which a
//     page could have written too);
//   - nothing else is cached: other requests go to the network untouched,
//     except that a page never cached (a route such as /recordings, opened
//     by its URL) gets the verified shell when offline: the wasm routes by
//     the URL;
//   - lookups ignore the query string (go-app requests some files with
//     "?v=...") and Vary (app.wasm is sent brotli- or gzip-encoded; the
//     hash is of the decoded bytes the worker sees);
//   - activate deletes every other cache of the origin and claims the open
//     pages, so the first visit is already served by the worker.
//
// The worker script itself is never in CacheStorage: the browser fetches it
// from the server when it checks for updates. Only GETs of the app's own
// files pass through here: the export is read from the person's files in
// the page and never requested. No push notifications: the app has no
// server to send them.
//
// go-app fills in {{.Version}}; the server replaces the manifest below (app/ui/worker.go:
// WorkerManifest) with the files of this build and their SHA-256.
const cacheName = "app-" + "{{.Version}}";
const manifest = /* exportlens:manifest */ { "files": {}, "headers": {} };
const files = new Map(Object.entries(manifest.files || {}));
const shellPath = new URL(self.registration.scope).pathname;
const lookup = { ignoreSearch: true, ignoreVary: true };

function href(path) {
  return new URL(path, self.location.origin).href;
}

async function sha256(buf) {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", buf));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

// respond makes the response from bytes whose hash was checked: the type
// and headers come from the manifest, not from the cache.
function respond(buf, file) {
  const headers = new Headers(manifest.headers || {});
  headers.set("Content-Type", file.type);
  if (manifest.lengthHeader) {
    headers.set(manifest.lengthHeader, String(buf.byteLength));
  }
  return new Response(buf, { status: 200, headers: headers });
}

// fetchFile gets a file from the server, past the HTTP cache's freshness.
async function fetchFile(path) {
  const resp = await fetch(href(path), { cache: "no-cache", credentials: "same-origin" });
  return { resp: resp, buf: resp.ok ? await resp.arrayBuffer() : null };
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await Promise.all(
        Array.from(files, async ([path, file]) => {
          const { resp, buf } = await fetchFile(path);
          if (!buf) {
            throw new Error("app worker: " + path + ": status " + resp.status);
          }
          if ((await sha256(buf)) !== file.sha256) {
            throw new Error("app worker: " + path + " is not this version's file");
          }
          await cache.put(href(path), respond(buf, file));
        })
      );
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// serve answers with the cached copy of path when its hash is the
// manifest's; otherwise it drops the copy and fetches the file again.
async function serve(path, file) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(href(path), lookup);
  if (hit) {
    const buf = await hit.arrayBuffer();
    if ((await sha256(buf)) === file.sha256) {
      return respond(buf, file);
    }
    console.warn("app worker: the cached " + path + " is not this version's file: dropped, fetched again");
    await cache.delete(href(path), lookup);
  }
  // Offline this rejects, and the request fails: no good copy, no answer.
  const { resp, buf } = await fetchFile(path);
  if (!buf) {
    return resp;
  }
  if ((await sha256(buf)) !== file.sha256) {
    // The server has moved on to another version: hand its file on as it
    // came, uncached; the browser updates this worker on the next visit.
    return new Response(buf, { status: resp.status, statusText: resp.statusText, headers: resp.headers });
  }
  await cache.put(href(path), respond(buf, file));
  return respond(buf, file);
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) {
    return; // not the app's own file: the browser handles it (the CSP refuses other origins)
  }
  const file = files.get(url.pathname);
  if (file) {
    event.respondWith(serve(url.pathname, file));
    return;
  }
  if (req.mode === "navigate" && files.has(shellPath)) {
    event.respondWith(fetch(req).catch(() => serve(shellPath, files.get(shellPath))));
  }
  // Anything else goes to the network, and is not kept.
});
