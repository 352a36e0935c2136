//go:build wasm

// Compiled to wasm, exportlens is the viewer: the go-app PWA of app/ui.
package main

import (
	_ "time/tzdata" // time zones: the wasm has no system database

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/ui"
)

func main() {
	ui.Routes()
	app.RunWhenOnBrowser()
}
