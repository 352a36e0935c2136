package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestOpenPlainZip(t *testing.T) {
	z := makeZip(t,
		zfile{name: "b/two.csv", data: []byte("a,b\n1,2\n"), method: zip.Deflate},
		zfile{name: "a/one.txt", data: []byte("one"), method: zip.Store},
		zfile{name: "a/", method: zip.Store}, // a directory: not an entry
	)
	tree := open(t, Options{}, fileInput("export.zip", z))
	wantNoProblems(t, tree)
	if got, want := names(tree), []string{"export.zip!a/one.txt", "export.zip!b/two.csv"}; !slices.Equal(got, want) {
		t.Fatalf("got entries %q, want %q", got, want)
	}
	tests := []struct {
		path, data string
		section    bool
	}{
		{"a/one.txt", "one", true},
		{"b/two.csv", "a,b\n1,2\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			e := mustFind(t, tree, "export.zip", tc.path)
			if got := string(mustRead(t, e)); got != tc.data {
				t.Errorf("got %q, want %q", got, tc.data)
			}
			if e.Size != int64(len(tc.data)) {
				t.Errorf("got size %d, want %d", e.Size, len(tc.data))
			}
			if !e.Modified.Equal(testTime) {
				t.Errorf("got modified %v, want %v", e.Modified, testTime)
			}
			ra, ok := e.Section()
			if ok != tc.section {
				t.Fatalf("got Section ok %v, want %v", ok, tc.section)
			}
			if ok {
				b := make([]byte, len(tc.data))
				if _, err := ra.ReadAt(b, 0); err != nil || string(b) != tc.data {
					t.Errorf("got section %q, %v, want %q", b, err, tc.data)
				}
			}
			sp, ok := e.Locate()
			if ok != tc.section {
				t.Fatalf("got Locate ok %v, want %v", ok, tc.section)
			}
			if ok {
				if sp.Input != 0 || string(z[sp.Offset:sp.Offset+int64(len(tc.data))]) != tc.data {
					t.Errorf("got span %+v pointing at other bytes", sp)
				}
			}
		})
	}
}

