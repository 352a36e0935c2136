package ui

import (
	"context"
	"sync"

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
	once   sync.Once
	mu     sync.Mutex
	cancel context.CancelFunc
}

// startWarm starts the warm-up in the background, once.
func startWarm() {
	warming.once.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		warming.mu.Lock()
		warming.cancel = cancel
		warming.mu.Unlock()
		go func() {
			defer cancel()
			yieldNow() // the first page is drawn first
			stage := browser.StartStage()
			if err := view.Warm(ctx, warmRows); err == nil {
				stage.End("exportlens:warm")
			}
		}()
	})
}

// stopWarm stops the warm-up if it still runs.
func stopWarm() {
	warming.mu.Lock()
	defer warming.mu.Unlock()
	if warming.cancel != nil {
		warming.cancel()
	}
}
