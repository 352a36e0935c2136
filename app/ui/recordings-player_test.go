package ui

import (
	"testing"

	"exportlens/app/view"
)

// The player is drawn with a new item before it asks for that item's
// audio: the slot must not hand out the previous item's URL meanwhile, nor
// keep a URL that arrives for an item no longer wanted.
func TestAudioSlot(t *testing.T) {
	ix, other := &view.Recordings{}, &view.Recordings{}
	s := &audioSlot{item: -1}
	if !s.want(ix, 0) {
		t.Fatal("want(ix, 0) on an empty slot: got false, want true")
	}
	if s.want(ix, 0) {
		t.Error("want(ix, 0) again: got true, want false (already wanted)")
	}
	if !s.set(ix, 0, "blob:0", nil) {
		t.Fatal("set(ix, 0) while wanted: got false, want true")
	}
	for _, c := range []struct {
		ix   *view.Recordings
		item int
		want string
	}{
		{ix, 0, "blob:0"},
		{ix, 1, ""},    // drawn with item 1 before want(ix, 1)
		{other, 0, ""}, // another export opened since
	} {
		if got, _ := s.get(c.ix, c.item); got != c.want {
			t.Errorf("get(item %d): got %q, want %q", c.item, got, c.want)
		}
	}
	s.want(ix, 1)
	if s.set(ix, 0, "blob:late", nil) {
		t.Error("set(ix, 0) after want(ix, 1): got true, want false (revoked)")
	}
	if got, _ := s.get(ix, 1); got != "" {
		t.Errorf("get(ix, 1) before its audio loaded: got %q, want \"\"", got)
	}
	s.want(nil, -1) // the player is gone
	if s.set(ix, 1, "blob:1", nil) {
		t.Error("set after want(nil, -1): got true, want false")
	}
	var nilSlot *audioSlot
	if got, err := nilSlot.get(ix, 0); got != "" || err != nil {
		t.Errorf("nil slot: got %q, %v, want \"\", nil", got, err)
	}
}

// The player's reason comes from the MediaError as browsers fill it in:
// Firefox without an audio device calls a missing output a decoding error
// (code 3), which must not be told as a damaged file.
func TestMediaErrorText(t *testing.T) {
	for _, c := range []struct {
		code    int
		message string
		want    textKey
	}{
		{3, "OnMediaSinkAudioError", tPlayerNoOutput},                                      // Firefox 153, headless, no sound device
		{3, "AUDIO_RENDERER_ERROR: audio renderer initialization failed", tPlayerNoOutput}, // Chromium
		{3, "PIPELINE_ERROR_DECODE: Failed to send audio packet for decoding", tPlayerUndecodable},
		{3, "", tPlayerUndecodable},
		{2, "", tPlayerUnread},
		{4, "MEDIA_ELEMENT_ERROR: Format error", tPlayerUnsupported},
		{0, "", tPlayerUnsupported},
	} {
		if got := mediaErrorText(c.code, c.message); got != c.want {
			t.Errorf("MediaError %d %q: %v, want %v", c.code, c.message, got, c.want)
		}
	}
}
