package archive

import (
	"runtime"
	"sync/atomic"
	"time"
)

// Yield is called by every long loop over archive data (inflating,
// listing, parsing), every few hundred KB or records. It lets other
// goroutines run (runtime.Gosched), and, in the browser, at most every
// yieldAfter it also sleeps a moment: Go's wasm returns to the browser's
// event loop only when no goroutine can run, so a goroutine that only
// calls Gosched keeps the page from painting and from answering a click
// (Cancel included) until it is done. Natively the sleep is never taken.
func Yield() {
	runtime.Gosched()
	if runtime.GOOS != "js" {
		return
	}
	now := time.Now().UnixNano()
	if now-lastPause.Load() < int64(yieldAfter) {
		return
	}
	lastPause.Store(now)
	time.Sleep(time.Millisecond) // a setTimeout: the page gets its turn
}

// yieldAfter is the longest stretch of work between two turns of the page:
// well under the 100 ms within which a page must answer, and long enough
// that the pauses (a timer of 1-4 ms in the browser) cost a few per cent.
const yieldAfter = 30 * time.Millisecond

var lastPause atomic.Int64
