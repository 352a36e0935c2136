package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// manyFiles is n members named like folders.zip's ("f000000/a.txt"),
// each holding its own name, so that a member read back shows it is the
// right one.
func manyFiles(n int, method uint16) []zfile {
	fs := make([]zfile, n)
	for i := range fs {
		name := fmt.Sprintf("f%06d/a.txt", i)
		fs[i] = zfile{name: name, data: []byte(name), method: method}
	}
	return fs
}

// A listed entry must not hold archive/zip's File, closures or a copy of
// the directory: folders.zip (200,000 members) kept 561 bytes per entry
// and 107 MiB in all before; about 166 after.
func TestEntryMemoryKept(t *testing.T) {
	const n = 20_000
	z := makeZip(t, manyFiles(n, zip.Store)...)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	tree := open(t, Options{}, fileInput("folders.zip", z))
	runtime.GC()
	runtime.ReadMemStats(&after)
	if len(tree.Entries) != n {
		t.Fatalf("got %d entries, want %d", len(tree.Entries), n)
	}
	per := (int64(after.HeapAlloc) - int64(before.HeapAlloc)) / n
	t.Logf("%d bytes kept per entry (estimate %d)", per, entryCost(len("f000000/a.txt")))
	if per > 256 {
		t.Errorf("got %d bytes kept per entry, want at most 256", per)
	}
	// Objects matter beside bytes: in the browser the collector marks
	// them without yielding to the page. An entry is one object; its
	// names share blocks.
	objs := float64(int64(after.HeapObjects)-int64(before.HeapObjects)) / n
	t.Logf("%.2f objects kept per entry", objs)
	if objs > 1.2 {
		t.Errorf("got %.2f objects kept per entry, want about 1: the Entry, its names in shared blocks", objs)
	}
	if per > entryCost(len("f000000/a.txt")) {
		t.Errorf("got %d bytes kept per entry, more than entryCost charges (%d)", per, entryCost(len("f000000/a.txt")))
	}
	// archive/zip reads the directory a chunk at a time: members of every
	// chunk open as themselves.
	for i := 0; i < n; i += 997 {
		e := tree.Entries[i]
		if b := mustRead(t, e); string(b) != e.Path {
			t.Fatalf("%s reads %q, want its name", e.Path, b)
		}
	}
	runtime.KeepAlive(tree)
}

// Members are opened from their central directory record alone: every
// way in (Open, Section, Locate) gives the member's own bytes, compressed
// or stored, also when data is prepended to the archive (a self-extractor,
// where archive/zip's offsets are relative to a base).
func TestEntryOpensFromItsRecord(t *testing.T) {
	files := append(manyFiles(50, zip.Store), manyFiles(50, zip.Deflate)...)
	for i := range files[50:] {
		files[50+i].name = "d/" + files[50+i].name
	}
	plain := makeZip(t, files...)
	for name, data := range map[string][]byte{
		"plain.zip":     plain,
		"prepended.zip": append(bytes.Repeat([]byte("MZ stub "), 512), plain...),
	} {
		t.Run(name, func(t *testing.T) {
			tree := open(t, Options{}, fileInput(name, data))
			wantNoProblems(t, tree)
			if len(tree.Entries) != len(files) {
				t.Fatalf("got %d entries, want %d", len(tree.Entries), len(files))
			}
			for _, e := range tree.Entries {
				want := strings.TrimPrefix(e.Path, "d/")
				if got := string(mustRead(t, e)); got != want {
					t.Fatalf("%s: got %q, want %q", e.Path, got, want)
				}
				stored := !strings.HasPrefix(e.Path, "d/")
				ra, ok := e.Section()
				if ok != stored {
					t.Fatalf("%s: Section ok %v, want %v", e.Path, ok, stored)
				}
				sp, located := e.Locate()
				if located != stored {
					t.Fatalf("%s: Locate ok %v, want %v", e.Path, located, stored)
				}
				if !stored {
					continue
				}
				buf := make([]byte, e.Size)
				if _, err := ra.ReadAt(buf, 0); err != nil || string(buf) != want {
					t.Fatalf("%s: Section reads %q (%v), want %q", e.Path, buf, err, want)
				}
				if got := string(data[sp.Offset : sp.Offset+e.Size]); got != want {
					t.Fatalf("%s: Locate points at %q, want %q", e.Path, got, want)
				}
				if sp2, _ := e.Locate(); sp2 != sp {
					t.Fatalf("%s: Locate again gives %+v, want %+v", e.Path, sp2, sp)
				}
			}
		})
	}
}

