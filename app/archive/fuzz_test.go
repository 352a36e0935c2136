package archive

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func FuzzOpen(f *testing.F) {
	inner := makeZip(f, zfile{name: "in.txt", data: []byte("inner"), method: zip.Deflate})
	seeds := [][]byte{
		makeZip(f,
			zfile{name: "a.txt", data: []byte("hello"), method: zip.Store},
			zfile{name: "../b.txt", data: []byte("world world world"), method: zip.Deflate},
			zfile{name: "n.zip", data: inner, method: zip.Store},
			zfile{name: "d.zip", data: inner, method: zip.Deflate},
			zfile{name: "x.wav", data: []byte("raw"), method: 9},
		),
		makeTar(f, tfile{"a.txt", []byte("tar")}, tfile{"z.zip", inner}),
		gzipBytes(f, makeTar(f, tfile{"g.txt", []byte("tgz")})),
		append(append(localHeader("a", []byte("data")), centralHeader("a", 4, 0)...), endRecord(1, 50, 34)...),
	}
	// Real-shaped exports: every committed fixture input small enough to
	// mutate quickly.
	ins, _ := filepath.Glob("../../testdata/fixtures/*/input/*")
	for _, in := range ins {
		if st, err := os.Stat(in); err == nil && st.Mode().IsRegular() && st.Size() <= 256<<10 {
			b, err := os.ReadFile(in)
			if err != nil {
				f.Fatal(err)
			}
			seeds = append(seeds, b)
		}
	}
	if len(seeds) < 6 {
		f.Fatalf("only %d seeds: are the fixtures under testdata/fixtures?", len(seeds))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	lim := Limits{MaxEntries: 1000, MaxTotalBytes: 1 << 20, MaxEntrySize: 1 << 20, MaxDepth: 3, MaxInflate: 1 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.zip", "f.tgz"} {
			tree, err := Open(context.Background(), []Input{fileInput(name, data)}, Options{Limits: &lim})
			if err != nil {
				t.Fatalf("Open failed on input data: %v", err)
			}
			if len(tree.Entries) > lim.MaxEntries {
				t.Fatalf("got %d entries over the limit %d", len(tree.Entries), lim.MaxEntries)
			}
			for _, e := range tree.Entries {
				rc, err := e.Open()
				if err != nil {
					continue
				}
				n, _ := io.Copy(io.Discard, rc)
				rc.Close()
				if n > e.Size {
					t.Fatalf("%s: read %d bytes, declared %d", e.Name(), n, e.Size)
				}
			}
			tree.Close()
		}
	})
}
