package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// sampleRate of every generated recording: low, so fixtures stay small.
const sampleRate = 16000

// voice is how one person sounds: an espeak-ng voice+variant, a speed in
// words per minute and a pitch (0–99). Different households get different
// voices so a listener can tell them apart.
type voice struct {
	Name  string
	Speed int
	Pitch int
}

var (
	voiceAnna      = voice{"de+f3", 160, 60} // account holder (Amazon)
	voicePartner   = voice{"en+m1", 150, 40} // her partner, same household
	voiceStranger  = voice{"en-us+m3", 175, 25}
	voiceStranger2 = voice{"en+f4", 170, 75}
	voiceAlice     = voice{"en+f2", 165, 55} // Takeout account holder
	voiceAliceDE   = voice{"de+f2", 165, 55}
	voiceAliceFR   = voice{"fr+f2", 165, 55}
)

// tools lists the external programs the generator needs and how to get them.
var tools = []struct{ name, pkg string }{
	{"espeak-ng", "espeak-ng"},
	{"lame", "lame"},
	{"7z", "p7zip-full"},
}

// toolVersions is the first line each tool prints about its version, by
// name ("eSpeak NG text-to-speech: 1.51 …", "LAME 64bits version 3.100 …",
// "7-Zip [64] 26.02 : …"), for planted.json; a tool that is missing or says
// nothing is left out.
var toolVersions = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, t := range tools {
		var args []string
		if t.name != "7z" { // 7z names its version in the header of any run
			args = []string{"--version"}
		}
		b, _ := exec.Command(t.name, args...).Output()
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				if i := strings.Index(l, "  Data at:"); i > 0 { // espeak-ng adds a machine path
					l = strings.TrimSpace(l[:i])
				}
				if i := strings.Index(l, " : Copyright"); i > 0 {
					l = l[:i]
				}
				out[t.name] = l
				break
			}
		}
	}
	return out
})

// checkTools returns a clear error for the first missing tool.
func checkTools() error {
	for _, t := range tools {
		if _, err := exec.LookPath(t.name); err != nil {
			return fmt.Errorf("mkexport: %s not found: apt-get install %s", t.name, t.pkg)
		}
	}
	return nil
}

// synth speaks text and returns 16-bit mono PCM at sampleRate. Results are
// cached so the forms of one export share the same bytes and nothing is
// synthesised twice.
type synth struct {
	cache map[string][]int16
	tmp   string
	speak func(v voice, text string) ([]int16, error) // espeak by default; tests stub it
}

func newSynth(tmp string) *synth {
	return &synth{cache: map[string][]int16{}, tmp: tmp, speak: espeak}
}

func (s *synth) pcm(v voice, text string) ([]int16, error) {
	key := fmt.Sprintf("%s|%d|%d|%s", v.Name, v.Speed, v.Pitch, text)
	if p, ok := s.cache[key]; ok {
		return p, nil
	}
	p, err := s.speak(v, text)
	if err != nil {
		return nil, err
	}
	s.cache[key] = p
	return p, nil
}

// espeak runs espeak-ng and returns trimmed 16-bit PCM at sampleRate.
func espeak(v voice, text string) ([]int16, error) {
	cmd := exec.Command("espeak-ng", "--stdout", "-v", v.Name,
		"-s", fmt.Sprint(v.Speed), "-p", fmt.Sprint(v.Pitch), "--", text)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("mkexport: espeak-ng %q: %w: %s", text, err, stderr.String())
	}
	in, rate, err := decodeWAV(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("mkexport: espeak-ng %q: %w", text, err)
	}
	return trimSilence(resample(in, rate, sampleRate), sampleRate/10), nil
}

// wav returns the speech as a 16-bit PCM mono WAV file.
func (s *synth) wav(v voice, text string) ([]byte, error) {
	p, err := s.pcm(v, text)
	if err != nil {
		return nil, err
	}
	return encodeWAV(p, 0), nil
}

