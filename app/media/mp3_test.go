package media

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"time"
)

// The MP3s in testdata are synthetic sine tones, made with sox 14.4 and LAME 3.100:
//
//	sox -n -r 44100 -c 1 -b 16 sine1.wav synth 1.5 sine 440 vol 0.5
//	lame --quiet -b 32 -m m sine1.wav cbr.mp3
//	    (MPEG-2 22.05 kHz mono 32 kbit/s; the frame is too small for a LAME Info tag,
//	     so Probe walks the frames)
//	sox -n -r 44100 -c 1 -b 16 sine3.wav synth 1.0 sine 440 vol 0.5
//	lame --quiet -b 64 -m m --resample 44.1 --add-id3v2 --tt "Synthetic test tone" sine3.wav cbr_info.mp3
//	    (MPEG-1 44.1 kHz mono CBR, ID3v2 tag, LAME Info tag with encoder delay/padding)
//	sox -n -r 22050 -c 2 -b 16 sine2.wav synth 1.0 sine 330 vol 0.5
//	lame --quiet -V 9 sine2.wav vbr.mp3
//	    (MPEG-2 22.05 kHz joint stereo VBR, Xing tag)
func TestProbeMP3Files(t *testing.T) {
	tests := []struct {
		file     string
		want     time.Duration // the length of the source tone
		rate, ch int
	}{
		// Without a LAME tag nothing tells the encoder delay and padding apart from sound:
		// a decoder plays all 60 frames minus its own 529-sample delay. `lame --decode
		// cbr.mp3` gives 1.543356 s; that is the length a listener gets.
		{"cbr.mp3", 1543356 * time.Microsecond, 22050, 1},
		{"cbr_info.mp3", time.Second, 44100, 1},
		{"vbr.mp3", time.Second, 22050, 2},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			info, err := Probe(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatalf("Probe: %v", err)
			}
			if d := info.Duration - tt.want; d < -30*time.Millisecond || d > 30*time.Millisecond {
				t.Errorf("got duration %v, want %v ± 30 ms", info.Duration, tt.want)
			}
			if info.Format != "mp3" || info.SampleRate != tt.rate || info.Channels != tt.ch || !info.Exact {
				t.Errorf("got %q %d Hz %d ch exact=%v, want mp3 %d Hz %d ch exact", info.Format, info.SampleRate, info.Channels, info.Exact, tt.rate, tt.ch)
			}
			if info.Bitrate < 8000 || info.Bitrate > 320000 {
				t.Errorf("got bitrate %d, want a Layer III bitrate", info.Bitrate)
			}
		})
	}
}

// mp3Frame returns one MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz, stereo) of 417 bytes.
func mp3Frame() []byte {
	f := make([]byte, 417)
	copy(f, []byte{0xff, 0xfb, 0x90, 0x00})
	return f
}

func TestProbeMP3Synthetic(t *testing.T) {
	frames := func(n int) []byte { return bytes.Repeat(mp3Frame(), n) }
	vbri := mp3Frame()
	copy(vbri[36:], "VBRI")
	binary.BigEndian.PutUint16(vbri[36+6:], 0)        // delay
	binary.BigEndian.PutUint32(vbri[36+10:], 417*100) // bytes
	binary.BigEndian.PutUint32(vbri[36+14:], 1000)    // frames: the header says far more than present
	id3 := append([]byte("ID3\x03\x00\x00\x00\x00\x01\x00"), make([]byte, 128)...)
	garbage := []byte("junk\xff\xfb\x90junk")

	tests := []struct {
		name  string
		data  []byte
		want  time.Duration
		exact bool
	}{
		// 1152 samples at 44.1 kHz per frame: 38 frames are 992.653 ms.
		{"walked CBR", frames(38), 992653061, true},
		{"ID3v2 and junk before frames", append(append(append([]byte{}, id3...), garbage...), frames(38)...), 992653061, true},
		{"VBRI frame count", append(vbri, frames(99)...), 1000 * 1152 * time.Second / 44100, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Probe(bytes.NewReader(tt.data), int64(len(tt.data)))
			if err != nil {
				t.Fatalf("Probe: %v", err)
			}
			if info.Duration != tt.want || info.Exact != tt.exact {
				t.Errorf("got %v exact=%v, want %v exact=%v", info.Duration, info.Exact, tt.want, tt.exact)
			}
		})
	}
}

func TestProbeMP3Errors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"ID3 size beyond file", []byte("ID3\x03\x00\x00\x7f\x7f\x7f\x7f\xff\xfb\x90\x00"), "beyond end of file"},
		{"ID3 size not syncsafe", []byte("ID3\x03\x00\x00\xff\xff\xff\xff"), "syncsafe"},
		{"ID3 then nothing", []byte("ID3\x03\x00\x00\x00\x00\x00\x00"), "no audio frame"},
		{"sync bytes only", []byte("\xff\xfb\x90\x00junkjunkjunk"), "no audio frame"},
		{"layer II", bytes.Repeat([]byte("\xff\xfd\x90\x00"), 200), "no audio frame"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ProbeMP3(bytes.NewReader(tt.data), int64(len(tt.data)))
			if err == nil || !strings.HasPrefix(err.Error(), "media: mp3: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one starting \"media: mp3: \" containing %q", err, tt.want)
			}
		})
	}
}

func TestParseMP3Header(t *testing.T) {
	tests := []struct {
		hdr                           []byte
		ok                            bool
		version, rate, bitrate, frame int
	}{
		{[]byte{0xff, 0xfb, 0x90, 0x00}, true, 1, 44100, 128000, 417},
		{[]byte{0xff, 0xfb, 0x92, 0x00}, true, 1, 44100, 128000, 418}, // padded
		{[]byte{0xff, 0xf3, 0x40, 0xc4}, true, 2, 22050, 32000, 104},
		{[]byte{0xff, 0xe3, 0x10, 0xc0}, true, 25, 11025, 8000, 52},
		{[]byte{0xff, 0xfb, 0xf0, 0x00}, false, 0, 0, 0, 0}, // bitrate index 15
		{[]byte{0xff, 0xfb, 0x0c, 0x00}, false, 0, 0, 0, 0}, // free format
		{[]byte{0xff, 0xeb, 0x90, 0x00}, false, 0, 0, 0, 0}, // reserved version
	}
	for _, tt := range tests {
		h, ok := parseMP3Header(tt.hdr)
		if ok != tt.ok || ok && (h.version != tt.version || h.sampleRate != tt.rate || h.bitrate != tt.bitrate || h.frameLen != tt.frame) {
			t.Errorf("parseMP3Header(% x): got %+v %v, want version %d %d Hz %d bit/s %d bytes ok=%v",
				tt.hdr, h, ok, tt.version, tt.rate, tt.bitrate, tt.frame, tt.ok)
		}
	}
}
