//go:build !wasm

package browser

// LoaderDone does nothing outside the browser.
func LoaderDone() {}
