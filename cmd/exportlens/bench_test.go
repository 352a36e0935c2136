//go:build !wasm

package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/app/export"
)

// bigInputs returns the inputs of the generated big export (make bench sets
// EXPORTLENS_BIG); benchmarks skip without it so `go test -bench` elsewhere works.
func bigInputs(b *testing.B) []string {
	dir := os.Getenv("EXPORTLENS_BIG")
	if dir == "" {
		b.Skip("EXPORTLENS_BIG not set: run make bench")
	}
	ins, err := filepath.Glob(filepath.Join(dir, "input", "*"))
	if err != nil || len(ins) == 0 {
		b.Fatalf("no inputs in %s/input: %v", dir, err)
	}
	return ins
}

// BenchmarkCheckBig is the whole command without printing: open the 1 GB
// export, parse it, check it. It reports the peak heap as peak-MB.
func BenchmarkCheckBig(b *testing.B) {
	paths := bigInputs(b)
	var peak uint64
	for b.Loop() {
		runtime.GC()
		stop := watchHeap(&peak)
		code := runCheck(append([]string{"--json"}, paths...), io.Discard, io.Discard)
		stop()
		if code == 2 {
			b.Fatal("exit status 2")
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// BenchmarkStagesBig times open, load and check separately (no hashing).
func BenchmarkStagesBig(b *testing.B) {
	paths := bigInputs(b)
	inputs, closeInputs, err := openInputs(paths)
	if err != nil {
		b.Fatal(err)
	}
	defer closeInputs()
	ctx := context.Background()
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			t, err := archive.Open(ctx, inputs, archive.Options{})
			if err != nil {
				b.Fatal(err)
			}
			t.Close()
		}
	})
	t, err := archive.Open(ctx, inputs, archive.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer t.Close()
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, err := export.Load(ctx, t, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	x, err := export.Load(ctx, t, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			check.Run(x, check.Declared{})
		}
	})
}
