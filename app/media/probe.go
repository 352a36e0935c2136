package media

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"
)

// Info describes an audio recording.
type Info struct {
	Format        string        // "wav" or "mp3"
	Duration      time.Duration // playing time
	SampleRate    int           // samples per second per channel
	Channels      int
	BitsPerSample int // WAV only; 0 for MP3
	Bitrate       int // bits per second: the average for a VBR MP3; for WAV the declared byte rate × 8

	// WAV only: where the sample data lies in the file.
	DataOffset, DataSize int64
	// Truncated reports that the file ends before the audio its header declares (a WAV data
	// chunk longer than the file); Duration then counts only the audio present.
	Truncated bool
	// Exact reports that Duration comes from a frame count (WAV, an MP3 with a Xing/Info or
	// VBRI header, or an MP3 whose frames were all walked), not from a bitrate estimate.
	Exact bool
}

// ErrUnknownFormat is returned by Probe for input that is neither WAV nor MP3.
var ErrUnknownFormat = errors.New("media: not a WAV or MP3 file")

// Probe detects whether r holds a WAV or an MP3 recording and returns what it can tell
// about it, reading only headers (and, for small CBR MP3s, frame headers).
func Probe(r io.ReaderAt, size int64) (Info, error) {
	var head [12]byte
	n, err := r.ReadAt(head[:], 0)
	if n < len(head) && err != nil && err != io.EOF {
		return Info{}, fmt.Errorf("media: read: %w", err)
	}
	h := head[:n]
	if n >= 12 && (bytes.HasPrefix(h, []byte("RIFF")) || bytes.HasPrefix(h, []byte("RF64")) ||
		bytes.HasPrefix(h, []byte("BW64"))) && string(h[8:12]) == "WAVE" {
		return ProbeWAV(r, size)
	}
	if bytes.HasPrefix(h, []byte("ID3")) || n >= 2 && h[0] == 0xff && h[1]&0xe0 == 0xe0 {
		return ProbeMP3(r, size)
	}
	return Info{}, ErrUnknownFormat
}

// durationOf returns frames/rate as a Duration without overflowing for long recordings.
func durationOf(frames, rate int64) time.Duration {
	if rate <= 0 || frames <= 0 {
		return 0
	}
	sec := frames / rate
	rem := frames % rate
	if sec > int64(1<<63-1)/int64(time.Second)-1 {
		return time.Duration(1<<63 - 1)
	}
	return time.Duration(sec)*time.Second + time.Duration(rem*int64(time.Second)/rate)
}