func TestZip64ManyEntries(t *testing.T) {
	const n = 70_000 // over 65535: the writer must use the zip64 end record
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := range n {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("f/%05d", i), Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(fw, i%10)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	z := buf.Bytes()
	if !bytes.Contains(z, []byte("PK\x06\x06")) {
		t.Fatal("the generated archive has no zip64 end record")
	}
	tree := open(t, Options{}, fileInput("big.zip", z))
	wantNoProblems(t, tree)
	if len(tree.Entries) != n {
		t.Fatalf("got %d entries, want %d", len(tree.Entries), n)
	}
	e := mustFind(t, tree, "big.zip", "f/69999")
	if got := string(mustRead(t, e)); got != "9" {
		t.Errorf("got %q, want %q", got, "9")
	}

	t.Run("over MaxEntries", func(t *testing.T) {
		tree := open(t, limits(func(l *Limits) { l.MaxEntries = 1000 }), fileInput("big.zip", z))
		wantProblem(t, tree, ErrTooManyEntries, "big.zip")
		if len(tree.Entries) != 0 {
			t.Errorf("got %d entries, want none: the count is checked before the directory is read", len(tree.Entries))
		}
	})
}

func TestNestedZips(t *testing.T) {
	inner := makeZip(t,
		zfile{name: "a.txt", data: []byte("stored in inner"), method: zip.Store},
		zfile{name: "b.txt", data: []byte(strings.Repeat("deflated ", 20)), method: zip.Deflate},
	)
	outer := makeZip(t,
		zfile{name: "readme.txt", data: []byte("hi"), method: zip.Store},
		zfile{name: "Alexa.zip", data: inner, method: zip.Store},
		zfile{name: "sub/Devices.zip", data: inner, method: zip.Deflate},
	)
	tree := open(t, Options{}, fileInput("export.zip", outer))
	wantNoProblems(t, tree)
	want := []string{ // sorted by Part, then Path
		"export.zip!readme.txt",
		"export.zip!Alexa.zip!a.txt", "export.zip!Alexa.zip!b.txt",
		"export.zip!sub/Devices.zip!a.txt", "export.zip!sub/Devices.zip!b.txt",
	}
	if got := names(tree); !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q (opened nested archives are not entries)", got, want)
	}
	tests := []struct {
		part   string
		stored bool // bytes lie contiguous in the input file
	}{
		{"export.zip!Alexa.zip", true},
		{"export.zip!sub/Devices.zip", false},
	}
	for _, tc := range tests {
		t.Run(tc.part, func(t *testing.T) {
			a := mustFind(t, tree, tc.part, "a.txt")
			if got := string(mustRead(t, a)); got != "stored in inner" {
				t.Errorf("got %q", got)
			}
			b := mustFind(t, tree, tc.part, "b.txt")
			if got := string(mustRead(t, b)); got != strings.Repeat("deflated ", 20) {
				t.Errorf("got %q", got)
			}
			sp, ok := a.Locate()
			if ok != tc.stored {
				t.Fatalf("got Locate ok %v, want %v", ok, tc.stored)
			}
			if ok {
				if got := string(outer[sp.Offset : sp.Offset+a.Size]); got != "stored in inner" {
					t.Errorf("got %q at the span's offset %d, want the entry's bytes", got, sp.Offset)
				}
			}
			if _, ok := a.Section(); !ok {
				t.Error("got no Section for a stored member of a nested zip")
			}
		})
	}

	t.Run("inflate budget", func(t *testing.T) {
		tree := open(t, limits(func(l *Limits) { l.MaxInflate = int64(len(inner)) - 1 }), fileInput("export.zip", outer))
		p := wantProblem(t, tree, ErrInflateBudget, "export.zip")
		if p.Path != "sub/Devices.zip" {
			t.Errorf("got problem path %q, want sub/Devices.zip", p.Path)
		}
		if find(tree, "export.zip", "sub/Devices.zip") == nil {
			t.Error("the nested zip that could not be opened is not listed")
		}
		if find(tree, "export.zip!Alexa.zip", "a.txt") == nil {
			t.Error("the stored nested zip needs no budget but was not opened")
		}
	})
	t.Run("budget shared over the Open", func(t *testing.T) {
		two := makeZip(t,
			zfile{name: "x.zip", data: inner, method: zip.Deflate},
			zfile{name: "y.zip", data: inner, method: zip.Deflate},
		)
		tree := open(t, limits(func(l *Limits) { l.MaxInflate = int64(len(inner)) + 10 }), fileInput("two.zip", two))
		if p := wantProblem(t, tree, ErrInflateBudget, "two.zip"); p.Path != "y.zip" {
			t.Errorf("got problem path %q, want y.zip", p.Path)
		}
	})
}

func TestTooDeep(t *testing.T) {
	z := makeZip(t, zfile{name: "leaf.txt", data: []byte("leaf"), method: zip.Store})
	for i := range 3 {
		z = makeZip(t, zfile{name: fmt.Sprintf("level%d.zip", i), data: z, method: zip.Store})
	}
	// input(0) > level2.zip(1) > level1.zip(2) > level0.zip(3) > leaf.txt
	tree := open(t, limits(func(l *Limits) { l.MaxDepth = 2 }), fileInput("top.zip", z))
	p := wantProblem(t, tree, ErrTooDeep, "top.zip!level2.zip!level1.zip")
	if p.Path != "level0.zip" {
		t.Errorf("got problem path %q, want level0.zip", p.Path)
	}
	if find(tree, "top.zip!level2.zip!level1.zip", "level0.zip") == nil {
		t.Errorf("the too-deep archive is not listed; got %q", names(tree))
	}
	tree = open(t, limits(func(l *Limits) { l.MaxDepth = 3 }), fileInput("top.zip", z))
	wantNoProblems(t, tree)
	mustFind(t, tree, "top.zip!level2.zip!level1.zip!level0.zip", "leaf.txt")
}

