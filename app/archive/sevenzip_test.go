package archive

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// The 7z fixtures are written by go run ./cmd/mkexport -7z-variants
// app/archive/testdata/sevenzip (see cmd/mkexport/sevenzip_variants.go).
const sevenDir = "testdata/sevenzip"

// sevenVariants are the readable variants: every method and layout.
var sevenVariants = []string{"lzma2-solid.7z", "lzma-solid.7z", "ppmd.7z", "bzip2.7z", "deflate.7z",
	"copy.7z", "nonsolid.7z", "bcj2.7z", "plain-header.7z"}

func read7z(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sevenDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sevenManifest is what the generator wrote into every variant: path ->
// "size sha256".
func sevenManifest(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(sevenDir, "manifest.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		p := strings.Split(sc.Text(), "\t")
		m[p[0]] = p[1] + " " + p[2]
	}
	if len(m) == 0 {
		t.Fatal("empty manifest")
	}
	return m
}

func digest(b []byte) string {
	return strconv.Itoa(len(b)) + " " + fmt.Sprintf("%x", sha256.Sum256(b))
}

// TestSevenZipVariants: without an Unpacker (as in the browser), every
// variant lists exactly the members the generator wrote, with their bytes,
// also when read in reverse order (a solid folder decoded again from its
// start), and the nested ZIP's members too.
func TestSevenZipVariants(t *testing.T) {
	want := sevenManifest(t)
	for _, name := range sevenVariants {
		t.Run(name, func(t *testing.T) {
			tree := open(t, Options{}, fileInput(name, read7z(t, name)))
			wantNoProblems(t, tree)
			got := map[string]string{}
			var nested []*Entry
			for _, e := range slices.Backward(tree.Entries) {
				if e.Part != name {
					nested = append(nested, e)
					continue
				}
				got[e.Path] = digest(mustRead(t, e))
				if e.Size != int64(len(mustRead(t, e))) {
					t.Errorf("%s: Size %d differs from its bytes", e.Path, e.Size)
				}
			}
			delete(want, "Devices.Registration.zip") // opened: its members stand for it
			for p, w := range want {
				if got[p] != w {
					t.Errorf("%s: got %q, want %q", p, got[p], w)
				}
			}
			if len(got) != len(want) {
				t.Errorf("got members %v, want %d", slices.Sorted(mapKeys(got)), len(want))
			}
			if len(nested) != 1 || nested[0].Name() != name+"!Devices.Registration.zip!Devices.Registration/Devices.Registration.csv" {
				t.Fatalf("got nested %v, want the nested ZIP's one member", nested)
			}
			if b := string(mustRead(t, nested[0])); !strings.Contains(b, "G070RQ0000000001") {
				t.Errorf("nested member holds %q", b)
			}
		})
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestSevenZipEncrypted: a password-protected 7z is one problem naming the
// file, not one per member, and the Unpacker is not asked to try.
func TestSevenZipEncrypted(t *testing.T) {
	for _, tt := range []struct {
		name    string
		entries int
	}{{"encrypted.7z", 4}, {"encrypted-header.7z", 0}} {
		t.Run(tt.name, func(t *testing.T) {
			u := &fakeUnpacker{}
			tree := open(t, Options{Unpacker: u}, fileInput(tt.name, read7z(t, tt.name)))
			if len(tree.Problems) != 1 {
				t.Fatalf("got problems %v, want one", tree.Problems)
			}
			p := tree.Problems[0]
			if !errors.Is(p, ErrEncrypted) || p.Part != tt.name || !strings.Contains(p.Error(), "password-protected") {
				t.Errorf("got %v, want ErrEncrypted naming %s and saying password-protected", p, tt.name)
			}
			if u.calls != 0 {
				t.Errorf("the Unpacker was called %d times, want 0", u.calls)
			}
			locked := 0
			for _, e := range tree.Entries {
				if e.Encrypted {
					locked++
					if _, err := e.Open(); !errors.Is(err, ErrEncrypted) {
						t.Errorf("%s: Open gave %v, want ErrEncrypted", e.Path, err)
					}
				}
			}
			if locked != tt.entries {
				t.Errorf("got %d encrypted entries (of %v), want %d", locked, names(tree), tt.entries)
			}
		})
	}
}

// TestSevenZipNested: a 7z is recognised inside a ZIP, stored or
// compressed, and the ZIP inside it too; MaxDepth holds across them.
func TestSevenZipNested(t *testing.T) {
	sz := read7z(t, "lzma2-solid.7z")
	deep := "outer.zip!inner/export.7z!Devices.Registration.zip!Devices.Registration/Devices.Registration.csv"
	for _, method := range []uint16{0, 8} {
		t.Run(fmt.Sprint("method ", method), func(t *testing.T) {
			outer := makeZip(t, zfile{name: "inner/export.7z", data: sz, method: method})
			tree := open(t, Options{}, fileInput("outer.zip", outer))
			wantNoProblems(t, tree)
			if got := string(mustRead(t, mustFind(t, tree, "outer.zip!inner/export.7z", "Küche/notiz.txt"))); got != "Kaffee kaufen\n" {
				t.Errorf("got %q", got)
			}
			if !slices.Contains(names(tree), deep) {
				t.Errorf("got %v, want %s", names(tree), deep)
			}
		})
	}
	t.Run("too deep", func(t *testing.T) {
		outer := makeZip(t, zfile{name: "inner/export.7z", data: sz, method: 0})
		tree := open(t, limits(func(l *Limits) { l.MaxDepth = 1 }), fileInput("outer.zip", outer))
		p := wantProblem(t, tree, ErrTooDeep, "outer.zip!inner/export.7z")
		if p.Path != "Devices.Registration.zip" {
			t.Errorf("got %v, want it to name the nested ZIP", p)
		}
		mustFind(t, tree, "outer.zip!inner/export.7z", "Devices.Registration.zip")
	})
	t.Run("not a 7z", func(t *testing.T) {
		outer := makeZip(t, zfile{name: "fake.7z", data: []byte("just text"), method: 0})
		tree := open(t, Options{}, fileInput("outer.zip", outer))
		if got := string(mustRead(t, mustFind(t, tree, "outer.zip", "fake.7z"))); got != "just text" {
			t.Errorf("got %q; a member that is no 7z stays a file", got)
		}
	})
}

// TestSevenZipRatioBomb: 256 MiB of zeros in 39 KB, one solid block of
// note.txt, zeros.bin, zz-after.bin. Listing decodes nothing; the limits
// refuse the zeros and what lies after them (reaching it decodes the
// zeros first), not what lies before; reading is bounded by the declared
// size.
func TestSevenZipRatioBomb(t *testing.T) {
	b := read7z(t, "zeros-256m.7z")
	t.Run("listing decodes nothing", func(t *testing.T) {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		tree := open(t, Options{}, fileInput("zeros.7z", b))
		runtime.ReadMemStats(&after)
		if got := after.TotalAlloc - before.TotalAlloc; got > 4<<20 {
			t.Errorf("Open allocated %d bytes, want under 4 MiB", got)
		}
		e := mustFind(t, tree, "zeros.7z", "zeros.bin")
		if e.Size != 256<<20 {
			t.Fatalf("got size %d", e.Size)
		}
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.CopyN(io.Discard, rc, 1<<20)
		rc.Close()
		if n != 1<<20 || err != nil {
			t.Errorf("got %d bytes, %v", n, err)
		}
	})
	t.Run("over MaxEntrySize", func(t *testing.T) {
		tree := open(t, limits(func(l *Limits) { l.MaxEntrySize = 64 << 20 }), fileInput("zeros.7z", b))
		p := wantProblem(t, tree, ErrTooLarge, "zeros.7z")
		if !strings.Contains(p.Error(), "2 entries") {
			t.Errorf("got %v, want zeros.bin and zz-after.bin refused", p)
		}
		for _, name := range []string{"zeros.bin", "zz-after.bin"} {
			if _, err := mustFind(t, tree, "zeros.7z", name).Open(); !errors.Is(err, ErrTooLarge) {
				t.Errorf("%s: got %v, want ErrTooLarge", name, err)
			}
		}
		if got := string(mustRead(t, mustFind(t, tree, "zeros.7z", "note.txt"))); got != "still here\n" {
			t.Errorf("note.txt: got %q", got)
		}
	})
	t.Run("ample limits", func(t *testing.T) {
		if testing.Short() {
			t.Skip("decodes 256 MiB (3 s natively, 9 s in wasm)")
		}
		tree := open(t, Options{}, fileInput("zeros.7z", b))
		if got := string(mustRead(t, mustFind(t, tree, "zeros.7z", "zz-after.bin"))); got != "still here\n" {
			t.Errorf("got %q", got)
		}
	})
}

// TestSevenZipLiveDecoders: members of many folders opened and closed
// before their end leave readers (each with its dictionary) in the
// decoder's pools; sevenSource drops them before they pass
// sevenLiveMemory, and the bytes stay right.
func TestSevenZipLiveDecoders(t *testing.T) {
	want := sevenManifest(t)
	b := read7z(t, "nonsolid.7z")
	// A limit that each folder's decoders (runtime.NumCPU of them) fit
	// and two do not.
	var one int64
	for _, e := range open(t, Options{}, fileInput("nonsolid.7z", b)).Entries {
		if z, ok := e.src.(*sevenSource); ok {
			for _, f := range z.folders {
				one = max(one, f.mem*int64(runtime.NumCPU()))
			}
		}
	}
	tree := open(t, limits(func(l *Limits) { l.MaxMemory = one * 3 / 2 }), fileInput("nonsolid.7z", b))
	var src *sevenSource
	for range 3 {
		for _, e := range tree.Entries {
			if e.Part != "nonsolid.7z" || e.Size == 0 {
				continue
			}
			src = e.src.(*sevenSource)
			rc, err := e.Open()
			if err != nil {
				t.Fatal(err)
			}
			rc.Read(make([]byte, 1))
			rc.Close()
			if src.liveMem > max(src.liveMax, src.folders[0].mem*int64(runtime.NumCPU())) {
				t.Fatalf("decoders of %d bytes kept, over %d", src.liveMem, src.liveMax)
			}
			if got := digest(mustRead(t, e)); got != want[e.Path] {
				t.Errorf("%s: got %s, want %s", e.Path, got, want[e.Path])
			}
		}
	}
	if src.resets == 0 {
		t.Errorf("the decoder was never parsed again; folders hold %v", src.folders)
	}
}

// Hand-made 7z archives with hostile headers. num7 writes a 7z NUMBER in
// its longest form (0xff and eight bytes), which every reader accepts.
func num7(v uint64) []byte { return binary.LittleEndian.AppendUint64([]byte{0xff}, v) }

func make7z(body, header []byte) []byte {
	start := make([]byte, sevenStartLen, sevenStartLen+len(body)+len(header))
	copy(start, "7z\xbc\xaf\x27\x1c\x00\x04")
	binary.LittleEndian.PutUint64(start[12:], uint64(len(body)))
	binary.LittleEndian.PutUint64(start[20:], uint64(len(header)))
	binary.LittleEndian.PutUint32(start[28:], crc32.ChecksumIEEE(header))
	binary.LittleEndian.PutUint32(start[8:], crc32.ChecksumIEEE(start[12:32]))
	return append(append(start, body...), header...)
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// folder7 is a main streams info of one packed stream of n bytes and one
// folder of the coder id with props, unpacking to size bytes.
func folder7(n uint64, id, props []byte, size uint64) []byte {
	return cat([]byte{k7MainStreamsInfo, k7PackInfo}, num7(0), num7(1), []byte{k7Size}, num7(n), []byte{k7End},
		[]byte{k7UnpackInfo, k7Folder}, num7(1), []byte{0}, num7(1), []byte{byte(len(id)) | 0x20}, id, num7(uint64(len(props))), props,
		[]byte{k7CodersUnpackSize}, num7(size), []byte{k7End, k7End})
}

// TestSevenZipHostileHeaders: counts and sizes the header declares are
// refused before anything is allocated for them; each is one problem
// naming the file, and nothing panics.
func TestSevenZipHostileHeaders(t *testing.T) {
	files := func(n uint64) []byte { return cat([]byte{k7FilesInfo}, num7(n), []byte{0}) }
	tests := []struct {
		name string
		data []byte
		lim  func(*Limits)
		want error
	}{
		{"4 billion files", make7z(nil, cat([]byte{k7Header}, files(1<<32-1), []byte{k7End})), nil, ErrTooManyEntries},
		{"4 billion folders", make7z(nil, cat([]byte{k7Header, k7MainStreamsInfo, k7UnpackInfo, k7Folder}, num7(1<<32-1), []byte{0})), nil, ErrTooManyEntries},
		{"4 billion packed streams", make7z(nil, cat([]byte{k7Header, k7MainStreamsInfo, k7PackInfo}, num7(0), num7(1<<32-1), []byte{k7End})), nil, ErrTooManyEntries},
		{"a 4 GiB LZMA2 dictionary", make7z(make([]byte, 16), cat([]byte{k7Header}, folder7(16, []byte{0x21}, []byte{40}, 1000), files(1), []byte{k7End})), nil, ErrUnsupported},
		{"a 4 GiB PPMd model", make7z(make([]byte, 16), cat([]byte{k7Header}, folder7(16, []byte{3, 4, 1}, []byte{6, 0xff, 0xff, 0xff, 0xff}, 1000), files(1), []byte{k7End})), nil, ErrUnsupported},
		{"an unknown method", make7z(make([]byte, 16), cat([]byte{k7Header}, folder7(16, []byte{0x7f, 0x7f}, nil, 1000), files(1), []byte{k7End})), nil, ErrUnsupported},
		{"header past the end", func() []byte {
			b := make7z(nil, []byte{k7Header, k7End})
			binary.LittleEndian.PutUint64(b[20:], 1<<40)
			binary.LittleEndian.PutUint32(b[8:], crc32.ChecksumIEEE(b[12:32]))
			return b
		}(), nil, ErrTruncated},
		{"header over the memory", make7z(nil, cat([]byte{k7Header, k7End}, make([]byte, 8<<10))), func(l *Limits) { l.MaxEntryMemory = 4 << 10 }, ErrEntryMemory},
		{"header cut short", make7z(nil, cat([]byte{k7Header, k7MainStreamsInfo, k7PackInfo}, num7(0))), nil, ErrTruncated},
		{"bad checksum", func() []byte { b := make7z(nil, []byte{k7Header, k7End}); b[len(b)-1] ^= 1; return b }(), nil, ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{}
			if tt.lim != nil {
				opt = limits(tt.lim)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			tree := open(t, opt, fileInput("hostile.7z", tt.data))
			runtime.ReadMemStats(&after)
			if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
				t.Errorf("Open allocated %d bytes, want under 1 MiB", got)
			}
			if len(tree.Problems) != 1 || !errors.Is(tree.Problems[0], tt.want) || tree.Problems[0].Part != "hostile.7z" {
				t.Errorf("got problems %v, want one %v naming hostile.7z", tree.Problems, tt.want)
			}
		})
	}
}

// TestSevenZipSolidOrder: reading a solid folder's members in archive
// order decodes its packed bytes about once (each member's reader is left
// waiting at the next member); in reverse order every member decodes the
// folder again from its start.
func TestSevenZipSolidOrder(t *testing.T) {
	b := read7z(t, "lzma2-solid.7z")
	var read atomic.Int64
	tree := open(t, Options{Read: &read}, fileInput("solid.7z", b))
	var members []*Entry
	for _, e := range tree.Entries {
		if e.Part == "solid.7z" && e.Size > 0 {
			members = append(members, e)
		}
	}
	slices.SortFunc(members, func(a, b *Entry) int { return int(a.at - b.at) })
	cost := func(order []*Entry) int64 {
		before := read.Load()
		for _, e := range order {
			mustRead(t, e)
		}
		return read.Load() - before
	}
	forward := cost(members)
	backward := cost(slices.Collect(func(yield func(*Entry) bool) {
		for _, e := range slices.Backward(members) {
			if !yield(e) {
				return
			}
		}
	}))
	t.Logf("archive %d bytes; read %d in order, %d in reverse", len(b), forward, backward)
	if forward > int64(len(b))*3/2 {
		t.Errorf("in order: read %d bytes of a %d-byte archive, want each about once", forward, len(b))
	}
	if backward < 2*forward {
		t.Errorf("in reverse: read %d bytes, in order %d: the measure does not see the work", backward, forward)
	}
}

// TestSevenZipDeepSolid: deep-solid.7z holds a voice history behind
// 256 MiB of zeros in one solid block; it is read through them (by
// sevenSource.skip, which yields as it goes) and comes out whole.
func TestSevenZipDeepSolid(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 256 MiB (3 s natively, 9 s in wasm)")
	}
	want := sevenManifest(t)
	tree := open(t, Options{}, fileInput("deep.7z", read7z(t, "deep-solid.7z")))
	wantNoProblems(t, tree)
	for _, p := range []string{"Alexa.VoiceHistory/Alexa.VoiceHistory.csv", "Retail.CustomerProfile/profile.json"} {
		if got := digest(mustRead(t, mustFind(t, tree, "deep.7z", p))); got != want[p] {
			t.Errorf("%s: got %s, want %s", p, got, want[p])
		}
	}
}

// TestSevenZipNestedOverBudget: archives inside a 7z that do not fit the
// in-memory budget for nested archives are one problem without an
// Unpacker (the browser), the rest listed; with one (the command) the 7z
// goes to it, which unpacks to disk.
func TestSevenZipNestedOverBudget(t *testing.T) {
	b := read7z(t, "lzma2-solid.7z")
	small := limits(func(l *Limits) { l.MaxInflate = 100 }) // Devices.Registration.zip has 278 bytes
	tree := open(t, small, fileInput("x.7z", b))
	wantProblem(t, tree, ErrInflateBudget, "x.7z")
	mustFind(t, tree, "x.7z", "Retail.CustomerProfile/profile.json")
	u := &fakeUnpacker{fsys: fstest.MapFS{"a.txt": {Data: []byte("a")}}}
	small.Unpacker = u
	tree = open(t, small, fileInput("x.7z", b))
	wantNoProblems(t, tree)
	if u.calls != 1 || len(tree.Entries) != 1 || tree.Entries[0].Name() != "x.7z!a.txt" {
		t.Errorf("got %d Unpacker calls and entries %v, want 1 and x.7z!a.txt", u.calls, names(tree))
	}
	tree = open(t, Options{Unpacker: u}, fileInput("x.7z", b))
	if u.calls != 1 || find(tree, "x.7z!Devices.Registration.zip", "Devices.Registration/Devices.Registration.csv") == nil {
		t.Errorf("with room, got %d Unpacker calls (want still 1) and entries %v", u.calls, names(tree))
	}
}

// TestSevenZipRarInTar: a 7z and a RAR inside a tar, plain (read in
// place) or gzipped (buffered), open as archives.
func TestSevenZipRarInTar(t *testing.T) {
	tr := makeTar(t, tfile{"in/x.7z", read7z(t, "lzma2-solid.7z")}, tfile{"in/y.rar", readRar(t, "stored5.rar")})
	for name, b := range map[string][]byte{"e.tar": tr, "e.tgz": gzipBytes(t, tr)} {
		t.Run(name, func(t *testing.T) {
			tree := open(t, Options{}, fileInput(name, b))
			wantNoProblems(t, tree)
			for _, part := range []string{name + "!in/x.7z", name + "!in/y.rar"} {
				if got := string(mustRead(t, mustFind(t, tree, part, "Küche/notiz.txt"))); got != "Kaffee kaufen\n" {
					t.Errorf("%s: got %q", part, got)
				}
			}
		})
	}
}

// TestSevenZipRarConcurrent: members of one 7z or RAR read from several
// goroutines at once (the viewer loads while a preview reads) come out
// whole; run with -race it checks sevenSource and rarSource share safely.
func TestSevenZipRarConcurrent(t *testing.T) {
	want := sevenManifest(t)
	for name, b := range map[string][]byte{"solid.7z": read7z(t, "lzma2-solid.7z"), "nonsolid.7z": read7z(t, "nonsolid.7z"), "x.rar": readRar(t, "stored5.rar")} {
		t.Run(name, func(t *testing.T) {
			tree := open(t, Options{}, fileInput(name, b))
			var wg sync.WaitGroup
			for g := range 4 {
				wg.Go(func() {
					for k := range tree.Entries {
						e := tree.Entries[(k+g)%len(tree.Entries)]
						if e.Part != name {
							continue
						}
						got, err := read(e)
						if err != nil || digest(got) != want[e.Path] {
							t.Errorf("%s: got %s, %v; want %s", e.Path, digest(got), err, want[e.Path])
						}
					}
				})
			}
			wg.Wait()
		})
	}
}
