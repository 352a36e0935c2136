//go:build unix && !linux

package unarr

// limitAddressSpace does nothing outside Linux: macOS does not enforce
// RLIMIT_AS, and elsewhere the runtime's reservations are not measured here.
// There only the parent's time limit and the child's CPU limit apply.
func limitAddressSpace(memory uint64) error { return nil }
