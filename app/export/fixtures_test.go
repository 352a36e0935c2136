package export

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"exportlens/app/archive"
)

// planted is the part of planted.json this package can check.
type planted struct {
	Vendor     string `json:"vendor"`
	Recordings int    `json:"recordings"`
	Activity   int    `json:"activity"`
	Notes      []struct {
		Kind string `json:"kind"`
		Part string `json:"part"`
		Path string `json:"path"`
	} `json:"notes"`
	Claim struct {
		CustomerIDs []string `json:"customerIds"`
		Emails      []string `json:"emails"`
	} `json:"claim"`
	Planted []struct {
		Rule    string `json:"rule"`
		Subject string `json:"subject"`
		Path    string `json:"path"`
		Line    int    `json:"line"`
		Page    int    `json:"page"`
		Field   string `json:"field"`
	} `json:"planted"`
}

// openFixture opens every input of testdata/fixtures/<name>/input.
func openFixture(t testing.TB, dir string) *archive.Tree {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join(dir, "input"))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []archive.Input
	for _, e := range ents {
		p := filepath.Join(dir, "input", e.Name())
		if e.IsDir() {
			inputs = append(inputs, archive.Input{Name: e.Name(), FS: os.DirFS(p)})
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		st, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, archive.Input{Name: e.Name(), R: f, Size: st.Size()})
	}
	tree, err := archive.Open(context.Background(), inputs, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tree.Close() })
	return tree
}

// TestFixtures loads every generated fixture and checks what planted.json
// says the export holds: its vendor, its claim and its recordings
// (history records plus audio files no record refers to).
func TestFixtures(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/fixtures/*")
	if len(dirs) == 0 {
		t.Skip("no fixtures: run go run ./cmd/mkexport -out testdata/fixtures")
	}
	for _, dir := range dirs {
		data, err := os.ReadFile(filepath.Join(dir, "planted.json"))
		if err != nil {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var want planted
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			tree := openFixture(t, dir)
			for _, p := range tree.Problems {
				if errors.Is(p, archive.ErrUnsupported) {
					t.Skipf("input needs the native unpacker: %v", p)
				}
			}
			ex, err := Load(context.Background(), tree, nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(ex.Vendor) != want.Vendor {
				t.Errorf("vendor: got %s want %s", ex.Vendor, want.Vendor)
			}
			unreferenced := 0
			for _, a := range ex.Audio {
				if !a.Referenced && !a.OtherProduct {
					unreferenced++
				}
			}
			// OfRecording marks exactly the files some Recording plays.
			type ref struct{ part, path string }
			plays := map[ref]bool{}
			for _, r := range ex.Recordings {
				if r.AudioPath() != "" {
					plays[ref{r.AudioPart(), r.AudioPath()}] = true
				}
			}
			for _, a := range ex.Audio {
				if a.OfRecording != plays[ref{a.Part, a.Path}] {
					t.Errorf("%s %s: OfRecording %v, but some recording plays it: %v", a.Part, a.Path, a.OfRecording, plays[ref{a.Part, a.Path}])
				}
			}
			if len(ex.Activity) != want.Activity {
				t.Errorf("activity: got %d non-speech records, want %d", len(ex.Activity), want.Activity)
			}
			if got := len(ex.Recordings) + unreferenced; got != want.Recordings {
				t.Errorf("recordings: got %d (%d records + %d unreferenced audio) want %d", got, len(ex.Recordings), unreferenced, want.Recordings)
			}
			if got, w := normAll(texts(ex.CustomerIDs), NormID), normAll(want.Claim.CustomerIDs, NormID); got != w {
				t.Errorf("claimed customer IDs: got %q want %q", got, w)
			}
			if got, w := normAll(texts(ex.Emails), NormEmail), normAll(want.Claim.Emails, NormEmail); got != w {
				t.Errorf("claimed e-mails: got %q want %q", got, w)
			}
			for _, r := range ex.Recordings {
				if r.Time.IsZero() {
					t.Errorf("recording %s (line %d, pointer %q): no time", r.ID, r.Src().Line, r.Src().Pointer)
				}
			}
			// The only problems are the notes the fixture plants.
			var gotNotes, wantNotes []string
			for _, p := range ex.Problems {
				gotNotes = append(gotNotes, string(p.Kind)+" "+p.Src.Part+" "+p.Src.Path)
				if !p.Note() {
					t.Errorf("problem: got %+v", p)
				}
			}
			for _, n := range want.Notes {
				wantNotes = append(wantNotes, n.Kind+" "+n.Part+" "+n.Path)
			}
			if !slices.Equal(gotNotes, wantNotes) {
				t.Errorf("notes: got %q, want %q", gotNotes, wantNotes)
			}
			for _, p := range want.Planted {
				// The place a planted thing was written must be a place the
				// export cites (folder forms add a prefix to the path).
				if p.Line > 0 && p.Field != "" && !citesCSV(ex, p.Path, p.Line, p.Field) {
					t.Errorf("%s: no value cites %s line %d field %s", p.Rule, p.Path, p.Line, p.Field)
				}
				if p.Page > 0 {
					ok := false
					for _, tl := range ex.Transcripts {
						if tl.Src.Page == p.Page && tl.Src.Line == p.Line && tl.Recording == -1 && strings.HasSuffix(tl.Src.Path, p.Path) {
							ok = true
						}
					}
					if !ok {
						t.Errorf("%s: no unmatched transcript line at page %d line %d", p.Rule, p.Page, p.Line)
					}
				}
				if p.Rule == "unrecognized-speaker" {
					n := 0
					for _, r := range ex.Recordings {
						if r.Unrecognized {
							n++
						}
					}
					if n == 0 {
						t.Errorf("no recording marked unrecognized")
					}
				}
				if p.Rule == "missing-recording" {
					ok := false
					for _, r := range ex.Recordings {
						if r.AudioPath() == "" && r.AudioExpected() != "" && strings.HasSuffix(r.AudioExpected(), p.Subject) {
							ok = true
						}
					}
					if !ok {
						t.Errorf("missing recording %s not reported as an absent audio reference", p.Subject)
					}
				}
			}
		})
	}
}

func normAll(ss []string, f func(string) string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return strings.Join(out, ",")
}

// citesCSV reports whether a value of a recording or device comes from the
// given CSV place.
func citesCSV(ex *Export, p string, line int, field string) bool {
	var vals []Value
	for _, r := range ex.Recordings {
		vals = append(vals, r.CustomerID(), r.Device(), r.PersonID(), r.Audio())
	}
	for _, d := range ex.Devices {
		vals = append(vals, d.Serial, d.CustomerID)
	}
	for _, v := range vals {
		if v.Src().Line == line && v.Src().Field == field && strings.HasSuffix(v.Src().Path, p) {
			return true
		}
	}
	return false
}
