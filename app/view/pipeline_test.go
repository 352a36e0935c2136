package view

import (
	"archive/zip"
	"bytes"
	"context"
	"maps"
	"slices"
	"testing"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/app/export"
)

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestRead: what the command and the viewer both make of their inputs. An
// empty ZIP is read (nothing is wrong with it) and its verdict is "cannot
// tell: no known format", a ZIP cut in half of its directory with nothing
// else is nothing read, and a readable file next to it is read with the
// broken one as a problem.
func TestRead(t *testing.T) {
	alexa := zipOf(t, map[string]string{"Alexa/readme.txt": "hello"})
	tests := []struct {
		name        string
		inputs      map[string][]byte
		nothingRead bool
		entries     int
		problems    int
		verdict     string
		rule        check.RuleID
	}{
		{"empty zip", map[string][]byte{"empty.zip": zipOf(t, nil)}, false, 0, 0, check.VerdictUnknown, check.RuleFormatUnknown},
		{"a zip without its end", map[string][]byte{"cut.zip": alexa[:len(alexa)/2]}, true, 0, 1, "", ""},
		{"one good, one cut", map[string][]byte{"cut.zip": alexa[:len(alexa)/2], "Alexa.zip": alexa}, false, 1, 1, check.VerdictUnknown, check.RuleFormatUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var inputs []archive.Input
			for _, name := range slices.Sorted(maps.Keys(tc.inputs)) {
				inputs = append(inputs, archive.Input{Name: name, R: bytes.NewReader(tc.inputs[name]), Size: int64(len(tc.inputs[name]))})
			}
			var stages []string
			var listed *archive.Tree
			between := 0
			o, err := Default.Read(context.Background(), inputs, archive.Options{}, nil, Hooks{
				Stage: func(name string) func() {
					stages = append(stages, name)
					return func() { stages = append(stages, "/"+name) }
				},
				Listed:  func(t *archive.Tree) { listed = t },
				Between: func() { between++ },
			})
			if err != nil {
				t.Fatal(err)
			}
			defer o.Tree.Close()
			if listed != o.Tree {
				t.Error("Listed was not given the tree")
			}
			if o.NothingRead() != tc.nothingRead || len(o.Tree.Entries) != tc.entries || len(o.Tree.Problems) != tc.problems {
				t.Fatalf("nothing read %v, %d entries, %d problems; want %v, %d, %d", o.NothingRead(), len(o.Tree.Entries), len(o.Tree.Problems), tc.nothingRead, tc.entries, tc.problems)
			}
			if tc.nothingRead {
				if o.Export != nil || !slices.Equal(stages, []string{"list", "/list"}) || between != 0 {
					t.Errorf("nothing read, yet loaded (export %v, stages %v, between %d)", o.Export != nil, stages, between)
				}
				return
			}
			if o.Export == nil || !slices.Equal(stages, []string{"list", "/list", "load", "/load"}) || between != 1 {
				t.Fatalf("export %v, stages %v, between %d; want loaded after list, load and one pause", o.Export != nil, stages, between)
			}
			rep := Default.Check(o.Export, check.Declared{})
			if rep.Verdict != tc.verdict || len(rep.Findings) == 0 || rep.Findings[0].Rule != tc.rule {
				t.Errorf("verdict %s, findings %+v; want %s by %s", rep.Verdict, rep.Findings, tc.verdict, tc.rule)
			}
		})
	}
}

// TestReadLoadError: a failing load returns the tree (to close) and no
// export.
func TestReadLoadError(t *testing.T) {
	st := Default
	st.Load = func(context.Context, *archive.Tree, *export.Layout) (*export.Export, error) {
		return &export.Export{}, context.Canceled
	}
	z := zipOf(t, map[string]string{"a.txt": "x"})
	o, err := st.Read(context.Background(), []archive.Input{{Name: "a.zip", R: bytes.NewReader(z), Size: int64(len(z))}}, archive.Options{}, nil, Hooks{})
	if err != context.Canceled || o.Tree == nil || o.Export != nil {
		t.Errorf("err %v, tree %v, export %v; want the load's error, the tree, no export", err, o.Tree != nil, o.Export != nil)
	}
	if o.Tree != nil {
		o.Tree.Close()
	}
}
