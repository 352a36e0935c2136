//go:build wasm

// Compiled to wasm, exportlens is the viewer: the go-app PWA of app/ui.
package main

import (
	"runtime/debug"
	_ "time/tzdata" // time zones: the wasm has no system database

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/ui"
)

func main() {
	// The start in turns, each a task of its own, so that the page answers
	// between them: the module's compile and instantiation
	// (web/watchdog.js starts Go on a turn after it), the runtime and the
	// packages' initialisation, the routes, and go-app's first mount, after
	// which the loader goes (browser.LoaderDone).
	browser.Pause()
	// The wasm heap grows to about (1+GOGC/100) times the live heap and
	// never shrinks: at 40 the 1 GB export peaks near 57 MiB (at 100: 64-67,
	// at 50: 58-62) for no measurable time. A memory limit
	// would not scale with bigger exports (the GC would run non-stop).
	debug.SetGCPercent(40)
	ui.Routes()
	browser.Pause()
	app.RunWhenOnBrowser()
}
