package media

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Limits for MP3 probing.
const (
	maxID3Tags     = 4        // ID3v2 tags stacked at the start
	mp3SyncWindow  = 64 << 10 // bytes searched for the first frame after the tags
	mp3WalkSize    = 16 << 20 // files up to this size have their frames counted exactly
	maxMP3Frames   = 400_000  // … but no more frames than this (over two hours)
	mp3MinFrameLen = 24       // the shortest Layer III frame (8 kbit/s at 24 kHz) is 24 bytes
)

// mp3Header is a decoded MPEG audio frame header (Layer III only).
type mp3Header struct {
	version    int // 1, 2, or 25 for MPEG-2.5
	bitrate    int // bits per second
	sampleRate int
	padding    bool
	mono       bool
	frameLen   int // bytes including the header
	samples    int // samples per channel in the frame
}

var (
	mp3Bitrates = [2][16]int{
		{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0}, // MPEG-1 Layer III
		{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0},     // MPEG-2/2.5 Layer III
	}
	mp3Rates = [3]int{44100, 48000, 32000} // MPEG-1; halved for 2, quartered for 2.5
)

// parseMP3Header decodes a 4-byte frame header; ok is false for anything that is not a
// valid MPEG-1/2/2.5 Layer III header with a known bitrate.
func parseMP3Header(b []byte) (h mp3Header, ok bool) {
	if len(b) < 4 || b[0] != 0xff || b[1]&0xe0 != 0xe0 {
		return h, false
	}
	switch (b[1] >> 3) & 3 {
	case 0:
		h.version = 25
	case 2:
		h.version = 2
	case 3:
		h.version = 1
	default:
		return h, false
	}
	if (b[1]>>1)&3 != 1 { // 01 is Layer III
		return h, false
	}
	bi, si := b[2]>>4, (b[2]>>2)&3
	if bi == 0 || bi == 15 || si == 3 { // free format is not supported; 15 and 3 are invalid
		return h, false
	}
	h.sampleRate = mp3Rates[si]
	table := 0
	switch h.version {
	case 2:
		h.sampleRate /= 2
		table = 1
	case 25:
		h.sampleRate /= 4
		table = 1
	}
	h.bitrate = mp3Bitrates[table][bi] * 1000
	h.padding = b[2]&2 != 0
	h.mono = b[3]>>6 == 3
	if h.version == 1 {
		h.samples = 1152
	} else {
		h.samples = 576
	}
	h.frameLen = h.samples / 8 * h.bitrate / h.sampleRate
	if h.padding {
		h.frameLen++
	}
	return h, true
}

// sideInfoLen is the size of the Layer III side information that follows the header;
// a Xing/Info header starts right after it.
func (h mp3Header) sideInfoLen() int {
	switch {
	case h.version == 1 && !h.mono:
		return 32
	case h.version == 1, !h.mono:
		return 17
	default:
		return 9
	}
}

// ProbeMP3 reads an MP3 file's first frame and, when present, its Xing/Info (LAME) or VBRI
// header, which count the frames of the whole file. Without one, a small file has its frame
// headers walked for an exact count; a large one is estimated from the first bitrate.
func ProbeMP3(r io.ReaderAt, size int64) (Info, error) {
	start, err := skipID3(r, size)
	if err != nil {
		return Info{}, err
	}
	off, h, err := findMP3Frame(r, start, size)
	if err != nil {
		return Info{}, err
	}
	info := Info{Format: "mp3", SampleRate: h.sampleRate, Channels: 2, Bitrate: h.bitrate}
	if h.mono {
		info.Channels = 1
	}
	end := size
	if size-off >= 128 {
		var tag [3]byte
		if readFull(r, tag[:], size-128, size) == nil && string(tag[:]) == "TAG" {
			end -= 128 // ID3v1 tag at the end
		}
	}

	frame := make([]byte, min(h.frameLen, int(end-off)))
	if err := readFull(r, frame, off, size); err != nil {
		return Info{}, fmt.Errorf("media: mp3: first frame: %w", err)
	}
	if frames, delay, bytes, ok := vbrHeader(frame, h); ok {
		total := frames*int64(h.samples) - delay
		info.Duration = durationOf(max(total, 0), int64(h.sampleRate))
		info.Exact = true
		if bytes <= 0 {
			bytes = end - off
		}
		if info.Duration > 0 {
			info.Bitrate = int(bytes * 8 * 1e9 / int64(info.Duration))
		}
		return info, nil
	}

	if size <= mp3WalkSize {
		if frames, bytes, ok := walkMP3(r, off, end, h); ok {
			info.Duration = durationOf(frames*int64(h.samples), int64(h.sampleRate))
			info.Exact = true
			if info.Duration > 0 {
				info.Bitrate = int(bytes * 8 * 1e9 / int64(info.Duration))
			}
			return info, nil
		}
	}
	// Constant bitrate assumed: the bytes after the first frame at the first frame's rate.
	info.Duration = durationOf((end-off)*8, int64(h.bitrate))
	return info, nil
}

// skipID3 returns the offset after the ID3v2 tags at the start of the file.
func skipID3(r io.ReaderAt, size int64) (int64, error) {
	off := int64(0)
	for i := 0; i < maxID3Tags; i++ {
		var h [10]byte
		if readFull(r, h[:], off, size) != nil || string(h[:3]) != "ID3" {
			return off, nil
		}
		// The size is "syncsafe": 4 bytes of 7 bits each, so at most 256 MB.
		if h[6]|h[7]|h[8]|h[9] >= 0x80 {
			return 0, errors.New("media: mp3: ID3v2 tag size is not syncsafe")
		}
		n := int64(h[6])<<21 | int64(h[7])<<14 | int64(h[8])<<7 | int64(h[9])
		n += 10
		if h[5]&0x10 != 0 { // footer present
			n += 10
		}
		if n > size-off {
			return 0, fmt.Errorf("media: mp3: ID3v2 tag of %d bytes beyond end of file", n)
		}
		off += n
	}
	return off, nil
}

