//go:build wasm

package browser

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// sink keeps the garbage the tests make reachable until they drop it.
var sink [][]byte

// garbage allocates n bytes in 64 KiB pieces and drops them.
func garbage(n int) {
	for range n >> 16 {
		sink = append(sink, make([]byte, 64<<10))
	}
	sink = nil
}

func numGC() uint32 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.NumGC
}

// gcPercent reads GOGC (setting it back).
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestPaceGC: while paced, allocation never starts a collection (under
// the backstop); Pause collects once the heap has grown past the goal, and
// only then; nested calls restore the collector with the last.
func TestPaceGC(t *testing.T) {
	runtime.GC()
	before := gcPercent()
	outer := PaceGC()
	inner := PaceGC()
	if p := gcPercent(); p != -1 {
		t.Fatalf("GOGC while paced: %d, want -1 (off)", p)
	}
	n := numGC()
	garbage(64 << 20) // 16 times the goal of a small heap
	if got := numGC(); got != n {
		t.Fatalf("%d collections while paced, before any Pause", got-n)
	}
	Pause()
	if got := numGC(); got != n+1 {
		t.Fatalf("Pause past the goal ran %d collections, want 1", got-n)
	}
	Pause() // nothing allocated since: under the goal
	if got := numGC(); got != n+1 {
		t.Fatalf("Pause under the goal ran a collection (%d in all)", got-n)
	}
	inner()
	inner() // a second call does nothing
	if p := gcPercent(); p != -1 {
		t.Fatalf("GOGC after the inner restore: %d, want -1 (the outer still paces)", p)
	}
	outer()
	if p := gcPercent(); p != before {
		t.Fatalf("GOGC after the last restore: %d, want %d", p, before)
	}
	n = numGC()
	garbage(64 << 20)
	if got := numGC(); got == n {
		t.Fatal("no collection after the restore: the collector is still off")
	}
	Pause()
}
