package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestFolderInput(t *testing.T) {
	alexa := makeZip(t, zfile{name: "Alexa.VoiceHistory/media/1.wav", data: []byte("RIFF"), method: zip.Store})
	files := map[string][]byte{
		"registration.csv":     []byte("AccountName\n"),
		"deep/Alexa.zip":       alexa,
		"deep/broken.zip":      []byte("PK\x03\x04 not really"),
		"Retail/profile/1.csv": []byte("CustomerId\n"),
		"tars/t.tar":           makeTar(t, tfile{"in-tar.txt", []byte("tarred")}),
		"tars/t.tgz":           gzipBytes(t, makeTar(t, tfile{"in-tgz.txt", []byte("gzipped")})),
	}
	want := []string{
		"amazon/Retail/profile/1.csv",
		"amazon/deep/broken.zip",
		"amazon/registration.csv",
		"amazon/deep/Alexa.zip!Alexa.VoiceHistory/media/1.wav",
		"amazon/tars/t.tar!in-tar.txt",
		"amazon/tars/t.tgz!in-tgz.txt",
	}
	mapFS := fstest.MapFS{}
	dir := t.TempDir()
	for name, data := range files {
		mapFS[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		in   Input
	}{
		{"MapFS", Input{Name: "amazon", FS: mapFS}},
		{"DirFS", Input{Name: "amazon", FS: os.DirFS(dir)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree := open(t, Options{}, tc.in)
			if got := names(tree); !slices.Equal(got, want) {
				t.Fatalf("got %q, want %q", got, want)
			}
			p := wantProblem(t, tree, ErrTruncated, "amazon/deep/broken.zip")
			if p.Part != "amazon/deep/broken.zip" {
				t.Errorf("got problem part %q", p.Part)
			}
			if !tree.Inputs[0].Dir {
				t.Error("got Dir false for a folder input")
			}
			e := mustFind(t, tree, "amazon", "registration.csv")
			if got := string(mustRead(t, e)); got != "AccountName\n" {
				t.Errorf("got %q", got)
			}
			ra, ok := e.Section()
			if !ok {
				t.Fatal("got no Section for a folder file")
			}
			b := make([]byte, 7)
			if _, err := ra.ReadAt(b, 4); err != nil || string(b) != "untName" {
				t.Errorf("got %q, %v", b, err)
			}
			for _, c := range []struct{ part, path, data string }{
				{"amazon/deep/Alexa.zip", "Alexa.VoiceHistory/media/1.wav", "RIFF"},
				{"amazon/tars/t.tar", "in-tar.txt", "tarred"},
				{"amazon/tars/t.tgz", "in-tgz.txt", "gzipped"},
			} {
				if got := string(mustRead(t, mustFind(t, tree, c.part, c.path))); got != c.data {
					t.Errorf("%s: got %q, want %q", c.path, got, c.data)
				}
			}
			if _, ok := mustFind(t, tree, "amazon/deep/Alexa.zip", "Alexa.VoiceHistory/media/1.wav").Locate(); ok {
				t.Error("a member of a zip in a folder has no span in an input file")
			}
			if err := tree.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
}

func TestTarAndTgz(t *testing.T) {
	inner := makeZip(t, zfile{name: "z.txt", data: []byte("zipped"), method: zip.Deflate})
	tarball := makeTar(t,
		tfile{"Takeout/b.json", []byte(`{"b":1}`)},
		tfile{"Takeout/a.mp3", []byte("ID3 audio")},
		tfile{"../evil.txt", []byte("evil")},
		tfile{"Takeout/Alexa.zip", inner},
	)
	want := []string{"X!Takeout/a.mp3", "X!Takeout/b.json", "X!evil.txt", "X!Takeout/Alexa.zip!z.txt"}
	tests := []struct {
		name, input string
		data        []byte
		stored      bool
	}{
		{"tar", "takeout.tar", tarball, true},
		{"tgz", "takeout.tgz", gzipBytes(t, tarball), false},
		{"tar.gz sniffed without the name", "takeout.bin", gzipBytes(t, tarball), false},
		{"tar sniffed without the name", "takeout.dat", tarball, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tree := open(t, Options{}, fileInput(tc.input, tc.data))
			wantNoProblems(t, tree)
			var wantNames []string
			for _, w := range want {
				wantNames = append(wantNames, strings.Replace(w, "X", tc.input, 1))
			}
			if got := names(tree); !slices.Equal(got, wantNames) {
				t.Fatalf("got %q, want %q", got, wantNames)
			}
			for _, c := range []struct{ path, data string }{
				{"Takeout/a.mp3", "ID3 audio"},
				{"Takeout/b.json", `{"b":1}`},
				{"evil.txt", "evil"},
			} {
				e := mustFind(t, tree, tc.input, c.path)
				if got := string(mustRead(t, e)); got != c.data {
					t.Errorf("got %q, want %q", got, c.data)
				}
				sp, ok := e.Locate()
				if ok != tc.stored {
					t.Fatalf("got Locate ok %v, want %v", ok, tc.stored)
				}
				if ok && string(tc.data[sp.Offset:sp.Offset+e.Size]) != c.data {
					t.Errorf("got span %+v pointing at other bytes", sp)
				}
			}
			if e := mustFind(t, tree, tc.input, "evil.txt"); !e.Unsafe || e.RawName != "../evil.txt" {
				t.Errorf("got unsafe %v raw %q, want true ../evil.txt", e.Unsafe, e.RawName)
			}
			if got := string(mustRead(t, mustFind(t, tree, tc.input+"!Takeout/Alexa.zip", "z.txt"))); got != "zipped" {
				t.Errorf("got %q, want zipped", got)
			}
		})
	}
	t.Run("zip in tgz over the inflate budget", func(t *testing.T) {
		tree := open(t, limits(func(l *Limits) { l.MaxInflate = 10 }), fileInput("t.tgz", gzipBytes(t, tarball)))
		if p := wantProblem(t, tree, ErrInflateBudget, "t.tgz"); p.Path != "Takeout/Alexa.zip" {
			t.Errorf("got problem path %q", p.Path)
		}
		if got := len(tree.Entries); got != 4 {
			t.Errorf("got %d entries, want the 3 plain members and the zip", got)
		}
		if got := mustRead(t, mustFind(t, tree, "t.tgz", "Takeout/Alexa.zip")); !bytes.Equal(got, inner) {
			t.Errorf("the zip listed as a plain entry reads %d bytes, want its %d", len(got), len(inner))
		}
	})
	t.Run("truncated tar keeps what was read", func(t *testing.T) {
		tree := open(t, Options{}, fileInput("cut.tar", tarball[:1024+100]))
		wantProblem(t, tree, ErrTruncated, "cut.tar")
		if got := string(mustRead(t, mustFind(t, tree, "cut.tar", "Takeout/b.json"))); got != `{"b":1}` {
			t.Errorf("got %q", got)
		}
	})
}

func TestPlainFileInput(t *testing.T) {
	tree := open(t, Options{}, fileInput("transcript.pdf", []byte("%PDF-1.4 ...")))
	wantNoProblems(t, tree)
	if got := names(tree); !slices.Equal(got, []string{"transcript.pdf"}) {
		t.Fatalf("got %q", got)
	}
	if got := string(mustRead(t, tree.Entries[0])); got != "%PDF-1.4 ..." {
		t.Errorf("got %q", got)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(context.Background(), nil, Options{}); err == nil {
		t.Error("got no error for no inputs")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	z := makeZip(t, zfile{name: "a", data: []byte("a"), method: zip.Store})
	if tree, err := Open(ctx, []Input{fileInput("a.zip", z)}, Options{}); !errors.Is(err, context.Canceled) || tree != nil {
		t.Errorf("got %v, %v; want context.Canceled and no tree", tree, err)
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Part: "a.zip", Err: ErrTruncated}, "archive: a.zip: the archive is truncated or damaged"},
		{&Error{Part: "a.zip!b.zip", Path: "c.wav", Err: ErrEncrypted}, "archive: a.zip!b.zip!c.wav: the entry is encrypted"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
		if !errors.Is(tc.err, tc.err.Err) {
			t.Errorf("errors.Is(%v, %v) = false", tc.err, tc.err.Err)
		}
	}
}

func TestLimitsOnDeclaredSizes(t *testing.T) {
	z := makeZip(t,
		zfile{name: "a.bin", data: bytes.Repeat([]byte("a"), 600), method: zip.Deflate},
		zfile{name: "b.bin", data: bytes.Repeat([]byte("b"), 300), method: zip.Store},
		zfile{name: "c.bin", data: bytes.Repeat([]byte("c"), 300), method: zip.Store},
	)
	tests := []struct {
		name     string
		lim      func(*Limits)
		refused  []string
		problems int
	}{
		{"entry size", func(l *Limits) { l.MaxEntrySize = 500 }, []string{"a.bin"}, 1},
		{"total size", func(l *Limits) { l.MaxTotalBytes = 1000 }, []string{"c.bin"}, 1},
		{"both", func(l *Limits) { l.MaxEntrySize = 500; l.MaxTotalBytes = 400 }, []string{"a.bin", "c.bin"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tree := open(t, limits(tc.lim), fileInput("l.zip", z))
			wantProblem(t, tree, ErrTooLarge, "l.zip")
			if len(tree.Problems) != tc.problems {
				t.Errorf("got %d problems, want %d: %v", len(tree.Problems), tc.problems, tree.Problems)
			}
			for _, e := range tree.Entries {
				_, err := read(e)
				if refused := slices.Contains(tc.refused, e.Path); refused != errors.Is(err, ErrTooLarge) {
					t.Errorf("%s: got %v, want refused %v", e.Path, err, refused)
				}
			}
		})
	}
}

func TestProgressAndDeterminism(t *testing.T) {
	var files []zfile
	for i := range 2500 {
		files = append(files, zfile{name: strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "/" + string(rune('A'+i%20)), data: []byte{byte(i)}, method: zip.Store})
	}
	z := makeZip(t, files...)
	var calls []Progress
	tree := open(t, Options{Progress: func(p Progress) { calls = append(calls, p) }}, fileInput("p.zip", z))
	if len(calls) < 3 || len(calls) > 4 {
		t.Errorf("got %d progress calls, want every 1000 entries and one at the end", len(calls))
	}
	last := calls[len(calls)-1]
	if last.Entries != len(tree.Entries) || last.Total != int64(len(z)) || last.Bytes <= 0 {
		t.Errorf("got last progress %+v, want %d entries of %d bytes", last, len(tree.Entries), len(z))
	}
	again := open(t, Options{}, fileInput("p.zip", z))
	if !slices.Equal(names(tree), names(again)) {
		t.Error("two Opens of the same input list differently")
	}
	if !slices.IsSortedFunc(tree.Entries, func(a, b *Entry) int {
		return strings.Compare(a.Part+"\x00"+a.Path+"\x00"+a.RawName, b.Part+"\x00"+b.Path+"\x00"+b.RawName)
	}) {
		t.Error("entries are not sorted by Part, Path, RawName")
	}
}

// TestTreeLookup: every entry of a tree is found by its Part and Path,
// duplicates of a name come together in listing order, and a name the tree
// lacks (before, between and after the others) finds nothing.
func TestTreeLookup(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"b/2.txt", "a/1.txt", "b/2.txt", "c.txt", "b/2.txt", "a/0.txt"} {
		w, _ := zw.Create(n)
		w.Write([]byte(n))
	}
	zw.Close()
	tree, err := Open(context.Background(), []Input{{Name: "x.zip", R: bytes.NewReader(buf.Bytes()), Size: int64(buf.Len())}, {Name: "plain.txt", R: strings.NewReader("p"), Size: 1}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	for _, e := range tree.Entries {
		got := tree.Lookup(e.Part, e.Path)
		if !slices.Contains(got, e) {
			t.Errorf("Lookup(%q, %q) = %d entries without it", e.Part, e.Path, len(got))
		}
		for _, g := range got {
			if g.Part != e.Part || g.Path != e.Path {
				t.Errorf("Lookup(%q, %q) gave %q %q", e.Part, e.Path, g.Part, g.Path)
			}
		}
	}
	if dups := tree.Lookup("x.zip", "b/2.txt"); len(dups) != 3 || !dups[0].Duplicate {
		t.Errorf("b/2.txt: %d entries, want its 3 duplicates", len(dups))
	}
	for _, miss := range [][2]string{{"x.zip", "a"}, {"x.zip", "a/00.txt"}, {"x.zip", "b/3.txt"}, {"x.zip", "z.txt"}, {"", "x.zip"}, {"y.zip", "c.txt"}, {"x.zip", ""}} {
		if got := tree.Lookup(miss[0], miss[1]); len(got) != 0 {
			t.Errorf("Lookup(%q, %q) = %d entries, want none", miss[0], miss[1], len(got))
		}
	}
	if (*Tree)(nil).Lookup("x.zip", "c.txt") != nil {
		t.Error("a nil tree found something")
	}
}