func TestSideBySideAndTakeout(t *testing.T) {
	p1 := makeZip(t,
		zfile{name: "Takeout/My Activity/Assistant/MyActivity.json", data: []byte("[]"), method: zip.Deflate},
		zfile{name: "Takeout/archive_browser.html", data: []byte("<h1>"), method: zip.Store},
	)
	p2 := makeZip(t, zfile{name: "Takeout/My Activity/Assistant/2018-04-16_11_42_55_659_UTC.mp3", data: []byte("ID3"), method: zip.Store})
	n1, n2 := "takeout-20240301T101500Z-001.zip", "takeout-20240301T101500Z-002.zip"
	tree := open(t, Options{}, fileInput(n2, p2), fileInput(n1, p1))
	wantNoProblems(t, tree)
	want := []string{
		n1 + "!Takeout/My Activity/Assistant/MyActivity.json",
		n1 + "!Takeout/archive_browser.html",
		n2 + "!Takeout/My Activity/Assistant/2018-04-16_11_42_55_659_UTC.mp3",
	}
	if got := names(tree); !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if len(tree.Inputs) != 2 || tree.Inputs[0].Name != n2 || tree.Inputs[1].Size != int64(len(p1)) {
		t.Errorf("got inputs %+v", tree.Inputs)
	}
	// The span names the input by its index in the inputs given to Open.
	e := mustFind(t, tree, n1, "Takeout/archive_browser.html")
	if sp, ok := e.Locate(); !ok || sp.Input != 1 || string(p1[sp.Offset:sp.Offset+4]) != "<h1>" {
		t.Errorf("got span %+v, %v; want input 1 at the entry's bytes", sp, ok)
	}
}

func TestOverlapBomb(t *testing.T) {
	t.Run("records sharing one local header", func(t *testing.T) {
		data := bytes.Repeat([]byte{'z'}, 100)
		z := localHeader("a", data)
		dir := len(z)
		const n = 500
		for i := range n {
			z = append(z, centralHeader(fmt.Sprintf("f%03d", i), len(data), 0)...)
		}
		z = append(z, endRecord(n, len(z)-dir, dir)...)
		if r, err := zip.NewReader(bytes.NewReader(z), int64(len(z))); err != nil || len(r.File) != n {
			t.Fatalf("archive/zip should accept the bomb: %v", err)
		}
		good := makeZip(t, zfile{name: "ok.txt", data: []byte("ok"), method: zip.Store})
		tree := open(t, Options{}, fileInput("bomb.zip", z), fileInput("good.zip", good))
		wantProblem(t, tree, ErrOverlap, "bomb.zip")
		if got := names(tree); !slices.Equal(got, []string{"good.zip!ok.txt"}) {
			t.Errorf("got %q, want only the good archive's entry", got)
		}
	})
	t.Run("quoted local header", func(t *testing.T) {
		inner := localHeader("b", []byte("inner data"))
		z := localHeader("a", inner) // a's data quotes b's header and data
		dir := len(z)
		z = append(z, centralHeader("a", len(inner), 0)...)
		z = append(z, centralHeader("b", len("inner data"), 30+1)...)
		z = append(z, endRecord(2, len(z)-dir, dir)...)
		tree := open(t, Options{}, fileInput("quoted.zip", z))
		wantProblem(t, tree, ErrOverlap, "quoted.zip")
	})
	t.Run("extra field reaching over the next member", func(t *testing.T) {
		// a's local header claims a 200-byte extra field: its data then lies
		// beyond b. The directory looks sound; opening a must still refuse.
		z := localHeader("a", nil)
		binary.LittleEndian.PutUint32(z[18:], 4)
		binary.LittleEndian.PutUint32(z[22:], 4)
		binary.LittleEndian.PutUint16(z[28:], 200)
		z = append(z, make([]byte, 9)...)
		bOff := len(z)
		z = append(z, localHeader("b", []byte("BBBB"))...)
		z = append(z, make([]byte, 31+200-len(z))...)
		z = append(z, "AAAA"...)
		dir := len(z)
		z = append(z, centralHeader("a", 4, 0)...)
		z = append(z, centralHeader("b", 4, bOff)...)
		z = append(z, endRecord(2, len(z)-dir, dir)...)
		tree := open(t, Options{}, fileInput("extra.zip", z))
		wantNoProblems(t, tree)
		e := mustFind(t, tree, "extra.zip", "a")
		if _, err := read(e); !errors.Is(err, ErrOverlap) {
			t.Errorf("got %v, want ErrOverlap", err)
		}
		if _, ok := e.Locate(); ok {
			t.Error("got a span for an entry whose data overlaps another")
		}
		if got := string(mustRead(t, mustFind(t, tree, "extra.zip", "b"))); got != "BBBB" {
			t.Errorf("got %q, want BBBB", got)
		}
	})
}