// mp3 returns the speech as a 32 kbit/s mono MP3 made by lame.
func (s *synth) mp3(v voice, text string) ([]byte, error) {
	p, err := s.pcm(v, text)
	if err != nil {
		return nil, err
	}
	raw := filepath.Join(s.tmp, "speech.raw")
	out := filepath.Join(s.tmp, "speech.mp3")
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, p)
	if err := os.WriteFile(raw, b.Bytes(), 0o600); err != nil {
		return nil, err
	}
	cmd := exec.Command("lame", "--quiet", "-r", "-s", "16", "--bitwidth", "16", "--signed",
		"--little-endian", "-m", "m", "-b", "32", raw, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("mkexport: lame: %w: %s", err, msg)
	}
	return os.ReadFile(out)
}

// decodeWAV reads the PCM samples of a 16-bit mono WAV as espeak-ng writes it
// to stdout (its size fields may be placeholders, so the data chunk is taken
// to run to the end of the input).
func decodeWAV(b []byte) ([]int16, int, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return nil, 0, errors.New("not a WAV")
	}
	rate := 0
	for off := 12; off+8 <= len(b); {
		id, size := string(b[off:off+4]), int(binary.LittleEndian.Uint32(b[off+4:]))
		body := b[off+8:]
		switch id {
		case "fmt ":
			if len(body) < 16 || binary.LittleEndian.Uint16(body[2:]) != 1 || binary.LittleEndian.Uint16(body[14:]) != 16 {
				return nil, 0, errors.New("WAV is not 16-bit mono")
			}
			rate = int(binary.LittleEndian.Uint32(body[4:]))
		case "data":
			if rate == 0 {
				return nil, 0, errors.New("WAV data before fmt")
			}
			if size > len(body) || size == 0 {
				size = len(body)
			}
			p := make([]int16, size/2)
			for i := range p {
				p[i] = int16(binary.LittleEndian.Uint16(body[2*i:]))
			}
			return p, rate, nil
		}
		if size > len(body) {
			break
		}
		off += 8 + size + size%2
	}
	return nil, 0, errors.New("WAV has no data chunk")
}

// resample converts by linear interpolation in integer arithmetic (exact and
// the same on every machine), which is plenty for synthetic speech.
func resample(in []int16, from, to int) []int16 {
	if from == to || len(in) == 0 {
		return in
	}
	n := int(int64(len(in)) * int64(to) / int64(from))
	out := make([]int16, n)
	for i := range out {
		num := int64(i) * int64(from) // position in input = num / to
		j, frac := num/int64(to), num%int64(to)
		a := int64(in[j])
		b := a
		if j+1 < int64(len(in)) {
			b = int64(in[j+1])
		}
		out[i] = int16(a + (b-a)*frac/int64(to))
	}
	return out
}

// trimSilence cuts leading and trailing near-silence, keeping pad samples.
func trimSilence(p []int16, pad int) []int16 {
	loud := func(v int16) bool { return v > 300 || v < -300 }
	first, last := 0, len(p)-1
	for first < len(p) && !loud(p[first]) {
		first++
	}
	for last > first && !loud(p[last]) {
		last--
	}
	if first >= len(p) {
		return p
	}
	first = max(0, first-pad)
	last = min(len(p)-1, last+pad)
	return p[first : last+1]
}

// encodeWAV writes a canonical 44-byte-header WAV; padBytes of silence are
// appended (the big benchmark export uses it to reach a target size).
func encodeWAV(p []int16, padBytes int) []byte {
	data := len(p)*2 + padBytes
	var b bytes.Buffer
	b.Grow(44 + data)
	b.Write(wavHeader(data))
	binary.Write(&b, binary.LittleEndian, p)
	b.Write(make([]byte, padBytes))
	return b.Bytes()
}

func wavHeader(dataBytes int) []byte {
	h := make([]byte, 44)
	copy(h, "RIFF")
	binary.LittleEndian.PutUint32(h[4:], uint32(36+dataBytes))
	copy(h[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(h[16:], 16)
	binary.LittleEndian.PutUint16(h[20:], 1) // PCM
	binary.LittleEndian.PutUint16(h[22:], 1) // mono
	binary.LittleEndian.PutUint32(h[24:], sampleRate)
	binary.LittleEndian.PutUint32(h[28:], sampleRate*2)
	binary.LittleEndian.PutUint16(h[32:], 2)
	binary.LittleEndian.PutUint16(h[34:], 16)
	copy(h[36:], "data")
	binary.LittleEndian.PutUint32(h[40:], uint32(dataBytes))
	return h
}
