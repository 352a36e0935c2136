//go:build wasm

// Compiled to wasm, exportlens is the viewer: the go-app PWA of app/ui.
package main

import (
	"runtime/debug"
	_ "time/tzdata" // time zones: the wasm has no system database

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/ui"
)

func main() {
	debug.SetGCPercent(50)
	ui.Routes()
	app.RunWhenOnBrowser()
}
