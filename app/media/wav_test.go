package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"time"
)

// wavSpec describes a synthetic WAV file for tests.
type wavSpec struct {
	magic      string // "RIFF" (default) or "RF64"
	format     uint16 // default PCM
	channels   uint16
	rate       uint32
	bits       uint16
	frames     int    // frames of PCM written
	dataSize   uint32 // declared data size; 0 means the real size
	extra      []byte // chunks inserted between fmt and data
	fmtSize    uint32 // declared fmt size; 0 means 16 (40 for extensible)
	omitData   bool
	ds64Data   uint64 // RF64: data size in the ds64 chunk
	sampleFill int16
}

func (s wavSpec) bytes() []byte {
	if s.magic == "" {
		s.magic = "RIFF"
	}
	if s.format == 0 {
		s.format = wavPCM
	}
	align := s.channels * s.bits / 8
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString(s.magic)
	le(uint32(0)) // RIFF size: readers must not need it
	b.WriteString("WAVE")
	if s.magic == "RF64" {
		b.WriteString("ds64")
		le(uint32(28))
		le(uint64(0))
		le(s.ds64Data)
		le(uint64(0))
		le(uint32(0))
	}
	fmtLen := uint32(16)
	if s.format == wavExtensible {
		fmtLen = 40
	}
	b.WriteString("fmt ")
	if s.fmtSize != 0 {
		le(s.fmtSize)
	} else {
		le(fmtLen)
	}
	le(s.format)
	le(s.channels)
	le(s.rate)
	le(s.rate * uint32(align))
	le(align)
	le(s.bits)
	if s.format == wavExtensible {
		le(uint16(22))
		le(s.bits)
		le(uint32(0))
		le(uint16(wavPCM))
		b.Write(make([]byte, 14)) // rest of the SubFormat GUID
	}
	b.Write(s.extra)
	if s.omitData {
		return b.Bytes()
	}
	pcm := s.frames * int(align)
	b.WriteString("data")
	if s.dataSize != 0 {
		le(s.dataSize)
	} else {
		le(uint32(pcm))
	}
	for i := 0; i < pcm/2; i++ {
		le(s.sampleFill)
	}
	if pcm%2 == 1 {
		b.WriteByte(0x80)
	}
	return b.Bytes()
}

func chunk(id string, body []byte) []byte {
	b := []byte(id)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(body)))
	b = append(b, body...)
	if len(body)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

func TestProbeWAV(t *testing.T) {
	tests := []struct {
		name      string
		spec      wavSpec
		want      time.Duration
		truncated bool
	}{
		{"mono 16-bit 8 kHz", wavSpec{channels: 1, rate: 8000, bits: 16, frames: 12345}, 1543125 * time.Microsecond, false},
		{"stereo 44.1 kHz 1.5 s", wavSpec{channels: 2, rate: 44100, bits: 16, frames: 66150}, 1500 * time.Millisecond, false},
		{"8-bit 11025 Hz", wavSpec{channels: 1, rate: 11025, bits: 8, frames: 2205}, 200 * time.Millisecond, false},
		{"odd LIST chunk before data", wavSpec{channels: 1, rate: 16000, bits: 16, frames: 16000,
			extra: chunk("LIST", []byte("INFOISFT\x03\x00\x00\x00ab\x00"))}, time.Second, false},
		{"extensible", wavSpec{format: wavExtensible, channels: 2, rate: 48000, bits: 16, frames: 24000}, 500 * time.Millisecond, false},
		{"data size beyond file", wavSpec{channels: 1, rate: 8000, bits: 16, frames: 4000, dataSize: 1 << 30}, 500 * time.Millisecond, true},
		{"streaming placeholder size", wavSpec{channels: 1, rate: 8000, bits: 16, frames: 800, dataSize: 0xffffffff}, 100 * time.Millisecond, true},
		{"RF64", wavSpec{magic: "RF64", channels: 1, rate: 8000, bits: 16, frames: 2000, dataSize: 0xffffffff, ds64Data: 4000}, 250 * time.Millisecond, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.spec.bytes()
			info, err := Probe(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatalf("Probe: %v", err)
			}
			if info.Format != "wav" || info.Duration != tt.want || info.Truncated != tt.truncated {
				t.Errorf("got format %q duration %v truncated %v, want wav %v %v", info.Format, info.Duration, info.Truncated, tt.want, tt.truncated)
			}
			if info.Channels != int(tt.spec.channels) || info.SampleRate != int(tt.spec.rate) || info.BitsPerSample != int(tt.spec.bits) {
				t.Errorf("got %d ch %d Hz %d bit, want %d %d %d", info.Channels, info.SampleRate, info.BitsPerSample,
					tt.spec.channels, tt.spec.rate, tt.spec.bits)
			}
			if end := info.DataOffset + info.DataSize; end > int64(len(b)) {
				t.Errorf("got data ending at %d, beyond the %d-byte file", end, len(b))
			}
		})
	}
}

func TestProbeWAVErrors(t *testing.T) {
	good := wavSpec{channels: 1, rate: 8000, bits: 16, frames: 100}
	huge := good
	huge.extra = []byte("LIST\xf0\xff\xff\x7f")
	zeroCh := good
	zeroCh.channels = 0
	zeroRate := good
	zeroRate.rate = 0
	absurdRate := good
	absurdRate.rate = 50_000_000
	manyCh := good
	manyCh.channels = 5000
	noData := good
	noData.omitData = true
	shortFmt := good
	shortFmt.fmtSize = 8
	hugeFmt := good
	hugeFmt.fmtSize = 0xfffffff0
	full := good.bytes()

	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"huge chunk size", huge.bytes(), "beyond end of file"},
		{"zero channels", zeroCh.bytes(), "zero channels"},
		{"zero sample rate", zeroRate.bytes(), "sample rate"},
		{"absurd sample rate", absurdRate.bytes(), "sample rate"},
		{"absurd channel count", manyCh.bytes(), "channels"},
		{"no data chunk", noData.bytes(), "no data chunk"},
		{"fmt too short", shortFmt.bytes(), "fmt chunk of 8 bytes"},
		{"fmt size beyond file", hugeFmt.bytes(), "beyond end of file"},
		{"truncated header", full[:10], "header"},
		{"cut inside fmt", full[:30], "beyond end of file"},
		{"not WAVE", append([]byte("RIFF\x00\x00\x00\x00AVI "), full[12:]...), "not a RIFF/WAVE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ProbeWAV(bytes.NewReader(tt.data), int64(len(tt.data)))
			if err == nil || !strings.HasPrefix(err.Error(), "media: wav: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one starting \"media: wav: \" containing %q", err, tt.want)
			}
		})
	}
}

func TestProbeUnknown(t *testing.T) {
	for _, data := range []string{"", "hello world, not audio", "%PDF-1.4\n"} {
		_, err := Probe(strings.NewReader(data), int64(len(data)))
		if !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("Probe(%q): got %v, want ErrUnknownFormat", data, err)
		}
	}
}

func TestDurationOf(t *testing.T) {
	tests := []struct {
		frames, rate int64
		want         time.Duration
	}{
		{1, 3, 333333333},
		{44100 * 3600 * 24 * 365, 44100, 365 * 24 * time.Hour},
		{0, 8000, 0},
		{5, 0, 0},
	}
	for _, tt := range tests {
		if got := durationOf(tt.frames, tt.rate); got != tt.want {
			t.Errorf("durationOf(%d, %d): got %v, want %v", tt.frames, tt.rate, got, tt.want)
		}
	}
}
