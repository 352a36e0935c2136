package view

import (
	"sync"
	"sync/atomic"
	"time"
)

// rowLengths are the playing times of the recordings list's rows, read from
// each audio file's header when its row is first drawn (Recordings.Length): how
// long a recording is helps to judge it, a hidden one too, and tells nothing
// of what was said. Only the rows in view are read, a few header bytes
// each, so a list of 100,000 costs what its visible rows cost.
//
// The person comes first: the reads wait until lengthsQuiet has passed
// since the list was drawn or a row was pressed (hold), so that they do
// not queue before the audio of a row clicked at once (BenchmarkBrowserOpenBig,
// click to the audio's source: stored 10k 30 -> 22 ms, deflated 39 -> 16 ms;
// to sound: 62 -> 59 and 57 -> 35 ms).
type rowLengths struct {
	mu      sync.Mutex
	known   map[int]time.Duration // item -> length; 0: it has none that can be read
	queued  map[int]bool          // asked for and not read yet
	reading bool                  // a reader goroutine runs
	quiet   atomic.Int64          // UnixNano before which nothing is read
}

// lengthsQuiet is how long the reads wait after a press.
const lengthsQuiet = 300 * time.Millisecond

// hold makes the reads wait lengthsQuiet from now.
func (l *rowLengths) hold() { l.quiet.Store(time.Now().Add(lengthsQuiet).UnixNano()) }

// waitQuiet sleeps until the last hold has passed.
func (l *rowLengths) waitQuiet() {
	for {
		d := time.Until(time.Unix(0, l.quiet.Load()))
		if d <= 0 {
			return
		}
		time.Sleep(d)
	}
}

// LengthOf returns item k's length and whether it was read.
func (ix *Recordings) LengthOf(k int) (time.Duration, bool) {
	l := &ix.lengths
	l.mu.Lock()
	defer l.mu.Unlock()
	d, ok := l.known[k]
	return d, ok
}

// WantLengths asks for the lengths of items not read yet. They are read in
// the background, one after another; done is called (from that goroutine)
// after each batch, so the page can draw what it has. It reports whether
// anything was asked for.
func (ix *Recordings) WantLengths(items []int, run func(func()), done func()) bool {
	l := &ix.lengths
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.known == nil {
		l.known, l.queued = map[int]time.Duration{}, map[int]bool{}
	}
	asked := false
	for _, k := range items {
		if _, ok := l.known[k]; !ok && !l.queued[k] {
			l.queued[k] = true
			asked = true
		}
	}
	if !asked || l.reading {
		return asked
	}
	if l.quiet.Load() == 0 {
		l.hold() // the list was just drawn: a click may follow at once
	}
	l.reading = true
	run(func() { ix.readLengths(done) })
	return true
}

// readLengths reads the queued lengths until none is left.
func (ix *Recordings) readLengths(done func()) {
	l := &ix.lengths
	for {
		l.mu.Lock()
		var batch []int
		for k := range l.queued {
			batch = append(batch, k)
		}
		if len(batch) == 0 {
			l.reading = false
			l.mu.Unlock()
			return
		}
		l.mu.Unlock()
		for _, k := range batch {
			l.waitQuiet()
			var d time.Duration
			// A file that makes the reader panic has no length; the
			// player says what went wrong when it is chosen.
			_ = Guard(nil, func() error { d = ix.Length(k); return nil })
			l.mu.Lock()
			l.known[k] = d
			delete(l.queued, k)
			l.mu.Unlock()
		}
		done()
	}
}

// HoldLengths makes the reads of lengths wait lengthsQuiet from now: a row
// was pressed, and its audio comes first.
func (ix *Recordings) HoldLengths() { ix.lengths.hold() }
