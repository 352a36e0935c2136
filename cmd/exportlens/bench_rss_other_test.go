//go:build !unix && !wasm

package main

import "testing"

// runForRSS is unix only (rusage): elsewhere the command's RSS is not measured.
func runForRSS(b *testing.B, bin string, args []string) (ms, rssMiB float64, ok bool) {
	b.Logf("no rusage on this system: the command's RSS is not measured")
	return 0, 0, false
}
