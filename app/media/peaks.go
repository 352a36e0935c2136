package media

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// MaxPeaks bounds the n accepted by Peaks: far more points than any screen is wide.
const MaxPeaks = 1 << 16

// Peaks summarises 16-bit PCM WAV audio for drawing a waveform: it splits the sample data
// into n equal spans and returns, per span, the largest absolute amplitude of any channel,
// scaled to 0…1. r reads the file from its start (as Probe saw it) and info is what Probe
// returned. Fewer than n values come back when the recording has fewer than n frames.
// Memory use is fixed: n values and one read buffer, whatever the recording's length.
func Peaks(r io.Reader, info Info, n int) ([]float32, error) {
	switch {
	case info.Format != "wav":
		return nil, fmt.Errorf("media: peaks: %q is not WAV", info.Format)
	case info.BitsPerSample != 16:
		return nil, fmt.Errorf("media: peaks: %d-bit audio, only 16-bit PCM is supported", info.BitsPerSample)
	case info.Channels <= 0 || info.Channels > maxWAVChannels:
		return nil, fmt.Errorf("media: peaks: %d channels", info.Channels)
	case n <= 0 || n > MaxPeaks:
		return nil, fmt.Errorf("media: peaks: %d points requested (1–%d)", n, MaxPeaks)
	case info.DataOffset < 0 || info.DataSize < 0:
		return nil, errors.New("media: peaks: no sample data")
	}
	if _, err := io.CopyN(io.Discard, r, info.DataOffset); err != nil {
		return nil, fmt.Errorf("media: peaks: skip to sample data: %w", err)
	}
	frameLen := int64(2 * info.Channels)
	frames := info.DataSize / frameLen
	if frames == 0 {
		return nil, nil
	}
	n = int(min(int64(n), frames))
	out := make([]float32, n)

	buf := make([]byte, 64<<10-(64<<10)%frameLen) // whole frames only
	data := io.LimitReader(r, frames*frameLen)
	var frame int64
	for {
		m, err := io.ReadFull(data, buf)
		for i := 0; i+int(frameLen) <= m; i += int(frameLen) {
			// Frame f belongs to span f*n/frames, so spans differ by at most one frame.
			span := int(frame * int64(n) / frames)
			for c := 0; c < info.Channels; c++ {
				s := int16(binary.LittleEndian.Uint16(buf[i+2*c:]))
				a := float32(math.Abs(float64(s)) / 32768)
				if a > out[span] {
					out[span] = a
				}
			}
			frame++
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("media: peaks: read samples: %w", err)
		}
	}
	if frame < frames {
		return out, fmt.Errorf("media: peaks: sample data ends after %d of %d frames: %w", frame, frames, io.ErrUnexpectedEOF)
	}
	return out, nil
}
