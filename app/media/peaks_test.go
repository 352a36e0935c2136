package media

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
)

func TestPeaks(t *testing.T) {
	// 8 frames of stereo: the loudest sample of each pair of frames is known.
	samples := []int16{0, 100, -16384, 5, 0, 0, 0, 32767, -32768, 0, 1, 1, 8192, -8192, 0, 0}
	var pcm []byte
	for _, s := range samples {
		pcm = binary.LittleEndian.AppendUint16(pcm, uint16(s))
	}
	spec := wavSpec{channels: 2, rate: 8000, bits: 16}
	file := append(spec.bytes(), pcm...)
	binary.LittleEndian.PutUint32(file[40:], uint32(len(pcm))) // data size of the header written with 0 frames
	info, err := Probe(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		n    int
		want []float32
	}{
		{4, []float32{0.5, 32767.0 / 32768, 1, 0.25}},
		{1, []float32{1}},
		{100, []float32{100.0 / 32768, 0.5, 0, 32767.0 / 32768, 1, 1.0 / 32768, 0.25, 0}}, // one per frame
	}
	for _, tt := range tests {
		got, err := Peaks(bytes.NewReader(file), info, tt.n)
		if err != nil {
			t.Fatalf("Peaks(n=%d): %v", tt.n, err)
		}
		if len(got) != len(tt.want) {
			t.Fatalf("Peaks(n=%d): got %v, want %v", tt.n, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Peaks(n=%d)[%d]: got %v, want %v", tt.n, i, got[i], tt.want[i])
			}
		}
	}
}

func TestPeaksErrors(t *testing.T) {
	spec := wavSpec{channels: 1, rate: 8000, bits: 16, frames: 100}
	file := spec.bytes()
	info, err := Probe(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	mp3 := info
	mp3.Format = "mp3"
	eight := info
	eight.BitsPerSample = 8
	tests := []struct {
		name string
		data []byte
		info Info
		n    int
		want string
	}{
		{"not wav", file, mp3, 10, "not WAV"},
		{"8-bit", file, eight, 10, "16-bit"},
		{"n too large", file, info, MaxPeaks + 1, "points requested"},
		{"n zero", file, info, 0, "points requested"},
		{"data cut short", file[:len(file)-50], info, 10, "ends after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Peaks(bytes.NewReader(tt.data), tt.info, tt.n)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func FuzzProbe(f *testing.F) {
	for _, ext := range []string{".wav", ".mp3"} {
		for _, b := range fixtureMedia(f, ext, 16<<10, 3) {
			f.Add(b)
		}
	}
	f.Add(wavSpec{channels: 1, rate: 8000, bits: 16, frames: 10}.bytes())
	f.Add(wavSpec{magic: "RF64", channels: 2, rate: 8000, bits: 16, frames: 4, dataSize: 0xffffffff, ds64Data: 16}.bytes())
	f.Add(wavSpec{format: wavExtensible, channels: 2, rate: 48000, bits: 16, frames: 3}.bytes())
	for _, name := range []string{"cbr.mp3", "cbr_info.mp3", "vbr.mp3"} {
		if b, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(b[:min(len(b), 1500)])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Probe(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		if info.Duration < 0 || info.DataOffset+info.DataSize > int64(len(data)) {
			t.Fatalf("got %+v for %d bytes", info, len(data))
		}
		if info.Format == "wav" && info.BitsPerSample == 16 {
			if _, err := Peaks(bytes.NewReader(data), info, 64); err != nil {
				t.Fatalf("Peaks after Probe: %v", err)
			}
		}
	})
}
