package view

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"exportlens/app/archive"
)

// panickyReaderAt panics on every read once armed, as a bug deep in a
// reader would.
type panickyReaderAt struct {
	r     io.ReaderAt
	armed *bool
}

func (p panickyReaderAt) ReadAt(b []byte, off int64) (int, error) {
	if *p.armed {
		panic("reader: slice bounds out of range")
	}
	return p.r.ReadAt(b, off)
}

// TestReadPreviewRecoversPanic: a reader that panics deep inside makes the
// preview's error, naming the member, not a crash of the page.
func TestReadPreviewRecoversPanic(t *testing.T) {
	z := zipOf(t, map[string]string{"README.txt": "This archive contains the data associated with your account.\n"})
	armed := false
	tree, err := archive.Open(context.Background(), []archive.Input{{Name: "export.zip", R: panickyReaderAt{bytes.NewReader(z), &armed}, Size: int64(len(z))}}, archive.Options{})
	if err != nil || len(tree.Entries) != 1 {
		t.Fatalf("got %v entries, err %v; want the one member", tree, err)
	}
	defer tree.Close()
	e := tree.Entries[0]
	if d := ReadPreview(e, FileLoc{}, false, nil); d.Err != nil || d.Text == nil {
		t.Fatalf("before the reader panics: got err %v, text %v; want the text", d.Err, d.Text != nil)
	}
	armed = true
	d := ReadPreview(e, FileLoc{}, false, nil)
	var pe *PanicError
	if !errors.As(d.Err, &pe) {
		t.Fatalf("got error %v, want a *PanicError", d.Err)
	}
	if pe.Name != "export.zip!README.txt" || d.Text != nil {
		t.Errorf("got name %q, text %v; want export.zip!README.txt and no text", pe.Name, d.Text != nil)
	}
}
