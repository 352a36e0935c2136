package ui

// WorkerManifest is the placeholder in the worker script that the server (or
// the static site's writer) replaces with the manifest of this build: the
// URL path of every file the worker may cache, with the SHA-256 of its bytes
// and its Content-Type, and the headers its responses carry (the CSP). The
// files of the app are made by go-app's handler and the build, so only the
// server that serves them can hash them; the placeholder itself is a valid,
// empty manifest: a worker nobody filled in caches nothing.
const WorkerManifest = `/* exportlens:manifest */ { "files": {}, "headers": {} }`

// The worker script is web/app-worker.js, passed to Handler by the server:
// it caches only the files of the manifest, each checked against its SHA-256
// before it is served (the file's head comment says how and why).
