package archive

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The RAR fixtures are written by go run ./cmd/mkexport -rar-variants
// app/archive/testdata/rar (stored members: no free tool compresses RAR);
// they hold the members of the 7z variants (testdata/sevenzip/manifest.txt).
func readRar(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata/rar", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRarVariants: without an Unpacker (as in the browser) RAR 5 and RAR 4
// archives list the members the generator wrote, with their bytes, and
// the ZIP inside them opens.
func TestRarVariants(t *testing.T) {
	want := sevenManifest(t)
	delete(want, "Devices.Registration.zip") // opened: its members stand for it
	for _, tt := range []struct {
		name  string
		skips []string // members the format cannot hold here
	}{{"stored5.rar", nil}, {"stored4.rar", []string{"Küche/notiz.txt"}}} {
		t.Run(tt.name, func(t *testing.T) {
			tree := open(t, Options{}, fileInput(tt.name, readRar(t, tt.name)))
			wantNoProblems(t, tree)
			got := map[string]string{}
			for _, e := range slices.Backward(tree.Entries) {
				if e.Part == tt.name {
					got[e.Path] = digest(mustRead(t, e))
				}
			}
			for p, w := range want {
				if slices.Contains(tt.skips, p) {
					continue
				}
				if got[p] != w {
					t.Errorf("%s: got %q, want %q", p, got[p], w)
				}
			}
			if len(got) != len(want)-len(tt.skips) {
				t.Errorf("got members %v, want %d", slices.Sorted(mapKeys(got)), len(want)-len(tt.skips))
			}
			nested := mustFind(t, tree, tt.name+"!Devices.Registration.zip", "Devices.Registration/Devices.Registration.csv")
			if b := string(mustRead(t, nested)); !strings.Contains(b, "G070RQ0000000001") {
				t.Errorf("nested member holds %q", b)
			}
		})
	}
}

// TestRarSolid: members of a solid RAR are read by decoding from the
// start; what lies after more than MaxEntrySize of it is refused, like a
// solid 7z's.
func TestRarSolid(t *testing.T) {
	b := readRar(t, "solid5.rar")
	tree := open(t, Options{}, fileInput("solid.rar", b))
	wantNoProblems(t, tree)
	for _, name := range []string{"zz-after.txt", "note.txt"} {
		if got := string(mustRead(t, mustFind(t, tree, "solid.rar", name))); got != "still here\n" {
			t.Errorf("%s: got %q", name, got)
		}
	}
	if got := len(mustRead(t, mustFind(t, tree, "solid.rar", "zeros.bin"))); got != 256<<10 {
		t.Errorf("zeros.bin: got %d bytes", got)
	}
	tree = open(t, limits(func(l *Limits) { l.MaxEntrySize = 128 << 10 }), fileInput("solid.rar", b))
	if p := wantProblem(t, tree, ErrTooLarge, "solid.rar"); !strings.Contains(p.Error(), "2 entries") {
		t.Errorf("got %v, want zeros.bin and zz-after.txt refused", p)
	}
	if _, err := mustFind(t, tree, "solid.rar", "zz-after.txt").Open(); !errors.Is(err, ErrTooLarge) {
		t.Errorf("zz-after.txt: got %v, want ErrTooLarge", err)
	}
}

// TestRarHostile: encrypted headers are one problem naming the file; more
// members than the limits allow are refused before the decoder lists
// them; a lying block size is damage, not a crash.
func TestRarHostile(t *testing.T) {
	r4 := readRar(t, "stored4.rar")
	locked4 := slices.Clone(r4)
	locked4[7+3] |= 0x80 // archive header flags: block headers encrypted
	binary.LittleEndian.PutUint16(locked4[7:], uint16(crc32.ChecksumIEEE(locked4[7+2:7+13])))
	// A RAR 5 archive encryption header after the signature: CRC32, size,
	// type 4, flags, version 0, flags 1 (a password check follows), KDF
	// count, salt, check.
	enc := []byte{0, 0, 0, 0, 0, 4, 0, 0, 1, 15}
	enc = append(enc, make([]byte, 16+12)...)
	enc[4] = byte(len(enc) - 5)
	locked5 := append([]byte("Rar!\x1a\x07\x01\x00"), enc...)
	binary.LittleEndian.PutUint32(locked5[8:], crc32.ChecksumIEEE(locked5[12:]))
	lying := slices.Clone(r4)
	binary.LittleEndian.PutUint32(lying[7+13+7:], 1<<31) // the first file's packed size
	tests := []struct {
		name string
		data []byte
		lim  func(*Limits)
		want error
	}{
		{"RAR 4, headers encrypted", locked4, nil, ErrEncrypted},
		{"RAR 5, headers encrypted", locked5, nil, ErrEncrypted},
		{"more members than allowed", readRar(t, "stored5.rar"), func(l *Limits) { l.MaxEntries = 3 }, ErrTooManyEntries},
		{"lying packed size", lying, nil, ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{}
			if tt.lim != nil {
				opt = limits(tt.lim)
			}
			tree := open(t, opt, fileInput("hostile.rar", tt.data))
			if len(tree.Problems) != 1 || !errors.Is(tree.Problems[0], tt.want) || tree.Problems[0].Part != "hostile.rar" {
				t.Fatalf("got problems %v, want one %v naming hostile.rar", tree.Problems, tt.want)
			}
			if tt.want == ErrEncrypted && !strings.Contains(tree.Problems[0].Error(), "password-protected") {
				t.Errorf("got %v, want it to say password-protected", tree.Problems[0])
			}
		})
	}
}

