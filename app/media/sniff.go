package media

import (
	"bytes"
	"encoding/binary"
)

// Type is what a file's first bytes prove it to be: a raster image, audio,
// video or PDF, each with the one MIME type a browser is given for it, or
// nothing (the zero Type). It is a struct with unexported fields on purpose:
// a Type comes only from Sniff or from the variables below, never from a
// file name or a free string, so code that makes a browser object typed by
// a Type cannot make one that renders as a document with script
// (text/html, image/svg+xml, XML) however the export names its files.
type Type struct {
	mime  string
	class byte // 'i' raster image, 'a' audio, 'v' video, 'p' PDF, 'o' opaque bytes
}

// The types Sniff recognises, and Opaque for bytes to be saved, not shown.
var (
	PNG  = Type{"image/png", 'i'}
	JPEG = Type{"image/jpeg", 'i'}
	GIF  = Type{"image/gif", 'i'}
	WebP = Type{"image/webp", 'i'}
	BMP  = Type{"image/bmp", 'i'}
	ICO  = Type{"image/x-icon", 'i'}

	WAV  = Type{"audio/wav", 'a'}
	MP3  = Type{"audio/mpeg", 'a'}
	AAC  = Type{"audio/aac", 'a'} // ADTS frames
	OGG  = Type{"audio/ogg", 'a'}
	FLAC = Type{"audio/flac", 'a'}
	M4A  = Type{"audio/mp4", 'a'}
	MP4  = Type{"video/mp4", 'v'}

	PDF = Type{"application/pdf", 'p'}

	// Opaque is for offering bytes as a download: a browser that opens it
	// saves it and renders nothing.
	Opaque = Type{"application/octet-stream", 'o'}
)

// SniffBytes is how many first bytes Sniff needs to tell every type.
const SniffBytes = 1024

// MIME is the type's MIME type; "" for the zero Type.
func (t Type) MIME() string { return t.mime }

// Known reports whether t is a type, not the zero Type.
func (t Type) Known() bool { return t.class != 0 }

// Image reports whether t is a raster image (never SVG).
func (t Type) Image() bool { return t.class == 'i' }

// Audio reports whether t is audio.
func (t Type) Audio() bool { return t.class == 'a' }

// Video reports whether t is video.
func (t Type) Video() bool { return t.class == 'v' }

// IsPDF reports whether t is PDF.
func (t Type) IsPDF() bool { return t.class == 'p' }

// Media reports whether a browser shows t as a media document, which runs
// no script, also when opened in a tab of its own: raster images, audio,
// video. PDF is not media: the browser renders it with a viewer whose links
// navigate and whose scripts may run.
func (t Type) Media() bool { return t.class == 'i' || t.class == 'a' || t.class == 'v' }

// Sniff tells a file's type from its first bytes (SniffBytes are enough;
// fewer only when the file is shorter), by magic numbers alone. The name
// is never asked: an .svg, or a .png whose bytes are SVG or HTML, is no
// type at all. PDF is recognised with its header anywhere in the first
// 1024 bytes, as readers accept it.
func Sniff(b []byte) Type {
	has := func(off int, magic string) bool {
		return len(b) >= off+len(magic) && string(b[off:off+len(magic)]) == magic
	}
	switch {
	case has(0, "\x89PNG\r\n\x1a\n"):
		return PNG
	case has(0, "\xff\xd8\xff"):
		return JPEG
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return GIF
	case has(0, "RIFF") && has(8, "WEBP"):
		return WebP
	case has(0, "RIFF") && has(8, "WAVE"):
		return WAV
	case has(0, "BM") && len(b) >= 26 && bmpHeader(b):
		return BMP
	case has(0, "\x00\x00\x01\x00") && len(b) >= 6 && binary.LittleEndian.Uint16(b[4:]) > 0:
		return ICO
	case has(0, "OggS"):
		return OGG
	case has(0, "fLaC"):
		return FLAC
	case has(4, "ftyp"):
		return mp4Type(b)
	case has(0, "ID3"):
		return MP3
	}
	if len(b) >= 4 && b[0] == 0xff {
		if _, ok := parseMP3Header(b[:4]); ok {
			return MP3
		}
		if b[1]&0xf6 == 0xf0 && b[2]>>2&0xf < 13 { // ADTS: sync, layer 0, a sampling index in use
			return AAC
		}
	}
	if i := bytes.Index(b[:min(len(b), SniffBytes)], []byte("%PDF-")); i >= 0 {
		return PDF
	}
	return Type{}
}

// bmpHeader checks the fields after "BM" that a bitmap must have: the
// reserved words zero and a known info-header size, so that text starting
// with "BM" is not taken for one.
func bmpHeader(b []byte) bool {
	if binary.LittleEndian.Uint32(b[6:]) != 0 {
		return false
	}
	switch binary.LittleEndian.Uint32(b[14:]) {
	case 12, 40, 52, 56, 64, 108, 124:
		return true
	}
	return false
}

// mp4Type tells audio-only MP4 (M4A and its kin) from video by the major brand.
func mp4Type(b []byte) Type {
	if len(b) < 12 {
		return MP4
	}
	switch string(b[8:12]) {
	case "M4A ", "M4B ", "M4P ", "F4A ", "F4B ":
		return M4A
	}
	return MP4
}
