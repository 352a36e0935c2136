//go:build !wasm && !cgo

package unarr

// available is false without cgo: unarr is C code. Unpack then fails with
// ErrUnavailable without starting a child.
const available = false

func extract(childArgs) error { return ErrUnavailable }
