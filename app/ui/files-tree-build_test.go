package ui

import (
	"testing"

	"exportlens/app/view"
)

func TestBuildTree(t *testing.T) {
	entries := []*view.Entry{
		{Part: "a.zip", Path: "x/1.csv", Size: 10},
		{Part: "a.zip", Path: "x/y/2.wav", Size: 20},
		{Part: "a.zip", Path: "top.txt", Size: 1},
		{Part: "b.zip", Path: "z.json", Size: 5},
	}
	parts := buildTree(entries)
	if len(parts) != 2 || parts[0].Count != 3 || parts[0].Size != 31 || parts[1].Count != 1 {
		t.Fatalf("got %d parts (%d files, %d bytes), want 2 with 3 files, 31 bytes in the first", len(parts), parts[0].Count, parts[0].Size)
	}
	x := parts[0].Folders[0]
	if x.Name != "x" || x.Count != 2 || len(x.Files) != 1 || x.Folders[0].Name != "y" || x.Folders[0].Size != 20 {
		t.Errorf("got folder %q with %d files below, want x with 2 and a folder y", x.Name, x.Count)
	}
}

// TestKindKeysExist covers the type labels, whose keys are built at run time.
func TestKindKeysExist(t *testing.T) {
	for _, k := range []view.Kind{view.KindCSV, view.KindJSON, view.KindText, view.KindImage, view.KindPDF, view.KindAudio, view.KindArchive, view.KindOther} {
		if _, ok := texts["files.kind."+string(k)]; !ok {
			t.Errorf("kind %s: got no text files.kind.%s", k, k)
		}
	}
}
