package media

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// encoded returns img written by one of the standard library's encoders.
func encoded(t *testing.T, enc func(*bytes.Buffer, image.Image) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := enc(&b, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func riff(form string) []byte {
	b := []byte("RIFF\x24\x00\x00\x00" + form)
	return append(b, make([]byte, 32)...)
}

func bmp(headerSize uint32) []byte {
	b := make([]byte, 54)
	copy(b, "BM")
	binary.LittleEndian.PutUint32(b[2:], 54)
	binary.LittleEndian.PutUint32(b[14:], headerSize)
	return b
}

func TestSniff(t *testing.T) {
	svg := `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`
	tests := []struct {
		name string
		data []byte
		want Type
	}{
		{"png", encoded(t, func(b *bytes.Buffer, m image.Image) error { return png.Encode(b, m) }), PNG},
		{"jpeg", encoded(t, func(b *bytes.Buffer, m image.Image) error { return jpeg.Encode(b, m, nil) }), JPEG},
		{"gif", encoded(t, func(b *bytes.Buffer, m image.Image) error { return gif.Encode(b, m, nil) }), GIF},
		{"gif87a", []byte("GIF87a\x04\x00\x04\x00"), GIF},
		{"webp", riff("WEBPVP8 "), WebP},
		{"wav", riff("WAVEfmt "), WAV},
		{"riff of another form", riff("AVI LIST"), Type{}},
		{"bmp", bmp(40), BMP},
		{"bmp v5", bmp(124), BMP},
		{"text starting with BM", []byte("BMW drove past at 7:15, then the window opened again and nobody"), Type{}},
		{"ico", []byte("\x00\x00\x01\x00\x01\x00\x10\x10\x00\x00"), ICO},
		{"ico of no images", []byte("\x00\x00\x01\x00\x00\x00"), Type{}},
		{"ogg", []byte("OggS\x00\x02\x00\x00"), OGG},
		{"flac", []byte("fLaC\x00\x00\x00\x22"), FLAC},
		{"m4a", []byte("\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00"), M4A},
		{"mp4", []byte("\x00\x00\x00\x20ftypisom\x00\x00\x02\x00"), MP4},
		{"mp3 with ID3", []byte("ID3\x04\x00\x00\x00\x00\x00\x00"), MP3},
		{"mp3 frame", []byte{0xff, 0xfb, 0x90, 0x64, 0x00}, MP3},
		{"mp3 frame of a bad bitrate", []byte{0xff, 0xfb, 0xf0, 0x64, 0x00}, Type{}},
		{"aac adts", []byte{0xff, 0xf1, 0x50, 0x80, 0x00}, AAC},
		{"pdf", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), PDF},
		{"pdf after junk", append(bytes.Repeat([]byte{' '}, 500), "%PDF-1.7\n"...), PDF},
		{"pdf header too late", append(bytes.Repeat([]byte{' '}, SniffBytes), "%PDF-1.7\n"...), Type{}},
		{"svg", []byte(svg), Type{}},
		{"svg with a BOM", []byte("\ufeff" + svg), Type{}},
		{"html", []byte("<!doctype html><html><script>alert(1)</script></html>"), Type{}},
		{"xhtml", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>`), Type{}},
		{"html that names a PNG", []byte("<html>\x89PNG\r\n\x1a\n</html>"), Type{}},
		{"text", []byte("just some notes\n"), Type{}},
		{"empty", nil, Type{}},
		{"one byte", []byte{0xff}, Type{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sniff(tc.data); got != tc.want {
				t.Errorf("got %q, want %q", got.MIME(), tc.want.MIME())
			}
		})
	}
}

// TestTypeMedia pins which types may be shown from an object URL: only
// media documents, which run no script, and never a type whose MIME type
// a browser renders as a document.
func TestTypeMedia(t *testing.T) {
	for _, ty := range []Type{PNG, JPEG, GIF, WebP, BMP, ICO, WAV, MP3, AAC, OGG, FLAC, M4A, MP4} {
		if !ty.Media() || !ty.Known() {
			t.Errorf("%s: got Media %v Known %v, want both", ty.MIME(), ty.Media(), ty.Known())
		}
		m := ty.MIME()
		if !strings.HasPrefix(m, "image/") && !strings.HasPrefix(m, "audio/") && !strings.HasPrefix(m, "video/") || strings.Contains(m, "svg") || strings.Contains(m, "xml") {
			t.Errorf("%s: not a raster image, audio or video type", m)
		}
	}
	for _, ty := range []Type{PDF, Opaque, {}} {
		if ty.Media() {
			t.Errorf("%q: got Media, want not: a browser renders it as a document or not at all", ty.MIME())
		}
	}
	if (Type{}).Known() || !PDF.IsPDF() || !PNG.Image() || PNG.Audio() || !WAV.Audio() || !MP4.Video() {
		t.Error("the class predicates disagree with the types")
	}
}

// FuzzSniff: Sniff never panics, and a file that starts like markup (an
// SVG, HTML or XML document, after white space) is never a media type.
func FuzzSniff(f *testing.F) {
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`))
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("RIFF\x24\x00\x00\x00WAVEfmt "))
	f.Add([]byte{0xff, 0xfb, 0x90, 0x64})
	f.Add([]byte("%PDF-1.4\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ty := Sniff(b)
		if trimmed := bytes.TrimLeft(b, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '<' && ty.Media() {
			t.Errorf("%.40q: got %q, want no media type for markup", b, ty.MIME())
		}
		if ty.Known() != (ty.MIME() != "") {
			t.Errorf("%.40q: got Known %v with MIME %q", b, ty.Known(), ty.MIME())
		}
	})
}

// The MP3s of testdata (real encoder output) are MP3 by their bytes.
func TestSniffTestdataMP3(t *testing.T) {
	for _, name := range []string{"cbr.mp3", "cbr_info.mp3", "vbr.mp3"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if got := Sniff(b[:min(len(b), SniffBytes)]); got != MP3 {
			t.Errorf("%s: got %q, want audio/mpeg", name, got.MIME())
		}
	}
}
