package unarr

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"syscall"
)

// limitAddressSpace lets the child map at most memory bytes more than it has
// mapped already, so that an allocation of a size an archive declares fails
// instead of exhausting the machine. The Go runtime alone reserves about
// 1 GiB of address space (mostly unbacked), so a fixed RLIMIT_AS below that
// would fail every allocation.
func limitAddressSpace(memory uint64) error {
	now, err := vmSize()
	if err != nil {
		return err
	}
	return setrlimit(syscall.RLIMIT_AS, now+memory)
}

// vmSize reads this process's mapped address space from /proc.
func vmSize() (uint64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if rest, ok := bytes.CutPrefix(sc.Bytes(), []byte("VmSize:")); ok {
			kb, err := strconv.ParseUint(string(bytes.TrimSuffix(bytes.TrimSpace(rest), []byte(" kB"))), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("VmSize: %w", err)
			}
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("no VmSize in /proc/self/status")
}
