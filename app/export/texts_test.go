package export

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unsafe"
)

// A kept text never points into the row it came from, equal short texts
// are one copy, and the table of shared texts stops growing at maxShared
// while every text is still copied and counted.
func TestKeptTexts(t *testing.T) {
	row := "A1B2C3D4E5F6G7,G070RQ0000000001,Küche"
	inRow := func(s string) bool {
		p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(row)))
		return p >= start && p < start+uintptr(len(row))
	}
	var kt keptTexts
	a := kt.share(row[:14])
	b := kt.share(strings.Clone(row[:14]))
	if a != "A1B2C3D4E5F6G7" || inRow(a) {
		t.Errorf("share: got %q (in the row: %v), want a copy of the cell", a, inRow(a))
	}
	if unsafe.StringData(a) != unsafe.StringData(b) {
		t.Error("share: the same text twice gave two copies")
	}
	if o := kt.own(row[15:31]); o != "G070RQ0000000001" || inRow(o) {
		t.Errorf("own: got %q (in the row: %v), want a copy", o, inRow(o))
	}
	if want := int64(14 + sharedCost + 16); kt.bytes != want {
		t.Errorf("bytes: got %d, want %d", kt.bytes, want)
	}
	if kt.share("") != "" || kt.own("") != "" || kt.bytes != int64(14+sharedCost+16) {
		t.Error("an empty text cost memory")
	}

	long := strings.Repeat("x", maxSharedLen+1)
	if c := kt.share(long); c != long || len(kt.shared) != 1 {
		t.Errorf("a text over %d bytes went into the table (%d entries)", maxSharedLen, len(kt.shared))
	}

	var many keptTexts
	want := int64(0)
	for i := range maxShared + 1000 {
		s := fmt.Sprintf("value-%06d", i)
		if got := many.share(s); got != s {
			t.Fatalf("share(%q) = %q", s, got)
		}
		want += int64(len(s))
		if i < maxShared {
			want += sharedCost
		}
	}
	if len(many.shared) != maxShared || many.bytes != want {
		t.Errorf("%d distinct texts: table of %d entries, %d bytes counted; want %d entries, %d bytes", maxShared+1000, len(many.shared), many.bytes, maxShared, want)
	}
}

// A voice-history row's audio reference that is the tail of the member it
// names shares the listing's path (no copy); one written otherwise keeps
// its own copy. Either way it reads as written.
func TestAudioReferenceText(t *testing.T) {
	ex := mustLoad(t, []file{
		memFile("Alexa.zip", histPath,
			"Timestamp,CustomerId,UtteranceId,AudioFile\n"+
				"2023-09-16T13:43:12Z,A1B2C3D4E5F6G7,U1,media/aaa.wav\n"+
				"2023-09-16T13:44:12Z,A1B2C3D4E5F6G7,U2,media\\bbb.wav\n"+
				"2023-09-16T13:45:12Z,A1B2C3D4E5F6G7,U3,./media/aaa.wav\n"+
				"2023-09-16T13:46:12Z,A1B2C3D4E5F6G7,U4,media/gone.wav\n"),
		audioFile("Alexa.zip", "Alexa.VoiceHistory/media/aaa.wav", 100),
		audioFile("Alexa.zip", "Alexa.VoiceHistory/media/bbb.wav", 100),
	}, nil)
	within := func(s, in string) bool {
		p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(in)))
		return len(in) > 0 && p >= start && p < start+uintptr(len(in))
	}
	for _, tt := range []struct {
		id, text, path string
		shared         bool
	}{
		{"U1", "media/aaa.wav", "Alexa.VoiceHistory/media/aaa.wav", true},
		{"U2", `media\bbb.wav`, "Alexa.VoiceHistory/media/bbb.wav", false},
		{"U3", "./media/aaa.wav", "Alexa.VoiceHistory/media/aaa.wav", false}, // not the path's tail
		{"U4", "media/gone.wav", "", false},
	} {
		i := slices.IndexFunc(ex.Recordings, func(r Recording) bool { return r.ID == tt.id })
		if i < 0 {
			t.Fatalf("%s: no recording", tt.id)
		}
		r := &ex.Recordings[i]
		got := r.Value(FieldAudio).Text
		if got != tt.text || r.AudioPath() != tt.path {
			t.Errorf("%s: audio %q at %q, want %q at %q", tt.id, got, r.AudioPath(), tt.text, tt.path)
		}
		if shared := within(got, r.AudioPath()); shared != tt.shared {
			t.Errorf("%s: the reference shares the member's path: %v, want %v", tt.id, shared, tt.shared)
		}
	}
}

// trimCell trims what strings.TrimFunc with unicode.IsSpace and NUL
// trims, fast path or not.
func TestTrimCell(t *testing.T) {
	ends := []string{"", " ", "\t", "\x00", "\u00a0", "\u0085", "\u3000", "a", "ä", "\xff", "\r\n", "~"}
	for _, a := range ends {
		for _, mid := range []string{"", "x", "A1B2C3D4E5F6G7", " in between "} {
			for _, b := range ends {
				s := a + mid + b
				want := strings.TrimFunc(s, func(r rune) bool { return r == 0 || unicode.IsSpace(r) })
				if got := trimCell(s); got != want {
					t.Errorf("trimCell(%q) = %q, want %q", s, got, want)
				}
			}
		}
	}
}
