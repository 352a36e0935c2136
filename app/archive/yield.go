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
	pause() // the page gets its turn
	// A sleep returns to the page only once nothing else can run, and while
	// a garbage collection marks, the runtime first finishes the marking
	// (its idle worker runs to the end before Go's wasm gives the thread
	// back): such a sleep took the whole mark, 50-100 ms at a 100 MiB heap,
	// and the page has not had its turn. Sleep again at once, so that the
	// page answers after the mark, not after the mark and yieldAfter more.
	if time.Now().UnixNano()-now > int64(markedAfter) {
		pause()
	}
	lastPause.Store(time.Now().UnixNano())
}

// markedAfter is how long a 1 ms sleep may take before Yield takes it for
// a garbage collection's mark (a browser timer fires within 1-4 ms, later
// when the page is busy).
const markedAfter = 15 * time.Millisecond

// yieldAfter is the longest stretch of work between two turns of the page:
// well under the 100 ms within which a page must answer, and long enough
// that the pauses (a timer of 1-4 ms in the browser) cost little. It is
// 15 ms, not 30, because the stretch before a sleep that a garbage
// collection's mark takes adds to the mark: high-ratio.zip's longest gap
// went from 142-237 ms to 120-135 ms, with no slower open (1.2 s).
const yieldAfter = 15 * time.Millisecond

var lastPause atomic.Int64

// pause hands the thread to the page; SetPause replaces it.
var pause = func() { time.Sleep(time.Millisecond) }

// SetPause makes Yield give the page its turn with p instead of a
// millisecond's sleep (a setTimeout, clamped to 4 ms by browsers: the
// viewer sets browser.Pause). Called once, before anything is opened.
func SetPause(p func()) { pause = p }
