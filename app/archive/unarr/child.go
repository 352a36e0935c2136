//go:build !wasm

package unarr

import (
	"flag"
	"fmt"
	"os"
	"time"
)

// childArgs are what the parent passes on the child's command line.
type childArgs struct {
	archive, out string
	lim          limits
	memory       uint64
	cpuSeconds   uint64
}

// ChildMain is the child process: it limits itself, extracts the archive
// named on its command line and exits 0, or writes one error line to stderr
// and exits 1. Call it only when IsChild reports true.
func ChildMain() {
	if err := childMain(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "%s%v\n", childErrPrefix, err)
		os.Exit(1)
	}
	os.Exit(0)
}

func childMain(argv []string) error {
	var a childArgs
	fl := flag.NewFlagSet("unarr-child", flag.ContinueOnError)
	fl.SetOutput(os.Stderr)
	fl.StringVar(&a.archive, "archive", "", "archive to read")
	fl.StringVar(&a.out, "out", "", "empty directory to extract into")
	fl.IntVar(&a.lim.MaxEntries, "max-entries", 0, "")
	fl.Int64Var(&a.lim.MaxEntrySize, "max-entry-size", 0, "")
	fl.Int64Var(&a.lim.MaxTotalBytes, "max-total", 0, "")
	fl.Int64Var(&a.lim.MaxDisk, "max-disk", 0, "bytes of temporary disk the members may take")
	fl.Uint64Var(&a.memory, "memory", DefaultMemoryLimit, "address-space limit in bytes")
	fl.Uint64Var(&a.cpuSeconds, "cpu-seconds", uint64((DefaultTimeout+5*time.Second)/time.Second), "CPU time limit")
	if err := fl.Parse(argv); err != nil {
		return err
	}
	if a.archive == "" || a.out == "" || a.lim.MaxEntries <= 0 || a.lim.MaxEntrySize <= 0 || a.lim.MaxTotalBytes <= 0 || a.lim.MaxDisk <= 0 {
		return fmt.Errorf("usage: -archive FILE -out DIR -max-entries N -max-entry-size N -max-total N -max-disk N")
	}
	// Limit first: everything after this may meet hostile bytes. No one
	// file may be larger than the whole disk budget (the manifest too).
	if err := setLimits(a.memory, a.cpuSeconds, uint64(a.lim.MaxDisk)+1<<20); err != nil {
		return fmt.Errorf("cannot set resource limits: %w", err)
	}
	return extract(a)
}
