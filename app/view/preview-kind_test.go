package view

import (
	"testing"

	"exportlens/app/media"
)

// Regression for issue 6: an SVG previewed as an image got a blob typed
// image/svg+xml, which ran its script in the app's origin once opened in
// a tab of its own. What a member is shown as comes from its bytes; only
// raster images and audio get an object URL, and never from the name.
func TestPreviewKindFromBytes(t *testing.T) {
	svg := `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`
	tests := []struct {
		name string // the member's name: it must not matter
		head string
		want Kind
		typ  media.Type
	}{
		{"IMG_0001.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", KindImage, media.PNG},
		{"IMG_0002.png", svg, KindText, media.Type{}},
		{"IMG_0003.jpg", "<!doctype html><script>alert(1)</script>", KindText, media.Type{}},
		{"photo.gif", "\xff\xd8\xff\xe0\x00\x10JFIF", KindImage, media.JPEG},
		{"voice.mp3", "RIFF\x24\x00\x00\x00WAVEfmt ", KindAudio, media.WAV},
		{"voice.wav", "<html><body onload=alert(1)>", KindText, media.Type{}},
		{"clip.m4a", "\x00\x00\x00\x20ftypisom\x00\x00\x02\x00", KindAudio, media.MP4},
		{"data.bin", "%PDF-1.4\n", KindPDF, media.PDF},
		{"data.bin", "\x00\x01\x02\x03binary", KindOther, media.Type{}},
	}
	for _, tc := range tests {
		k, typ := PreviewKind([]byte(tc.head))
		if k != tc.want || typ != tc.typ {
			t.Errorf("%s %.20q: got %s typed %q, want %s typed %q", tc.name, tc.head, k, typ.MIME(), tc.want, tc.typ.MIME())
		}
		if typ.Known() && !typ.Media() && k != KindPDF {
			t.Errorf("%s: got type %q for an object URL, want media only", tc.name, typ.MIME())
		}
	}
}

// Document formats are text by name, whatever their bytes: an SVG is never
// an image.
func TestKindOfDocuments(t *testing.T) {
	for _, name := range []string{"a.svg", "b.SVG", "c.html", "d.htm", "e.xhtml", "f.xml", "g.xht"} {
		if got := KindOf(name); got != KindText {
			t.Errorf("%s: got Kind %s, want text", name, got)
		}
	}
}
