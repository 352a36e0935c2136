package media

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"exportlens/app/archive"
)

// fixtureMedia returns the first bytes (at most limit) of every member of the
// committed fixtures whose name ends in ext: real-shaped WAV, MP3 and PDF
// files as fuzz seeds.
func fixtureMedia(f *testing.F, ext string, limit int64, most int) [][]byte {
	f.Helper()
	ins, _ := filepath.Glob("../../testdata/fixtures/*/input/*.zip")
	var out [][]byte
	for _, in := range ins {
		file, err := os.Open(in)
		if err != nil {
			f.Fatal(err)
		}
		defer file.Close()
		st, err := file.Stat()
		if err != nil {
			f.Fatal(err)
		}
		tree, err := archive.Open(context.Background(), []archive.Input{{Name: st.Name(), R: file, Size: st.Size()}}, archive.Options{})
		if err != nil {
			f.Fatal(err)
		}
		defer tree.Close()
		for _, e := range tree.Entries {
			if !strings.HasSuffix(strings.ToLower(e.Path), ext) || len(out) >= most {
				continue
			}
			rc, err := e.Open()
			if err != nil {
				f.Fatalf("%s: %v", e.Name(), err)
			}
			b, err := io.ReadAll(io.LimitReader(rc, limit))
			rc.Close()
			if err != nil {
				f.Fatalf("%s: %v", e.Name(), err)
			}
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		f.Fatalf("no %s member in the fixtures", ext)
	}
	return out
}
