//go:build !wasm && !unix

package unarr

// setLimits does nothing where setrlimit is not available (Windows): only
// the parent's time limit applies there.
func setLimits(memory, cpuSeconds, fileSize uint64) error { return nil }
