package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/app/export"
)

// TestBigShapes writes a small instance of every -big shape and reads it
// with the engine: each holds every recording (with its audio), and the
// planted serial makes each a mismatch that names it, with as many records
// as planted.json says.
func TestBigShapes(t *testing.T) {
	const n = 3 * bigForeignEvery
	for _, shape := range bigShapes {
		t.Run(shape, func(t *testing.T) {
			dir := t.TempDir()
			if err := writeBig(dir, bigSpec{Shape: shape, Recordings: n, Size: n * 3000}, stubSynth()); err != nil {
				t.Fatal(err)
			}
			x, rep := loadBig(t, dir)
			if got := len(x.Recordings); got != n {
				t.Errorf("got %d recordings, want %d", got, n)
			}
			withAudio := 0
			for i := range x.Recordings {
				if x.Recordings[i].AudioPath() != "" {
					withAudio++
				}
			}
			if withAudio != n {
				t.Errorf("got %d recordings with their audio found, want %d", withAudio, n)
			}
			var fx fixture
			raw, err := os.ReadFile(filepath.Join(dir, "planted.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &fx); err != nil {
				t.Fatal(err)
			}
			planted := 0
			for _, p := range fx.Planted {
				planted += p.Records
			}
			if rep.Verdict != check.VerdictMismatch || fx.Verdict != "mismatch" {
				t.Errorf("verdict: got %q, planted.json %q, want mismatch", rep.Verdict, fx.Verdict)
			}
			if got := foreignRecords(rep); got != planted || planted != n/bigForeignEvery {
				t.Errorf("unregistered-device %s: got %d records, planted.json %d, want %d", serialForeign, got, planted, n/bigForeignEvery)
			}
		})
	}
}

// loadBig opens every input of dir/input as the command line does.
func loadBig(t *testing.T, dir string) (*export.Export, *check.Report) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "input", "*"))
	var inputs []archive.Input
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		st, _ := f.Stat()
		inputs = append(inputs, archive.Input{Name: filepath.Base(p), R: f, Size: st.Size()})
	}
	tr, err := archive.Open(context.Background(), inputs, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	x, err := export.Load(context.Background(), tr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return x, check.Run(x, check.Declared{})
}

// foreignRecords is how many records the report says came from serialForeign.
func foreignRecords(rep *check.Report) int {
	for _, f := range rep.Findings {
		if f.Rule == "unregistered-device" && f.Subject == serialForeign {
			return f.Records
		}
	}
	return 0
}

// TestBigShapeMembers pins what makes each shape what it is: the methods of
// the WAVs, how many Alexa ZIPs there are, and that the nested shape is one
// input holding ZIPs. Two runs write the same bytes.
func TestBigShapeMembers(t *testing.T) {
	const n = 20
	tests := []struct {
		shape  string
		inputs []string
		method uint16 // of the WAVs
		wav    int64  // bytes of one WAV
	}{
		{shapeStored, []string{"Alexa.zip", "Devices.Registration.zip", "Retail.CustomerProfile.zip"}, zip.Store, 3000},
		{shapeDeflated, []string{"Alexa.zip", "Devices.Registration.zip", "Retail.CustomerProfile.zip"}, zip.Deflate, 3000},
		{shapeSmall, []string{"Alexa.zip", "Devices.Registration.zip", "Retail.CustomerProfile.zip"}, zip.Store, smallWAVBytes},
		{shapeParts, []string{"Alexa-1.zip", "Alexa-2.zip", "Alexa-3.zip", "Alexa-4.zip", "Alexa-5.zip", "Devices.Registration.zip", "Retail.CustomerProfile.zip"}, zip.Store, 3000},
		{shapeNested, []string{"export.zip"}, zip.Store, 3000},
	}
	for _, tc := range tests {
		t.Run(tc.shape, func(t *testing.T) {
			a, b := t.TempDir(), t.TempDir()
			for _, dir := range []string{a, b} {
				if err := writeBig(dir, bigSpec{Shape: tc.shape, Recordings: n, Size: n * 3000}, stubSynth()); err != nil {
					t.Fatal(err)
				}
			}
			var names []string
			wavs := 0
			for _, p := range globSorted(t, filepath.Join(a, "input", "*")) {
				names = append(names, filepath.Base(p))
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				again, _ := os.ReadFile(filepath.Join(b, "input", filepath.Base(p)))
				if !bytes.Equal(data, again) {
					t.Errorf("%s: two runs wrote different bytes", filepath.Base(p))
				}
				wavs += countWAVs(t, data, tc.method, tc.wav)
			}
			if !slices.Equal(names, tc.inputs) {
				t.Errorf("inputs: got %q, want %q", names, tc.inputs)
			}
			if wavs != n {
				t.Errorf("got %d WAVs, want %d", wavs, n)
			}
		})
	}
}

func globSorted(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return m // Glob sorts
}

// countWAVs counts the WAVs in the ZIP data and in the ZIPs it holds,
// failing t for one with another method or size.
func countWAVs(t *testing.T, data []byte, method uint16, size int64) int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range zr.File {
		switch filepath.Ext(f.Name) {
		case ".wav":
			n++
			if f.Method != method || int64(f.UncompressedSize64) != size {
				t.Errorf("%s: method %d, %d bytes; want method %d, %d bytes", f.Name, f.Method, f.UncompressedSize64, method, size)
			}
		case ".zip":
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			var inner bytes.Buffer
			inner.ReadFrom(rc)
			rc.Close()
			n += countWAVs(t, inner.Bytes(), method, size)
		}
	}
	return n
}
