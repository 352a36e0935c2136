package archive

import (
	"archive/zip"
	"context"
	"sync/atomic"
	"testing"
)

// Options.Read counts the bytes Open reads from the file inputs (some are
// read twice: the end of a ZIP is searched, then its directory read), and
// Progress reports the same count.
func TestOptionsReadCountsInputBytes(t *testing.T) {
	data := makeZip(t,
		zfile{name: "a.txt", data: []byte("hello"), method: zip.Store},
		zfile{name: "b.txt", data: []byte("world world world"), method: zip.Deflate},
	)
	var read atomic.Int64
	var last Progress
	tree, err := Open(context.Background(), []Input{fileInput("x.zip", data)},
		Options{Read: &read, Progress: func(p Progress) { last = p }})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	if got := read.Load(); got < int64(len(data))/2 {
		t.Errorf("Read: got %d bytes, want at least the directory's share of the %d", got, len(data))
	}
	if last.Bytes != read.Load() {
		t.Errorf("Progress.Bytes: got %d, want %d (what Read counted)", last.Bytes, read.Load())
	}
}