// findMP3Frame finds the first frame header at or after start. To avoid taking stray bytes
// for a header, a candidate counts only if the next frame header follows where it should
// (or the candidate is the last thing in the file).
func findMP3Frame(r io.ReaderAt, start, size int64) (int64, mp3Header, error) {
	window := min(size-start, mp3SyncWindow+4)
	if window < 4 {
		return 0, mp3Header{}, errors.New("media: mp3: no audio frame")
	}
	buf := make([]byte, window)
	if err := readFull(r, buf, start, size); err != nil {
		return 0, mp3Header{}, fmt.Errorf("media: mp3: %w", err)
	}
	for i := 0; i+4 <= len(buf); i++ {
		h, ok := parseMP3Header(buf[i:])
		if !ok {
			continue
		}
		off := start + int64(i)
		next := off + int64(h.frameLen)
		if next+4 > size {
			if next <= size {
				return off, h, nil // a single frame filling the rest of the file
			}
			continue
		}
		var nb [4]byte
		if readFull(r, nb[:], next, size) != nil {
			continue
		}
		if h2, ok := parseMP3Header(nb[:]); ok && h2.version == h.version && h2.sampleRate == h.sampleRate {
			return off, h, nil
		}
		// A tag frame may be followed by anything; "Xing"/"Info"/"VBRI" mark one.
		if i+h.sideInfoLen()+8 <= len(buf) {
			if _, _, _, ok := vbrHeader(buf[i:min(len(buf), i+h.frameLen)], h); ok {
				return off, h, nil
			}
		}
	}
	return 0, mp3Header{}, errors.New("media: mp3: no audio frame in the first 64 KiB")
}

// vbrHeader reads a Xing/Info or VBRI header from the first frame. frames is the count of
// audio frames (the header frame itself is not one); delay is the encoder delay plus end
// padding in samples from a LAME tag, so that the duration matches the source.
func vbrHeader(frame []byte, h mp3Header) (frames, delay, bytes int64, ok bool) {
	x := 4 + h.sideInfoLen()
	if x+8 <= len(frame) && (string(frame[x:x+4]) == "Xing" || string(frame[x:x+4]) == "Info") {
		flags := binary.BigEndian.Uint32(frame[x+4:])
		p := x + 8
		if flags&1 == 0 {
			return 0, 0, 0, false // no frame count: useless for duration
		}
		if p+4 > len(frame) {
			return 0, 0, 0, false
		}
		frames = int64(binary.BigEndian.Uint32(frame[p:]))
		p += 4
		if flags&2 != 0 && p+4 <= len(frame) {
			bytes = int64(binary.BigEndian.Uint32(frame[p:]))
			p += 4
		}
		if flags&4 != 0 {
			p += 100 // seek table
		}
		if flags&8 != 0 {
			p += 4 // quality
		}
		// LAME tag: 9-byte encoder string, then at +21 the delay and padding, 12 bits each.
		if p+24 <= len(frame) && string(frame[p:p+4]) == "LAME" {
			d := frame[p+21:]
			enc := int64(d[0])<<4 | int64(d[1])>>4
			pad := int64(d[1]&0x0f)<<8 | int64(d[2])
			delay = enc + pad
		}
		return frames, delay, bytes, frames > 0
	}
	// VBRI (Fraunhofer) always sits 32 bytes after the header.
	const v = 4 + 32
	if v+18 <= len(frame) && string(frame[v:v+4]) == "VBRI" {
		delay = int64(binary.BigEndian.Uint16(frame[v+6:]))
		bytes = int64(binary.BigEndian.Uint32(frame[v+10:]))
		frames = int64(binary.BigEndian.Uint32(frame[v+14:]))
		return frames, delay, bytes, frames > 0
	}
	return 0, 0, 0, false
}

// walkMP3 counts the frames from off to end by following frame lengths, reading through a
// buffer (one sequential pass, not one small read per frame). It stops at the first byte
// that is not a frame header: trailing tags (APE, Lyrics) and junk are not audio. It fails
// if the frames stop in the first half of the file, which suggests a damaged or odd file
// that the estimate handles no worse.
func walkMP3(r io.ReaderAt, off, end int64, first mp3Header) (frames, bytes int64, ok bool) {
	br := bufio.NewReaderSize(io.NewSectionReader(r, off, end-off), 64<<10)
	pos := off
	for pos+4 <= end && frames < maxMP3Frames {
		b, err := br.Peek(4)
		if err != nil {
			break
		}
		h, ok := parseMP3Header(b)
		if !ok || h.version != first.version || h.sampleRate != first.sampleRate || h.frameLen < mp3MinFrameLen {
			break
		}
		if pos+int64(h.frameLen) > end {
			break // a cut-off last frame does not play
		}
		if _, err := br.Discard(h.frameLen); err != nil {
			break
		}
		pos += int64(h.frameLen)
		frames++
	}
	if frames >= maxMP3Frames || frames == 0 || pos-off < (end-off)/2 {
		return 0, 0, false
	}
	return frames, pos - off, true
}
