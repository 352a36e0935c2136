//go:build wasm

package browser

import "syscall/js"

// LoaderDone takes go-app's loader (#app-wasm-loader) off the page: the
// app is mounted and answers. go-app would remove it as soon as the Go
// program first waits, but the start waits on purpose (Pause, between its
// steps, so that the page answers meanwhile), and web/watchdog.js keeps
// the loader until this says the page is the app's. Idempotent.
func LoaderDone() {
	defer func() { recover() }() // no document (a test page): nothing to do
	el := js.Global().Get("document").Call("getElementById", "app-wasm-loader")
	if el.Truthy() && el.Get("parentNode").Truthy() {
		el.Get("parentNode").Call("removeChild", el)
	}
}
