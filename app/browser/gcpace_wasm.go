//go:build wasm

package browser

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// PaceGC turns Go's collector off and lets Pause collect instead, in a turn
// of the page of its own, until the function it returns is called (calls
// nest; the last restores the collector).
//
// Go's wasm marks a whole collection in one stretch: its idle mark worker
// runs to the end once every goroutine waits, before the page gets the
// thread. A collection the runtime starts on its own is therefore marked in
// the task of the next Pause, after up to archive.Yield's stretch of work:
// at 100,000 recordings a task of mark (40-47 ms) plus work, over 50 ms.
// Paced here, the work's task ends first (the page's turn), the collection
// is the whole next task, and the work goes on in a third.
//
// A collection is due when the heap's objects have grown pacePercent past
// what the last one left live, and are at least minGoal. The runtime's own
// pace (GOGC 100) let the 100,000-recording export's wasm memory reach 129
// MB; at 70 % it peaked at 112-118 MB. A memory limit (PaceBackstop) stays
// as a backstop for work that allocates without pausing.
func PaceGC() (restore func()) {
	pacer.mu.Lock()
	defer pacer.mu.Unlock()
	if pacer.on == 0 {
		pacer.percent = debug.SetGCPercent(-1)
		pacer.limit = debug.SetMemoryLimit(PaceBackstop)
		pacer.setGoal()
	}
	pacer.on++
	var once sync.Once
	return func() {
		once.Do(func() {
			pacer.mu.Lock()
			defer pacer.mu.Unlock()
			if pacer.on--; pacer.on == 0 {
				debug.SetGCPercent(pacer.percent)
				debug.SetMemoryLimit(pacer.limit)
			}
		})
	}
}

const (
	// pacePercent is the heap's growth between paced collections, in
	// percent of what the last left live.
	pacePercent = 70
	// minGoal is the smallest heap a paced collection waits for, the
	// runtime's own minimum (4 MiB at GOGC 100).
	minGoal = 4 << 20
)

// gcPacer is PaceGC's state.
type gcPacer struct {
	mu      sync.Mutex
	on      int    // PaceGC calls not yet restored
	percent int    // GOGC before
	limit   int64  // memory limit before
	goal    uint64 // bytes of heap objects at which Pause collects
	sample  [1]metrics.Sample
}

var pacer gcPacer

// read returns the runtime metric name.
func (p *gcPacer) read(name string) uint64 {
	p.sample[0].Name = name
	metrics.Read(p.sample[:])
	if p.sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return p.sample[0].Value.Uint64()
}

// setGoal sets the goal from what the last collection left live.
func (p *gcPacer) setGoal() {
	live := p.read("/gc/heap/live:bytes")
	p.goal = max(live+live*pacePercent/100, minGoal)
}

// collect runs a collection when one is due and reports whether it did.
func (p *gcPacer) collect() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on == 0 || p.read("/memory/classes/heap/objects:bytes") < p.goal {
		return false
	}
	runtime.GC()
	p.setGoal()
	return true
}
