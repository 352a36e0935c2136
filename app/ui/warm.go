package ui

import (
	"context"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/view"
)

// warmRows is the size of the export view.Warm runs the pipeline on once
// the app has started: enough rows for V8 to optimise the loops of
// listing, parsing and checking, and over in a few hundred milliseconds of
// the page's idle time.
const warmRows = 2000

// warming is the one warm-up of the app run: started when the app is
// mounted, stopped by the first open (the person's export must not wait
// behind it).
var warming struct {
	once    sync.Once
	mu      sync.Mutex
	cancel  context.CancelFunc
	stopped bool          // an opening began: nothing more is drawn for the warm-up
	stage   browser.Stage // the warm-up's, ended when its overview was drawn
	ended   bool
}

// warmShown is the warm-up's session and index while the home page draws
// their overview out of sight (warmSlot); the zero value is none.
type warmShown struct {
	S     session
	Index *view.Recordings
}

// stateWarm is the state key of the warmShown being drawn.
const stateWarm = "warm"

// startWarm starts the warm-up in the background, once. When it is done
// and nothing was opened meanwhile, the home page draws its overview once,
// hidden, and drops it (warmSlot).
func startWarm(ctx app.Context) {
	warming.once.Do(func() {
		run, cancel := context.WithCancel(context.Background())
		warming.mu.Lock()
		warming.cancel = cancel
		warming.mu.Unlock()
		go func() {
			defer cancel()
			yieldNow() // the first page is drawn first
			// Paced as an opening is; this also makes the runtime's
			// metrics table (3-4 ms, once) before the person's opening.
			defer browser.PaceGC()()
			stage := browser.StartStage()
			s, ix, err := view.Warm(run, warmRows)
			if err != nil {
				return
			}
			ctx.Dispatch(func(ctx app.Context) {
				warming.mu.Lock()
				stopped := warming.stopped
				warming.stage = stage
				warming.mu.Unlock()
				if !stopped {
					ctx.SetState(stateWarm, warmShown{S: session{Session: s}, Index: ix})
				}
			})
		}()
	})
}

// warmDrawn drops the warm-up's overview, drawn whole, and ends the
// warm-up's stage measure ("exportlens:warm": the benchmarks wait for it).
func warmDrawn(ctx app.Context) {
	ctx.SetState(stateWarm, warmShown{})
	warming.mu.Lock()
	defer warming.mu.Unlock()
	if !warming.ended {
		warming.ended = true
		warming.stage.EndAtPaint("exportlens:warm") // once the slot is empty again
	}
}

// stopWarm stops the warm-up if it still runs.
func stopWarm() {
	warming.mu.Lock()
	defer warming.mu.Unlock()
	warming.stopped = true
	if warming.cancel != nil {
		warming.cancel()
	}
}
