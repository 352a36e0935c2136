//go:build !wasm

package browser

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"
)

// files makes browser files named as a folder picker names them.
func files(names ...string) []*File {
	var out []*File
	for _, n := range names {
		out = append(out, NewFile(n, []byte("content of "+n)))
	}
	return out
}

func TestGroup(t *testing.T) {
	plain, folders := Group(files(
		"export.zip",
		"takeout/Takeout/a.json",
		"amazon/Alexa/Alexa.VoiceHistory/x.csv",
		"amazon/Alexa/README.txt",
		"amazon/Devices.Registration/registration.csv",
		"amazon/Alexa", // a file where a directory is: handed back as plain
		"bad//name",
	))
	var names []string
	for _, f := range plain {
		names = append(names, f.Name())
	}
	if want := []string{"export.zip", "amazon/Alexa", "bad//name"}; !slices.Equal(names, want) {
		t.Errorf("plain files: got %q, want %q", names, want)
	}
	if len(folders) != 2 || folders[0].Name() != "amazon" || folders[1].Name() != "takeout" {
		t.Fatalf("folders: got %d, want amazon and takeout", len(folders))
	}
	amazon := folders[0]
	if amazon.Len() != 3 {
		t.Errorf("amazon holds %d files, want 3", amazon.Len())
	}
	// fstest checks the whole fs.FS contract: ReadDir, Stat, Open, reading.
	if err := fstest.TestFS(amazon.FS(context.Background()),
		"Alexa/Alexa.VoiceHistory/x.csv", "Alexa/README.txt", "Devices.Registration/registration.csv"); err != nil {
		t.Fatal(err)
	}
}

func TestFolderReadsAtRandomAndCancels(t *testing.T) {
	_, folders := Group(files("f/a/b.zip"))
	ctx, cancel := context.WithCancel(context.Background())
	fsys := folders[0].FS(ctx)
	f, err := fsys.Open("a/b.zip")
	if err != nil {
		t.Fatal(err)
	}
	ra, ok := f.(io.ReaderAt)
	if !ok {
		t.Fatal("a folder's file is no io.ReaderAt: archives in folders would be copied into memory")
	}
	p := make([]byte, 7)
	if n, err := ra.ReadAt(p, 11); err != nil || string(p[:n]) != "f/a/b.z" {
		t.Fatalf("ReadAt: got %q, %v, want %q", p[:n], err, "f/a/b.z")
	}
	cancel()
	if _, err := ra.ReadAt(p, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("read after cancel: got %v, want context.Canceled", err)
	}
	if _, err := fsys.Open("a/b.zip"); !errors.Is(err, context.Canceled) {
		t.Errorf("open after cancel: got %v, want context.Canceled", err)
	}
	if _, err := fs.Stat(fsys, "missing"); err == nil {
		t.Error("stat of a missing file: got no error")
	}
}
