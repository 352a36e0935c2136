//go:build unix && !wasm

package unarr

import (
	"math"
	"syscall"
)

// setLimits bounds the child's memory (see limitAddressSpace) and its CPU
// time, in case the parent dies before it can kill the child, and disables
// core dumps: a crash would write the archive's bytes to disk. fileSize
// bounds each file it writes (RLIMIT_FSIZE; Go ignores SIGXFSZ, so a write
// past it fails with EFBIG) behind the child's own count of what it wrote.
func setLimits(memory, cpuSeconds, fileSize uint64) error {
	if err := setrlimit(syscall.RLIMIT_CORE, 0); err != nil {
		return err
	}
	if err := setrlimit(syscall.RLIMIT_FSIZE, fileSize); err != nil {
		return err
	}
	if err := setrlimit(syscall.RLIMIT_CPU, cpuSeconds); err != nil {
		return err
	}
	return limitAddressSpace(memory)
}

func setrlimit(resource int, max uint64) error {
	var r syscall.Rlimit
	setTo(&r.Cur, max)
	setTo(&r.Max, max)
	return syscall.Setrlimit(resource, &r)
}

// setTo assigns v to an Rlimit field, which is int64 on the BSDs and
// uint64 elsewhere.
func setTo[T int64 | uint64](field *T, v uint64) {
	*field = T(min(v, math.MaxInt64))
}