// TestRar15Compression: a RAR 4 member compressed the RAR 1.5 way, which
// the pure-Go decoder cannot decode, sends the archive to the Unpacker
// (go-unarr in the command); without one it is one problem.
func TestRar15Compression(t *testing.T) {
	old := slices.Clone(readRar(t, "stored4.rar"))
	at := 7 + 13                      // the first file block
	old[at+24], old[at+25] = 15, 0x33 // version 1.5, method "normal"
	binary.LittleEndian.PutUint16(old[at:], uint16(crc32.ChecksumIEEE(old[at+2:at+int(binary.LittleEndian.Uint16(old[at+5:]))])))
	tree := open(t, Options{}, fileInput("old.rar", old))
	if p := wantProblem(t, tree, ErrUnsupported, "old.rar"); !strings.Contains(p.Error(), "RAR 1.5 compression") {
		t.Errorf("got %v, want it to name RAR 1.5 compression", p)
	}
	u := &fakeUnpacker{fsys: fstest.MapFS{"a.txt": {Data: []byte("a")}}}
	tree = open(t, Options{Unpacker: u}, fileInput("old.rar", old))
	wantNoProblems(t, tree)
	if u.calls != 1 || len(tree.Entries) != 1 || tree.Entries[0].Name() != "old.rar!a.txt" {
		t.Errorf("got %d Unpacker calls and entries %v, want 1 and old.rar!a.txt", u.calls, names(tree))
	}
}

// TestRarNestedOverBudget: as TestSevenZipNestedOverBudget for RAR.
func TestRarNestedOverBudget(t *testing.T) {
	b := readRar(t, "stored5.rar")
	small := limits(func(l *Limits) { l.MaxInflate = 100 })
	tree := open(t, small, fileInput("x.rar", b))
	wantProblem(t, tree, ErrInflateBudget, "x.rar")
	u := &fakeUnpacker{fsys: fstest.MapFS{"a.txt": {Data: []byte("a")}}}
	small.Unpacker = u
	tree = open(t, small, fileInput("x.rar", b))
	if u.calls != 1 || len(tree.Entries) != 1 {
		t.Errorf("got %d Unpacker calls and entries %v, want 1 and x.rar!a.txt", u.calls, names(tree))
	}
}
