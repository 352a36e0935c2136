//go:build !wasm

package main

import (
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// watchHeap samples the live heap every millisecond and records the largest
// value in *peak until the returned stop is called. It samples once at the
// start and once at the end too, so a run shorter than a millisecond counts.
func watchHeap(peak *uint64) (stop func()) {
	var done atomic.Bool
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	take := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > *peak {
			*peak = v
		}
	}
	take()
	go func() {
		defer close(finished)
		for !done.Load() {
			take()
			time.Sleep(time.Millisecond)
		}
		take()
	}()
	return func() { done.Store(true); <-finished }
}
