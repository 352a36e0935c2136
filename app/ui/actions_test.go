package ui

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"exportlens/app/export"
	"exportlens/app/view"
)

// smallZip is a ZIP with one text member.
func smallZip(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	fw, err := w.Create("README.txt")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(fw, "This archive contains the data associated with your account.\n")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// trackedInputs are the inputs as load makes them: every read names its file.
func trackedInputs(track *readTracker, files map[string][]byte, order ...string) []view.Input {
	var in []view.Input
	y := new(yielder)
	for _, name := range order {
		data := files[name]
		in = append(in, view.Input{Name: name, R: trackedReaderAt{yieldingReaderAt{bytes.NewReader(data), y}, name, track}, Size: int64(len(data))})
	}
	return in
}

func TestReadExportRecoversPanic(t *testing.T) {
	z := smallZip(t)
	files := map[string][]byte{"Alexa.zip": z, "Retail.zip": z}
	var nilMap map[string]int
	for _, tc := range []struct {
		name     string
		st       view.Steps
		wantName string // the file the error must name
		wantTree bool   // a tree listed before the panic is handed back to be closed
	}{
		{
			name: "open panics after reading the second input",
			st: view.Steps{Open: func(ctx context.Context, in []view.Input, o view.ReadOptions) (*view.Tree, error) {
				in[0].R.ReadAt(make([]byte, 4), 0)
				in[1].R.ReadAt(make([]byte, 4), 0)
				panic("declared size out of range")
			}, Load: export.Load},
			wantName: "Retail.zip",
		},
		{
			name: "open panics before any read: the first input is named",
			st: view.Steps{Open: func(context.Context, []view.Input, view.ReadOptions) (*view.Tree, error) {
				var e *view.Entry
				_ = e.Path // a nil dereference, as a bug would make
				return nil, nil
			}, Load: export.Load},
			wantName: "Alexa.zip",
		},
		{
			name: "load panics with a runtime error",
			st: view.Steps{Open: view.Default.Open, Load: func(ctx context.Context, tr *view.Tree, l *export.Layout) (*export.Export, error) {
				nilMap["x"]++ // assignment to a nil map
				return nil, nil
			}},
			wantName: "Retail.zip", // the listing read both; Retail.zip last
			wantTree: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var track readTracker
			tree, x, err := readExport(context.Background(), trackedInputs(&track, files, "Alexa.zip", "Retail.zip"), view.ReadOptions{}, &track, tc.st, nil)
			var pe *view.PanicError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *panicError", err)
			}
			if pe.Name != tc.wantName {
				t.Errorf("got name %q, want %q", pe.Name, tc.wantName)
			}
			if x != nil {
				t.Errorf("got an export after a panic, want none")
			}
			if (tree != nil) != tc.wantTree {
				t.Errorf("got tree %v, want one: %v", tree != nil, tc.wantTree)
			}
			if tree != nil {
				tree.Close()
			}
			if !strings.Contains(pe.Where, "TestReadExportRecoversPanic") {
				t.Errorf("got where %q, want the test's function that panicked", pe.Where)
			}
			for lang, want := range map[string]string{
				"en": "“" + tc.wantName + "” could not be read: ExportLens ran into an internal error with it; the rest of the app still works.",
				"de": "„" + tc.wantName + "“ konnte nicht gelesen werden: ExportLens stieß dabei auf einen internen Fehler; der Rest der App funktioniert weiter.",
			} {
				if got := sentence(lang, err, "fallback.zip"); got != want {
					t.Errorf("%s: got %q, want %q", lang, got, want)
				}
			}
		})
	}

	// After a panic the next open works: nothing was left locked or half set.
	var track readTracker
	tree, x, err := readExport(context.Background(), trackedInputs(&track, files, "Alexa.zip"), view.ReadOptions{}, &track, view.Default, nil)
	if err != nil || tree == nil || x == nil {
		t.Fatalf("open after a panic: got tree %v, export %v, err %v; want both, no error", tree != nil, x != nil, err)
	}
	tree.Close()
}

func TestPanicErrorUnwrapsRuntimeError(t *testing.T) {
	err := view.Guard(nil, func() error {
		var s []int
		_ = s[3]
		return nil
	})
	var re runtime.Error
	if !errors.As(err, &re) {
		t.Fatalf("got %v, want a runtime.Error inside", err)
	}
	if got := sentence("en", err, "x.zip"); !strings.HasPrefix(got, "“x.zip” could not be read: ExportLens ran into") {
		t.Errorf("got %q, want the fallback name and the internal-error reason", got)
	}
	// guard hands an ordinary error on unchanged.
	plain := errors.New("archive: plain")
	if got := view.Guard(nil, func() error { return plain }); got != plain {
		t.Errorf("got %v, want the function's own error", got)
	}
}

func TestTrackedFSNamesFolderFile(t *testing.T) {
	var track readTracker
	fsys := trackedFS{fstest.MapFS{"a/b.csv": {Data: []byte("x")}}, "Takeout", &track}
	if _, err := fsys.Open("a/b.csv"); err != nil {
		t.Fatal(err)
	}
	if got := track.name("none"); got != "Takeout/a/b.csv" {
		t.Errorf("got %q, want Takeout/a/b.csv", got)
	}
}

// The reads of a long stretch yield every yieldEvery; the first read after
// a pause (a recording played after the verdict) does not.
func TestYielderStretches(t *testing.T) {
	pauses := 0
	y := &yielder{pause: func() { pauses++ }}
	start := time.Now()
	for time.Since(start) < 5*yieldEvery+yieldEvery/2 {
		y.maybe()
		time.Sleep(time.Millisecond)
	}
	if pauses < 2 || pauses > 6 {
		t.Errorf("reads for %v: %d yields, want about 5", time.Since(start).Round(time.Millisecond), pauses)
	}
	time.Sleep(yieldEvery + 10*time.Millisecond)
	before := pauses
	y.maybe()
	y.maybe()
	if pauses != before {
		t.Errorf("reads after a pause of %v yielded %d times, want none", yieldEvery+10*time.Millisecond, pauses-before)
	}
}
