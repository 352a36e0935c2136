package check

import (
	"sync/atomic"

	"exportlens/app/archive"
)

// pace is called in every loop of the rules over recordings, audio files,
// transcripts or evidence. Every paceEvery calls it lets the browser have
// its thread (archive.Yield: at most every 30 ms of work, a 1 ms sleep in
// the browser; natively only a Gosched): check.Run reads nothing, so
// without it a big export's checks held the page 300 ms and more in one
// stretch. The counter is shared by concurrent Runs, which only makes the
// calls to Yield a little more frequent.
func pace() {
	if paceCalls.Add(1)%paceEvery == 0 {
		archive.Yield()
	}
}

// paceEvery is how many loop steps go between two looks at the clock: a
// step costs well under a microsecond to a few, so the clock is read every
// fraction of a millisecond while its cost (a call out of the wasm) stays
// negligible.
const paceEvery = 256

var paceCalls atomic.Uint32
