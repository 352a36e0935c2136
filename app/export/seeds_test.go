package export

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"exportlens/app/media"
)

// fixtureMembers returns the contents of every member of the committed
// fixtures whose path ends in one of suffixes (at most limit bytes each), so
// the fuzz targets start from real-shaped files.
func fixtureMembers(f *testing.F, limit int64, suffixes ...string) [][]byte {
	f.Helper()
	dirs, _ := filepath.Glob("../../testdata/fixtures/*")
	var out [][]byte
	for _, dir := range dirs {
		tree := openFixture(f, dir)
		for _, e := range tree.Entries {
			if !hasSuffix(strings.ToLower(e.Path), suffixes) || e.Size > limit {
				continue
			}
			rc, err := e.Open()
			if err != nil {
				f.Fatalf("%s: %v", e.Name(), err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				f.Fatalf("%s: %v", e.Name(), err)
			}
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		f.Fatalf("no fixture member ends in %v", suffixes)
	}
	return out
}

func hasSuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func addFixtureSeeds(f *testing.F, suffixes ...string) {
	for _, b := range fixtureMembers(f, 256<<10, suffixes...) {
		f.Add(string(b))
	}
}

// addTranscriptSeeds adds the text of the fixtures' transcript PDFs, one
// line per PDF line, as FuzzTranscript takes it.
func addTranscriptSeeds(f *testing.F) {
	for _, b := range fixtureMembers(f, 1<<20, ".pdf") {
		lines, err := media.PDFLines(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			f.Fatal(err)
		}
		var s strings.Builder
		for _, l := range lines {
			s.WriteString(l.Text + "\n")
		}
		f.Add(s.String())
	}
}