func TestHostileNames(t *testing.T) {
	z := makeZip(t,
		zfile{name: "../../etc/passwd", data: []byte("1"), method: zip.Store},
		zfile{name: "/etc/shadow", data: []byte("2"), method: zip.Store},
		zfile{name: `C:\Windows\win.ini`, data: []byte("3"), method: zip.Store},
		zfile{name: `\\server\share\x`, data: []byte("4"), method: zip.Store},
		zfile{name: "dup.txt", data: []byte("first"), method: zip.Store},
		zfile{name: "dup.txt", data: []byte("second"), method: zip.Store},
		zfile{name: "a/./b/../c.txt", data: []byte("5"), method: zip.Store},
		zfile{name: "ok.txt", data: []byte("6"), method: zip.Store},
	)
	tree := open(t, Options{}, fileInput("names.zip", z))
	tests := []struct {
		raw, path  string
		unsafe     bool
		data       string
		duplicates int
	}{
		{"../../etc/passwd", "etc/passwd", true, "1", 1},
		{"/etc/shadow", "etc/shadow", true, "2", 1},
		{`C:\Windows\win.ini`, "Windows/win.ini", true, "3", 1},
		{`\\server\share\x`, "server/share/x", true, "4", 1},
		{"a/./b/../c.txt", "a/c.txt", false, "5", 1},
		{"ok.txt", "ok.txt", false, "6", 1},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			e := mustFind(t, tree, "names.zip", tc.path)
			wantRaw := tc.raw
			if tc.raw == tc.path {
				wantRaw = ""
			}
			if e.RawName != wantRaw || e.Unsafe != tc.unsafe || e.Duplicate {
				t.Errorf("got raw %q unsafe %v duplicate %v, want %q %v false", e.RawName, e.Unsafe, e.Duplicate, wantRaw, tc.unsafe)
			}
			if got := string(mustRead(t, e)); got != tc.data {
				t.Errorf("got %q, want %q", got, tc.data)
			}
		})
	}
	t.Run("duplicates", func(t *testing.T) {
		var got []string
		for _, e := range tree.Entries {
			if e.Path == "dup.txt" {
				if !e.Duplicate {
					t.Errorf("an entry named dup.txt is not marked Duplicate")
				}
				got = append(got, string(mustRead(t, e)))
			}
		}
		if !slices.Equal(got, []string{"first", "second"}) {
			t.Errorf("got %q, want both duplicates in archive order", got)
		}
	})
}

func TestCleanName(t *testing.T) {
	tests := []struct {
		raw, want string
		unsafe    bool
	}{
		{"a/b.txt", "a/b.txt", false},
		{"a\\b.txt", "a/b.txt", false},
		{"..", "_", true},
		{"/", "_", true},
		{"a/../../b", "b", true},
		{"D:relative", "relative", true},
		{"./x", "x", false},
	}
	for _, tc := range tests {
		got, unsafe := cleanName(tc.raw)
		if got != tc.want || unsafe != tc.unsafe {
			t.Errorf("cleanName(%q) = %q, %v; want %q, %v", tc.raw, got, unsafe, tc.want, tc.unsafe)
		}
	}
}

func TestEncryptedEntry(t *testing.T) {
	z := makeZip(t,
		zfile{name: "secret.txt", data: []byte("xxxx"), method: zip.Store, flags: 1},
		zfile{name: "plain.txt", data: []byte("plain"), method: zip.Store},
	)
	tree := open(t, Options{}, fileInput("enc.zip", z))
	e := mustFind(t, tree, "enc.zip", "secret.txt")
	if !e.Encrypted {
		t.Fatal("got Encrypted false, want true")
	}
	if _, err := e.Open(); !errors.Is(err, ErrEncrypted) {
		t.Errorf("got %v, want ErrEncrypted", err)
	}
	if _, ok := e.Section(); ok {
		t.Error("got a Section for an encrypted entry")
	}
	if got := string(mustRead(t, mustFind(t, tree, "enc.zip", "plain.txt"))); got != "plain" {
		t.Errorf("got %q, want plain", got)
	}
}

