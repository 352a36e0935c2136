//go:build !wasm

package browser

import "runtime"

// Pause lets other goroutines run; natively nothing else waits for the
// thread.
func Pause() { runtime.Gosched() }

// PaceGC leaves the native collector as it is (see the wasm build).
func PaceGC() (restore func()) { return func() {} }