// Entries are charged to the memory set aside for them before they are
// made: past it an archive is listed in part, one problem names it, and
// what is listed opens. The records of the export get what is left.
func TestEntryMemoryStopsListing(t *testing.T) {
	const n = 5000
	cost := entryCost(len("f000000/a.txt"))
	mem := cost * n / 2
	zipData := makeZip(t, manyFiles(n, zip.Deflate)...)
	var tarFiles []tfile
	fsys := fstest.MapFS{}
	for _, f := range manyFiles(n, zip.Store) {
		tarFiles = append(tarFiles, tfile{f.name, f.data})
		fsys[f.name] = &fstest.MapFile{Data: f.data}
	}
	for _, tc := range []struct {
		name string
		in   Input
		want string
	}{
		{"folders.zip", fileInput("folders.zip", zipData), fmt.Sprintf(" of %d entries are listed: ", n)},
		{"folders.tar", fileInput("folders.tar", makeTar(t, tarFiles...)), " entries are listed: "},
		{"folders", Input{Name: "folders", FS: fsys}, " entries are listed: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree := open(t, limits(func(l *Limits) { l.MaxEntryMemory = mem }), tc.in)
			got := len(tree.Entries)
			if got == 0 || got >= n || int64(got)*cost > mem {
				t.Errorf("got %d entries listed, want some, fewer than %d, within %d bytes", got, n, mem)
			}
			p := wantProblem(t, tree, ErrEntryMemory, tc.name)
			if want := fmt.Sprintf("only the first %d", got); !strings.Contains(p.Error(), want) || !strings.Contains(p.Error(), tc.want) {
				t.Errorf("got %q, want it to say %q and %q", p.Error(), want, tc.want)
			}
			if len(tree.Problems) != 1 {
				t.Errorf("got problems %v, want one", tree.Problems)
			}
			last := tree.Entries[got-1]
			if b := mustRead(t, last); string(b) != last.Path {
				t.Errorf("%s reads %q, want its name", last.Path, b)
			}
			left, _ := tree.MemoryLeft()
			if max := DefaultLimits().MaxMemory - int64(got)*cost; left > max {
				t.Errorf("got %d bytes left for records, want the entries charged: at most %d", left, max)
			}
		})
	}
}

// An export of tens of thousands of recordings is listed whole, and the
// records keep most of the memory.
func TestEntryMemoryFitsRealExports(t *testing.T) {
	const n = 40_000
	var fs []zfile
	for i := range n {
		fs = append(fs, zfile{name: fmt.Sprintf("Alexa.VoiceHistory/media/2024-03-01T10_15_%05d.000Z_amzn1.ask.skill.%08d.wav", i, i), method: zip.Store})
	}
	tree := open(t, Options{}, fileInput("Alexa.zip", makeZip(t, fs...)))
	wantNoProblems(t, tree)
	if len(tree.Entries) != n {
		t.Errorf("got %d entries, want all %d", len(tree.Entries), n)
	}
	if left, _ := tree.MemoryLeft(); left < DefaultLimits().MaxMemory/2 {
		t.Errorf("got %d bytes left for records, want at least half the budget", left)
	}
}

// A nested archive's entries draw on the same memory as its parent's.
func TestEntryMemoryNested(t *testing.T) {
	const n = 3000
	cost := entryCost(len("inner.zip!f000000/a.txt"))
	inner := makeZip(t, manyFiles(n, zip.Store)...)
	outer := makeZip(t, append(manyFiles(n, zip.Store), zfile{name: "z/inner.zip", data: inner, method: zip.Store})...)
	tree := open(t, limits(func(l *Limits) { l.MaxEntryMemory = cost * n * 3 / 2 }), fileInput("outer.zip", outer))
	p := problem(tree, ErrEntryMemory, "outer.zip!z/inner.zip")
	if p == nil || !errors.Is(p, ErrEntryMemory) {
		t.Fatalf("got problems %v, want the nested archive listed in part", tree.Problems)
	}
	if got := len(tree.Entries); got <= n || got >= 2*n {
		t.Errorf("got %d entries, want all %d of outer.zip and part of inner.zip", got, n)
	}
}
