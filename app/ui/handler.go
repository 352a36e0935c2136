package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Handler returns the app description. The server wraps it (wasm_exec.js,
// CSP, embedding, the fixed shell page) and fills the worker's manifest
// (WorkerManifest) with the hashes of what it serves; version must identify the build so that the service worker
// refreshes its cache, and is never empty ("dev" when it is). worker is the
// service worker's template, web/app-worker.js.
func Handler(version, worker string) *app.Handler {
	if version == "" {
		version = "dev"
	}
	return &app.Handler{
		Name:        "ExportLens",
		ShortName:   "ExportLens",
		Title:       "ExportLens",
		Description: "Open a data export locally and see whether it really is yours. Nothing leaves your device.",
		Lang:        "en",
		// Local icons: go-app's defaults load from a third-party host.
		Icon: app.Icon{
			Default: "/web/icon-192.png",
			Large:   "/web/icon-512.png",
			SVG:     "/web/icon.svg",
		},
		// go-app's list of files to cache (the worker's manifest starts
		// from it) has the pages' shell, scripts, wasm, styles and the PNG
		// icons; the SVG icon is linked by every page too, and must load
		// offline.
		CacheableResources: []string{"/web/icon.svg"},
		Styles:             []string{"/web/app.css", "/web/open.css"},
		// The watchdog says so when the wasm has stopped for good (a fatal
		// error Go cannot recover). Not deferred: it must run before the
		// deferred wasm_exec.js and app.js, to wrap the Go class they use.
		// The worker's manifest holds the Scripts like go-app's own files.
		// early.js keeps what is chosen or dropped before the app runs
		// (home-open-early.go); plain too, to listen from the page's start.
		Scripts:               []string{"/web/watchdog.js", "/web/early.js"},
		BackgroundColor:       "#ffffff",
		ThemeColor:            "#1d3557",
		LoadingLabel:          "ExportLens",
		Version:               version,
		ServiceWorkerTemplate: worker,
	}
}
