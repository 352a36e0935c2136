package view

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"exportlens/app/archive"
	"exportlens/app/media"
)

// ErrAudioMissing: a recording names an audio file the export does not hold.
var ErrAudioMissing = errors.New("the audio file is not in the export")

// maxDecodedAudio bounds a compressed audio entry decompressed into memory
// for playback (wasm memory never shrinks, so this is paid once for good);
// stored entries play in place whatever their size. 32 MiB is over 15
// minutes of the 16 kHz WAVs voice assistants keep.
const maxDecodedAudio = 32 << 20

// maxCopiedAudio: a stored recording up to this size (an Alexa WAV is a few
// hundred kB) is read into memory and played from there, not from a slice
// of the chosen file: the media player starts sooner from memory
// (BenchmarkBrowserOpenBig, stored 10k, click to sound: 54-62 -> 50 ms).
// Bigger ones play in place, copying nothing.
const maxCopiedAudio = 1 << 20

// maxHeaderProbe is how much of a compressed audio member is read to know
// its length.
const maxHeaderProbe = 64 << 10

// Source is where a member's bytes are, for a page to make a URL of:
// either a stretch of one of the chosen files (Input >= 0), served in
// place, or the bytes (Data), read into memory.
type Source struct {
	Input        int   // index into the inputs the reader was given; -1 for Data
	Offset, Size int64 // the stretch of input Input
	Data         []byte
	// Type is what the bytes sniffed as, never the name says; Opaque for
	// bytes only to save.
	Type media.Type
}

// ReadAudio finds item k's audio: in place when it lies stored, big, in
// one of inputs (the files given to Steps.Read on their own, in that
// order: archive.Span.Input indexes them), else its bytes decompressed
// once. Nil without error when the item has no audio; ErrAudioMissing when
// the export does not hold the file it names.
func (ix *Recordings) ReadAudio(k int, inputs []io.ReaderAt) (*Source, error) {
	part, p := ix.AudioOf(k)
	if p == "" {
		return nil, nil
	}
	e := ix.entry(part, p)
	if e == nil {
		return nil, ErrAudioMissing
	}
	if sp, ok := e.Locate(); ok && sp.Input >= 0 && sp.Input < len(inputs) && e.Size > maxCopiedAudio {
		head := make([]byte, min(e.Size, media.SniffBytes))
		if _, err := inputs[sp.Input].ReadAt(head, sp.Offset); err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		return &Source{Input: sp.Input, Offset: sp.Offset, Size: e.Size, Type: audioType(head)}, nil
	}
	// The size comes from the archive's header: bound it before allocating.
	if e.Size > maxDecodedAudio {
		return nil, fmt.Errorf("%s: %w", e.Name(), archive.ErrTooLarge)
	}
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data := make([]byte, e.Size)
	if _, err := io.ReadFull(rc, data); err != nil {
		return nil, err
	}
	return &Source{Input: -1, Size: e.Size, Data: data, Type: audioType(data)}, nil
}

// audioType is what an audio's URL is typed, from its first bytes, never
// its name: audio or video as sniffed, else bytes to save (the player still
// tries them; a tab that opens the URL only saves them).
func audioType(head []byte) media.Type {
	if t := media.Sniff(head); t.Audio() || t.Video() {
		return t
	}
	return media.Opaque
}

// AudioFile is the part and path of item k's audio file as the export
// holds it (the part filled in when the record names none); "" when it
// has none, or the export does not hold it (then as the record names it).
func (ix *Recordings) AudioFile(k int) (part, path string) {
	part, path = ix.AudioOf(k)
	if path == "" {
		return "", ""
	}
	if e := ix.entry(part, path); e != nil {
		return e.Part, e.Path
	}
	return part, path
}

// Length is the playing time item k's audio header declares; 0 when it
// has none or cannot be read. Only the header is read: a stored member in
// place, a compressed one's first maxHeaderProbe bytes.
func (ix *Recordings) Length(k int) time.Duration {
	part, p := ix.AudioOf(k)
	if p == "" {
		return 0
	}
	e := ix.entry(part, p)
	if e == nil {
		return 0
	}
	ra, ok := e.Section()
	if !ok {
		rc, err := e.Open()
		if err != nil {
			return 0
		}
		defer rc.Close()
		head, err := io.ReadAll(io.LimitReader(rc, maxHeaderProbe))
		if err != nil {
			return 0
		}
		// The header declares the data's size: the bytes after the head
		// are not needed to know it.
		ra = bytes.NewReader(head)
	}
	info, err := media.Probe(ra, e.Size)
	if err != nil {
		return 0
	}
	return info.Duration
}
