package browser

import (
	"testing"

	"exportlens/app/media"
)

// An object URL is typed as media or as bytes to save, nothing else: a PDF
// blob would open the browser's PDF viewer in our origin, and one of no
// known type could be anything.
func TestBlobType(t *testing.T) {
	tests := []struct {
		name string
		t    media.Type
		want string
	}{
		{"png", media.PNG, "image/png"},
		{"wav", media.WAV, "audio/wav"},
		{"mp4", media.MP4, "video/mp4"},
		{"pdf", media.PDF, "application/octet-stream"},
		{"opaque", media.Opaque, "application/octet-stream"},
		{"svg bytes (no type)", media.Sniff([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)), "application/octet-stream"},
		{"zero", media.Type{}, "application/octet-stream"},
	}
	for _, tc := range tests {
		if got := blobType(tc.t); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