func TestTruncatedZip(t *testing.T) {
	z := makeZip(t,
		zfile{name: "a.txt", data: bytes.Repeat([]byte("a"), 1000), method: zip.Store},
		zfile{name: "b.txt", data: bytes.Repeat([]byte("b"), 1000), method: zip.Deflate},
	)
	good := makeZip(t, zfile{name: "ok.txt", data: []byte("ok"), method: zip.Store})
	tree := open(t, Options{}, fileInput("cut.zip", z[:len(z)/2]), fileInput("good.zip", good))
	p := wantProblem(t, tree, ErrTruncated, "cut.zip")
	if !strings.Contains(p.Error(), "archive: cut.zip: ") {
		t.Errorf("got %q, want it to name cut.zip", p.Error())
	}
	if got := names(tree); !slices.Equal(got, []string{"good.zip!ok.txt"}) {
		t.Errorf("got %q, want the other input still listed", got)
	}
}

func TestLyingSizes(t *testing.T) {
	data := []byte(strings.Repeat("0123456789", 10))
	tests := []struct {
		name   string
		method uint16
		size   uint32
	}{
		{"stored smaller", zip.Store, 50},
		{"stored larger", zip.Store, 150},
		{"deflated smaller", zip.Deflate, 50},
		{"deflated larger", zip.Deflate, 150},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			z := makeZip(t,
				zfile{name: "liar.txt", data: data, method: tc.method},
				zfile{name: "honest.txt", data: data, method: tc.method},
			)
			at := centralRecord(t, z, "liar.txt")
			binary.LittleEndian.PutUint32(z[at+24:], tc.size)
			tree := open(t, Options{}, fileInput("lie.zip", z))
			e := mustFind(t, tree, "lie.zip", "liar.txt")
			if e.Size != int64(tc.size) {
				t.Fatalf("got size %d, want the declared %d", e.Size, tc.size)
			}
			b, err := read(e)
			if err == nil {
				t.Errorf("got no error reading %d bytes, want one", len(b))
			}
			if int64(len(b)) > e.Size {
				t.Errorf("got %d bytes, more than the declared %d", len(b), e.Size)
			}
			if got := mustRead(t, mustFind(t, tree, "lie.zip", "honest.txt")); !bytes.Equal(got, data) {
				t.Errorf("the honest member reads %q", got)
			}
		})
	}
}

func TestDamagedMemberDoesNotHideOthers(t *testing.T) {
	z := makeZip(t,
		zfile{name: "bad.txt", data: bytes.Repeat([]byte("bad "), 100), method: zip.Deflate},
		zfile{name: "good.txt", data: []byte("good"), method: zip.Store},
	)
	at := centralRecord(t, z, "bad.txt")
	binary.LittleEndian.PutUint32(z[at+16:], 0xdeadbeef) // CRC
	tree := open(t, Options{}, fileInput("one-bad.zip", z))
	wantNoProblems(t, tree) // listing does not read member data
	if _, err := read(mustFind(t, tree, "one-bad.zip", "bad.txt")); !errors.Is(err, ErrTruncated) {
		t.Errorf("got %v, want ErrTruncated (damaged)", err)
	}
	if got := string(mustRead(t, mustFind(t, tree, "one-bad.zip", "good.txt"))); got != "good" {
		t.Errorf("got %q, want good", got)
	}
}

