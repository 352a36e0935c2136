//go:build !wasm

package browser

import "io"

// Inflater is nil outside the browser: compress/flate inflates.
func Inflater() func(io.Reader) io.ReadCloser { return nil }
