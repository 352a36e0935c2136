package view

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"exportlens/app/archive"
	"exportlens/app/media"
)

// TestRowLengths: every row with an audio file gets the length the whole
// file's header gives (media.Probe over all its bytes), though only the
// member's head is read; asked for twice, a row is read once; rows without
// audio get none. Over fixtures with stored WAVs and MP3s, a 7z, hidden
// (protected) rows among them, and the same fixtures re-packed with
// Deflate, which must not change a length.
func TestRowLengths(t *testing.T) {
	for _, name := range []string{"amazon-2018", "amazon-clean", "takeout-clean", "takeout-parts", "amazon-foreign-7z"} {
		t.Run(name, func(t *testing.T) {
			stored := rowLengthsOf(t, openIndex(t, name, fileInputs(t, fixtureInputs(t, name))))
			if strings.HasSuffix(name, "-7z") {
				return
			}
			deflated := rowLengthsOf(t, openIndex(t, name, deflatedInputs(t, name)))
			if len(deflated) != len(stored) {
				t.Fatalf("re-packed with Deflate: %d rows with a length, %d stored", len(deflated), len(stored))
			}
			for p, d := range stored {
				if got := deflated[p]; got != d {
					t.Errorf("%s: %v deflated, %v stored", p, got, d)
				}
			}
		})
	}
}

// rowLengthsOf reads every row's length of s as the list does and checks
// it against the whole file; it returns them by audio path.
func rowLengthsOf(t *testing.T, ix *Recordings) map[string]time.Duration {
	t.Helper()
	ix.lengths.quiet.Store(1) // no person to wait for
	all := make([]int, len(ix.Items))
	for k := range all {
		all[k] = k
	}
	var wg sync.WaitGroup
	batches := 0
	run := func(f func()) { wg.Add(1); go func() { defer wg.Done(); f() }() }
	if !ix.WantLengths(all, run, func() { batches++ }) {
		t.Fatal("nothing asked for on a fresh index")
	}
	wg.Wait()
	if batches == 0 {
		t.Fatal("done never called")
	}
	if ix.WantLengths(all, run, func() {}) {
		t.Error("lengths read once are asked for again")
	}
	out := map[string]time.Duration{}
	for k := range ix.Items {
		got, ok := ix.LengthOf(k)
		if !ok {
			t.Fatalf("item %d: no length recorded", k)
		}
		part, p := ix.AudioOf(k)
		if p == "" {
			if got != 0 {
				t.Errorf("item %d has no audio file but a length %v", k, got)
			}
			continue
		}
		e := ix.entry(part, p)
		if e == nil {
			continue // the record names a file the export lacks
		}
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		whole, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		info, err := media.Probe(bytes.NewReader(whole), int64(len(whole)))
		if err != nil {
			if got != 0 {
				t.Errorf("%s: not audio (%v) but a length %v", p, err, got)
			}
			continue
		}
		// The head alone may only estimate an MP3 the whole file counts
		// exactly: the two agree to a tenth of a second.
		if d := got - info.Duration; got <= 0 || d > 100*time.Millisecond || d < -100*time.Millisecond {
			_, inPlace := e.Section()
			t.Errorf("%s (read in place: %v): length %v from the head, %v from the whole file", p, inPlace, got, info.Duration)
		}
		out[part+"!"+p] = got
	}
	if len(out) == 0 {
		t.Fatal("no row with an audio file: the fixture does not test this")
	}
	t.Logf("%d of %d rows with a length", len(out), len(ix.Items))
	return out
}

// deflatedInputs are the fixture's ZIPs with every member re-packed with
// Deflate, in memory, under the same names.
func deflatedInputs(t *testing.T, name string) []archive.Input {
	t.Helper()
	var inputs []archive.Input
	for _, p := range fixtureInputs(t, name) {
		zr, err := zip.OpenReader(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			h := f.FileHeader
			h.Method = zip.Deflate
			w, err := zw.CreateHeader(&h)
			if err != nil {
				t.Fatal(err)
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(w, rc); err != nil {
				t.Fatal(err)
			}
			rc.Close()
		}
		zr.Close()
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, archive.Input{Name: filepath.Base(p), R: bytes.NewReader(buf.Bytes()), Size: int64(buf.Len())})
	}
	return inputs
}

// TestRowLengthsWaitForThePerson: the first reads wait lengthsQuiet after
// the list asks, and a press (HoldLengths) puts them off again.
func TestRowLengthsWaitForThePerson(t *testing.T) {
	ix := openIndex(t, "amazon-2018", fileInputs(t, fixtureInputs(t, "amazon-2018")))
	start := time.Now()
	done := make(chan time.Time, 16)
	ix.WantLengths([]int{0, 1}, func(f func()) { go f() }, func() { done <- time.Now() })
	time.Sleep(lengthsQuiet / 2)
	ix.HoldLengths() // a press halfway
	at := <-done
	if waited := at.Sub(start); waited < lengthsQuiet*3/2 {
		t.Errorf("lengths read after %v; want at least %v (asked, then pressed halfway)", waited, lengthsQuiet*3/2)
	}
	if _, ok := ix.LengthOf(0); !ok {
		t.Error("no length read")
	}
}
