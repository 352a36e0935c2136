package hostile

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

func TestFolders(t *testing.T) {
	data := Folders()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	dirs := map[string]bool{}
	for _, f := range r.File {
		d, _, ok := strings.Cut(f.Name, "/")
		if !ok {
			t.Fatalf("%s is in no folder", f.Name)
		}
		dirs[d] = true
	}
	if len(dirs) != FolderCount || len(r.File) != FolderCount {
		t.Errorf("got %d folders in %d members, want %d each", len(dirs), len(r.File), FolderCount)
	}
	if !bytes.Equal(Folders(), data) {
		t.Error("a second run built other bytes")
	}
	t.Logf("%d bytes", len(data))
}
