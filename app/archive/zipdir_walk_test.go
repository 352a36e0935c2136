package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"testing"
	"time"
)

// TestZipWalkReadsAsArchiveZip: the listing comes from our own walk of the
// central directory, and archive/zip reads a member when it is opened. Over
// many generated directories (folders by name, by MS-DOS attribute and by
// Unix mode, symbolic links, legacy and UTF-8 names with and without the
// UTF-8 flag, extended timestamps or none, stored and deflated members),
// what is listed is what archive/zip's reading implies: the same members
// skipped, the same names and sizes, the same instant of modification, and
// every listed member opens.
func TestZipWalkReadsAsArchiveZip(t *testing.T) {
	names := []string{"a.txt", "Alexa/b.csv", "dir/", "Fotos/Gr\xfc\xdfe.jpg", "Grüße/ü.wav", "x\\y.txt", "~tilde.txt", "plain"}
	modes := []fs.FileMode{0o644, fs.ModeDir | 0o755, fs.ModeSymlink | 0o777, 0o600}
	for seed := range 200 {
		rng := rand.New(rand.NewPCG(uint64(seed), 9))
		var buf bytes.Buffer
		w := zip.NewWriter(&buf)
		n := 1 + rng.IntN(12)
		for i := range n {
			name := fmt.Sprintf("%d-%s", i, names[rng.IntN(len(names))])
			h := &zip.FileHeader{Name: name, Method: []uint16{zip.Store, zip.Deflate}[rng.IntN(2)]}
			if rng.IntN(2) == 0 {
				h.Modified = time.Unix(int64(1.6e9)+rng.Int64N(1e8), 0) // with an extended timestamp
			} else {
				//lint:ignore SA1019 an MS-DOS time without an extended timestamp is what this case writes
				h.ModifiedDate, h.ModifiedTime = uint16(44<<9|3<<5|7), uint16(10<<11|15<<5|4) // MS-DOS only
			}
			switch rng.IntN(3) {
			case 0:
				h.SetMode(modes[rng.IntN(len(modes))]) // Unix creator
			case 1:
				h.CreatorVersion = 0 // FAT, MS-DOS attributes
				h.ExternalAttrs = uint32(rng.IntN(2)) << 4
			}
			if rng.IntN(3) == 0 {
				h.Flags |= 0x800
			}
			h.NonUTF8 = rng.IntN(4) == 0
			fw, err := w.CreateHeader(h)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(fw, "member %d of seed %d", i, seed)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		tree, err := Open(context.Background(), []Input{{Name: "x.zip", R: bytes.NewReader(data), Size: int64(len(data))}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		listed := map[string]*Entry{}
		for _, e := range tree.Entries {
			listed[e.rawName()] = e
		}
		want := 0
		for _, f := range zr.File {
			m := f.Mode()
			e := listed[f.Name]
			if m.IsDir() || m&fs.ModeSymlink != 0 {
				if e != nil {
					t.Errorf("seed %d: %q (mode %v) is listed", seed, f.Name, m)
				}
				continue
			}
			want++
			if e == nil {
				t.Errorf("seed %d: %q (mode %v) is not listed", seed, f.Name, m)
				continue
			}
			if p, _ := cleanName(decodeLegacy(f.Name, f.NonUTF8)); e.Path != p {
				t.Errorf("seed %d: %q listed as %q, want %q (NonUTF8 %v)", seed, f.Name, e.Path, p, f.NonUTF8)
			}
			if e.Size != int64(f.UncompressedSize64) || !e.Modified.Equal(f.Modified) {
				t.Errorf("seed %d: %q: size %d, modified %v; archive/zip: %d, %v", seed, f.Name, e.Size, e.Modified, f.UncompressedSize64, f.Modified)
			}
			rc, err := e.Open()
			if err != nil {
				t.Errorf("seed %d: opening %q: %v", seed, f.Name, err)
				continue
			}
			rc.Close()
		}
		if len(tree.Entries) != want {
			t.Errorf("seed %d: %d entries listed, want %d", seed, len(tree.Entries), want)
		}
		tree.Close()
	}
}
