// Package web holds the viewer's static files (icons, CSS, the demo exports,
// and after `make build` app.wasm with its precompressed copies and GOROOT's
// wasm_exec.js) and embeds them, so the native binary serves the app from any
// folder.
//
// Entry point: FS. The pattern "*" always matches (at least this file), so
// `go vet ./...` and `go test ./...` work on a fresh clone before any wasm
// build; the server treats a missing app.wasm as "build it first".
package web

import "embed"

// FS is the web folder as it was when the binary was built.
//
//go:embed *
var FS embed.FS