func TestUnsupportedMethod(t *testing.T) {
	z := makeZip(t,
		zfile{name: "big.wav", data: []byte("deflate64 bytes"), method: 9},
		zfile{name: "other.wav", data: []byte("deflate64 too"), method: 9},
		zfile{name: "fine.txt", data: []byte("fine"), method: zip.Deflate},
	)
	t.Run("no unpacker", func(t *testing.T) {
		tree := open(t, Options{}, fileInput("win.zip", z))
		p := wantProblem(t, tree, ErrUnsupported, "win.zip")
		if !strings.Contains(p.Error(), "2 entries use Deflate64") {
			t.Errorf("got %q, want it to count the members and name the method", p.Error())
		}
		if len(tree.Problems) != 1 {
			t.Errorf("got %d problems, want one per archive", len(tree.Problems))
		}
		if _, err := read(mustFind(t, tree, "win.zip", "big.wav")); !errors.Is(err, ErrUnsupported) {
			t.Errorf("got %v, want ErrUnsupported", err)
		}
		if got := string(mustRead(t, mustFind(t, tree, "win.zip", "fine.txt"))); got != "fine" {
			t.Errorf("got %q, want fine", got)
		}
	})
	t.Run("with unpacker", func(t *testing.T) {
		u := &fakeUnpacker{fsys: fstest.MapFS{
			"big.wav":   {Data: []byte("RIFF decoded 15")}, // as long as declared
			"other.wav": {Data: []byte("RIFF other 13")},
		}}
		tree := open(t, Options{Unpacker: u}, fileInput("win.zip", z))
		wantNoProblems(t, tree)
		if u.calls != 1 || u.name != "win.zip" {
			t.Errorf("got %d calls naming %q, want one naming win.zip", u.calls, u.name)
		}
		e := mustFind(t, tree, "win.zip", "big.wav")
		if got := string(mustRead(t, e)); got != "RIFF decoded 15" {
			t.Errorf("got %q, want the unpacker's bytes", got)
		}
		if err := tree.Close(); err != nil || !u.closed {
			t.Errorf("got Close %v, closed %v; want the unpacker's close called", err, u.closed)
		}
	})
}

type fakeUnpacker struct {
	fsys   fs.FS
	err    error
	calls  int
	name   string
	closed bool
}

func (u *fakeUnpacker) Unpack(ctx context.Context, name string, r io.ReaderAt, size int64, lim Limits) (fs.FS, func() error, error) {
	u.calls++
	u.name = name
	if u.err != nil {
		return nil, nil, u.err
	}
	return u.fsys, func() error { u.closed = true; return nil }, nil
}

func TestRarAnd7z(t *testing.T) {
	// A RAR signature of a version the pure-Go decoder does not know (rar.go
	// reads 1.5–4 and 5): what goes to the Unpacker.
	rar := append([]byte("Rar!\x1a\x07\x02\x00"), make([]byte, 64)...)
	sz := append([]byte("7z\xbc\xaf\x27\x1c"), make([]byte, 64)...) // a 7z signature, no valid header
	t.Run("no unpacker", func(t *testing.T) {
		tree := open(t, Options{}, fileInput("a.rar", rar), fileInput("b.7z", sz))
		wantProblem(t, tree, ErrUnsupported, "a.rar")
		// 7z is read here (sevenzip.go): this one has no valid signature header.
		wantProblem(t, tree, ErrTruncated, "b.7z")
	})
	t.Run("unpacker", func(t *testing.T) {
		inner := makeZip(t, zfile{name: "x.txt", data: []byte("x"), method: zip.Store})
		u := &fakeUnpacker{fsys: fstest.MapFS{
			"Alexa/0001.wav": {Data: []byte("RIFF")},
			"inner.zip":      {Data: inner},
		}}
		tree := open(t, Options{Unpacker: u}, fileInput("export.rar", rar))
		wantNoProblems(t, tree)
		want := []string{"export.rar!Alexa/0001.wav", "export.rar!inner.zip!x.txt"}
		if got := names(tree); !slices.Equal(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
		if got := string(mustRead(t, tree.Entries[0])); got != "RIFF" {
			t.Errorf("got %q, want RIFF", got)
		}
		if _, ok := tree.Entries[0].Locate(); ok {
			t.Error("an unpacked member has no place in the input file")
		}
	})
	t.Run("unpacker fails", func(t *testing.T) {
		u := &fakeUnpacker{err: errors.New("boom")}
		tree := open(t, Options{Unpacker: u}, fileInput("x.rar", rar))
		if p := wantProblem(t, tree, ErrUnsupported, "x.rar"); !strings.Contains(p.Error(), "boom") {
			t.Errorf("got %q, want the unpacker's reason", p.Error())
		}
	})
}
