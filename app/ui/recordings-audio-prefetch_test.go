package ui

import (
	"testing"

	"exportlens/app/export"
	"exportlens/app/view"
)

// TestAudioPrefetch: the URL made when a row is pressed goes to the player
// that asks for that item, once; pressing another row replaces it.
func TestAudioPrefetch(t *testing.T) {
	x := &export.Export{Audio: []export.AudioFile{{Path: "0.wav"}, {Path: "1.wav"}, {Path: "2.wav"}}}
	items := []view.Item{{Rec: -1, Audio: 0}, {Rec: -1, Audio: 1}, {Rec: -1, Audio: 2}}
	ix := &view.Recordings{Export: x, Items: items}
	other := &view.Recordings{Export: x, Items: items}
	prefetchAudio(ix, 1, nil)
	if f := takeAudio(ix, 2); f != nil {
		t.Fatal("another item took the fetch of item 1")
	}
	if f := takeAudio(other, 1); f != nil {
		t.Fatal("another export's index took the fetch of item 1")
	}
	f := takeAudio(ix, 1)
	if f == nil || f.item != 1 {
		t.Fatalf("item 1's fetch: got %+v", f)
	}
	<-f.done
	if f.err != view.ErrAudioMissing { // the index has no tree: no file to play
		t.Errorf("item 1's fetch: got error %v, want %v", f.err, view.ErrAudioMissing)
	}
	if takeAudio(ix, 1) != nil {
		t.Fatal("a fetch was taken twice")
	}

	prefetchAudio(ix, 0, nil)
	prefetchAudio(ix, 2, nil) // pressed another row before choosing
	if takeAudio(ix, 0) != nil {
		t.Fatal("a replaced fetch was still given out")
	}
	if f := takeAudio(ix, 2); f == nil {
		t.Fatal("the last pressed row's fetch is gone")
	}
	prefetchAudio(nil, 0, nil)
	prefetchAudio(ix, 7, nil) // out of range: nothing started
	if takeAudio(ix, 7) != nil || prefetched.f != nil {
		t.Fatal("a fetch was started for no item")
	}
}
