//go:build !wasm

package main

import (
	"context"
	"io"
	"runtime"
	"testing"
	"time"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/app/export"
)

// BenchmarkCheckBig is the whole command without printing, per generated
// export (benchShapes): open it, hash, parse and check it. It reports the
// wall time (ms), the peak Go heap (peak-MB), the floor of the same files
// (ms-floor, zipDirectoryEntries) and the time as a multiple of it
// (x-floor); then it runs the built command once as a child process for
// its wall time and peak RSS, which the Go heap does not show (ms-cmd,
// MB-rss, x-floor-cmd). -benchmem adds the allocations.
func BenchmarkCheckBig(b *testing.B) {
	eachShape(b, func(b *testing.B, s benchShape) {
		floor, entries := nativeFloor(b, s.Files)
		b.Logf("floor: %d entries in %.1f ms", entries, floor)
		b.ReportAllocs()
		var peak uint64
		var wall time.Duration
		n := 0
		for b.Loop() {
			runtime.GC()
			stop := watchHeap(&peak)
			start := time.Now()
			code := runCheck(append([]string{"--json"}, s.Files...), io.Discard, io.Discard)
			wall += time.Since(start)
			stop()
			n++
			if want := verdictCode(s.Verdict); code == 2 || want >= 0 && code != want {
				b.Fatalf("exit status %d, want %d (planted.json: %s)", code, want, s.Verdict)
			}
		}
		ms := float64(wall.Microseconds()) / 1000 / float64(n)
		b.ReportMetric(ms, "ms")
		b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		b.ReportMetric(floor, "ms-floor")
		b.ReportMetric(ms/floor, "x-floor")
		if cmdMs, rss, ok := benchRSS(b, s.Files); ok {
			b.ReportMetric(cmdMs, "ms-cmd")
			b.ReportMetric(rss, "MB-rss")
			b.ReportMetric(cmdMs/floor, "x-floor-cmd")
		}
	})
}

// verdictCode is the exit status of the command for a verdict of
// planted.json ("" for an export without one: any verdict).
func verdictCode(verdict string) int {
	switch verdict {
	case check.VerdictMismatch:
		return 1
	case check.VerdictUnknown:
		return 3
	case check.VerdictConsistent:
		return 0
	}
	return -1
}

// BenchmarkStagesBig times the floor, open, load and check separately
// per generated export (no hashing).
func BenchmarkStagesBig(b *testing.B) {
	eachShape(b, func(b *testing.B, s benchShape) {
		inputs, closeInputs, err := openInputs(s.Files)
		if err != nil {
			b.Fatal(err)
		}
		defer closeInputs()
		ctx := context.Background()
		b.Run("floor", func(b *testing.B) {
			for b.Loop() {
				if _, err := zipDirectoryEntries(s.Files); err != nil {
					b.Fatal(err)
				}
			}
		})
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
	})
}
