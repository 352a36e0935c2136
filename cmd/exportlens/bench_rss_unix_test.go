//go:build unix && !wasm

package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runForRSS runs bin with args and returns its wall time in ms and its
// peak resident set in MiB, as the kernel counted it (Maxrss, KiB on
// Linux). Exit statuses 0, 1 and 3 are verdicts; any other fails b.
//
// Linux starts a child's Maxrss at the parent's peak: Go starts it with
// vfork, and exec records the peak of the memory it leaves, which is this
// process's. So this process first gives its free memory back and resets
// its own peak to what it holds now (clear_refs 5); what it then holds is
// the least the child's figure can be, logged with it.
func runForRSS(b *testing.B, bin string, args []string) (ms, rssMiB float64, ok bool) {
	b.Helper()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Logf("the test's own peak RSS could not be reset (%v): the command's MB-rss is at least the test's", err)
	}
	b.Logf("the test process holds %s now: the least MB-rss can show", selfRSS())
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() != 2) {
		b.Fatalf("%s %v: %v", bin, args[:2], err)
	}
	ru, isRusage := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !isRusage {
		return 0, 0, false
	}
	return float64(took.Microseconds()) / 1000, float64(ru.Maxrss) / 1024, true
}

// selfRSS is the VmRSS line of /proc/self/status ("?" where there is none).
func selfRSS() string {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for l := range strings.Lines(string(raw)) {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}
