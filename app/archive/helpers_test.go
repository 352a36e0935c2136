package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// zfile is one member of a generated ZIP.
type zfile struct {
	name   string
	data   []byte
	method uint16 // zip.Store or zip.Deflate; others are written raw
	flags  uint16
}

var testTime = time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC)

// makeZip writes a ZIP in memory.
func makeZip(t testing.TB, files ...zfile) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: f.method, Flags: f.flags, Modified: testTime}
		var (
			fw  io.Writer
			err error
		)
		if f.method == zip.Store || f.method == zip.Deflate {
			fw, err = w.CreateHeader(h)
		} else {
			// Methods Go cannot write: store the bytes raw under that method.
			h.CompressedSize64, h.UncompressedSize64 = uint64(len(f.data)), uint64(len(f.data))
			fw, err = w.CreateRaw(h)
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(f.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tfile is one member of a generated tar.
type tfile struct {
	name string
	data []byte
}

func makeTar(t testing.TB, files ...tfile) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := tar.NewWriter(&buf)
	for _, f := range files {
		if err := w.WriteHeader(&tar.Header{Name: f.name, Mode: 0o644, Size: int64(len(f.data)), ModTime: testTime, Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(f.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fileInput(name string, b []byte) Input {
	return Input{Name: name, R: bytes.NewReader(b), Size: int64(len(b))}
}

func open(t testing.TB, opt Options, inputs ...Input) *Tree {
	t.Helper()
	tree, err := Open(context.Background(), inputs, opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { tree.Close() })
	return tree
}

func limits(f func(*Limits)) Options {
	l := DefaultLimits()
	f(&l)
	return Options{Limits: &l}
}

func find(tree *Tree, part, path string) *Entry {
	for _, e := range tree.Entries {
		if e.Part == part && e.Path == path {
			return e
		}
	}
	return nil
}

func mustFind(t *testing.T, tree *Tree, part, path string) *Entry {
	t.Helper()
	e := find(tree, part, path)
	if e == nil {
		t.Fatalf("no entry %q in %q; have %v", path, part, names(tree))
	}
	return e
}

func names(tree *Tree) []string {
	var s []string
	for _, e := range tree.Entries {
		s = append(s, e.Name())
	}
	return s
}

func read(e *Entry) ([]byte, error) {
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func mustRead(t *testing.T, e *Entry) []byte {
	t.Helper()
	b, err := read(e)
	if err != nil {
		t.Fatalf("reading %s: %v", e.Name(), err)
	}
	return b
}

// problem returns the first problem matching target whose Part contains part.
func problem(tree *Tree, target error, part string) *Error {
	for _, p := range tree.Problems {
		if errors.Is(p, target) && strings.Contains(p.Part, part) {
			return p
		}
	}
	return nil
}

func wantProblem(t *testing.T, tree *Tree, target error, part string) *Error {
	t.Helper()
	p := problem(tree, target, part)
	if p == nil {
		t.Fatalf("got problems %v, want one with %v naming %q", tree.Problems, target, part)
	}
	return p
}

func wantNoProblems(t *testing.T, tree *Tree) {
	t.Helper()
	if len(tree.Problems) > 0 {
		t.Fatalf("got problems %v, want none", tree.Problems)
	}
}

// Raw ZIP records, for archives zip.Writer refuses to write.

func localHeader(name string, data []byte) []byte {
	b := make([]byte, 30, 30+len(name)+len(data))
	binary.LittleEndian.PutUint32(b[0:], 0x04034b50)
	binary.LittleEndian.PutUint16(b[4:], 20)
	binary.LittleEndian.PutUint32(b[18:], uint32(len(data)))
	binary.LittleEndian.PutUint32(b[22:], uint32(len(data)))
	binary.LittleEndian.PutUint16(b[26:], uint16(len(name)))
	b = append(b, name...)
	return append(b, data...)
}

func centralHeader(name string, size int, offset int) []byte {
	b := make([]byte, 46, 46+len(name))
	binary.LittleEndian.PutUint32(b[0:], 0x02014b50)
	binary.LittleEndian.PutUint16(b[4:], 20)
	binary.LittleEndian.PutUint16(b[6:], 20)
	binary.LittleEndian.PutUint32(b[20:], uint32(size))
	binary.LittleEndian.PutUint32(b[24:], uint32(size))
	binary.LittleEndian.PutUint16(b[28:], uint16(len(name)))
	binary.LittleEndian.PutUint32(b[42:], uint32(offset))
	return append(b, name...)
}

func endRecord(records, dirSize, dirOffset int) []byte {
	b := make([]byte, 22)
	binary.LittleEndian.PutUint32(b[0:], 0x06054b50)
	binary.LittleEndian.PutUint16(b[8:], uint16(records))
	binary.LittleEndian.PutUint16(b[10:], uint16(records))
	binary.LittleEndian.PutUint32(b[12:], uint32(dirSize))
	binary.LittleEndian.PutUint32(b[16:], uint32(dirOffset))
	return b
}

// centralRecord returns the offset of name's central directory record in z.
func centralRecord(t *testing.T, z []byte, name string) int {
	t.Helper()
	for i := 0; i+46 <= len(z); i++ {
		if binary.LittleEndian.Uint32(z[i:]) != 0x02014b50 {
			continue
		}
		n := int(binary.LittleEndian.Uint16(z[i+28:]))
		if i+46+n <= len(z) && string(z[i+46:i+46+n]) == name {
			return i
		}
	}
	t.Fatalf("no central record for %q", name)
	return 0
}
