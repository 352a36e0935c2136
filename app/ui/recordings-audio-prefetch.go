package ui

import (
	"sync"

	"exportlens/app/browser"
	"exportlens/app/view"
)

// audioFetch is the object URL of one item's audio, made before the player
// asks for it: from the moment a row is pressed (pointer down) or chosen,
// while the page renders the choice. Made in time, the player shows the
// audio in the same render that shows the item.
type audioFetch struct {
	ix   *view.Recordings
	item int
	done chan struct{} // closed when url and err are set
	url  string
	err  error
}

// prefetched is the one fetch not yet taken by the player.
var prefetched struct {
	mu sync.Mutex
	f  *audioFetch
}

// prefetchAudio starts making item's audio URL unless that is under way.
// The caller never asks for an item that is hidden (view.Protection). A fetch
// it replaces, never taken, has its URL revoked.
func prefetchAudio(ix *view.Recordings, item int, files []*browser.File) {
	if ix == nil || item < 0 || item >= len(ix.Items) {
		return
	}
	prefetched.mu.Lock()
	defer prefetched.mu.Unlock()
	old := prefetched.f
	if old != nil && old.ix == ix && old.item == item {
		return
	}
	f := &audioFetch{ix: ix, item: item, done: make(chan struct{})}
	prefetched.f = f
	go func() {
		stage := browser.StartStage()
		f.url, f.err = audioURLGuarded(ix, item, files)
		stage.End("exportlens:audio-prefetch")
		close(f.done)
	}()
	if old != nil {
		go func() {
			<-old.done
			browser.Revoke(old.url)
		}()
	}
}

// takeAudio returns the fetch of (ix, item), if one was started, and
// forgets it: its URL is the caller's from then on.
func takeAudio(ix *view.Recordings, item int) *audioFetch {
	prefetched.mu.Lock()
	defer prefetched.mu.Unlock()
	f := prefetched.f
	if f == nil || f.ix != ix || f.item != item {
		return nil
	}
	prefetched.f = nil
	return f
}
