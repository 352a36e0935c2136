package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/view"
)

// manyFolders is an export of n folders with one file each, under one part.
func manyFolders(n int) []*view.Entry {
	es := make([]*view.Entry, n)
	for i := range es {
		es[i] = &view.Entry{Part: "folders.zip", Path: fmt.Sprintf("d%06d/f.txt", i), Size: 1}
	}
	return es
}

// The 200,000-folder export: the tree renders a window of rows, not one
// per folder, and the rows are flattened from what is open only.
func TestFileTreeVirtual(t *testing.T) {
	parts := buildTree(manyFolders(200_000))
	tr := &fileTree{Parts: parts}
	if rows := tr.visibleRows(); len(rows) != 1 || rows[0].open {
		t.Fatalf("got %d rows (root open %v), want the big root folder closed: 1 row", len(rows), len(rows) > 0 && rows[0].open)
	}
	tr.onToggle(parts[0], true)
	rows := tr.visibleRows()
	if len(rows) != 200_001 {
		t.Fatalf("opened: got %d rows, want the root and 200,000 folders", len(rows))
	}
	for _, top := range []int{0, 1234 * treeRowHeight, 199_990 * treeRowHeight} {
		tr.scrollTop = top
		first, last := tr.window(len(rows))
		inView := top / treeRowHeight
		if last-first > treeRowsShown+3*treeChunk || first > inView || last < min(inView+treeRowsShown, len(rows)) {
			t.Errorf("scrolled to row %d: got rows %d..%d, want a small window holding the rows in view", inView, first, last)
		}
	}
	// Selecting a file deep down opens its folder, and only that one.
	tr.Selected = view.FileLoc{Part: "folders.zip", Path: "d123456/f.txt"}
	rows = tr.visibleRows()
	if len(rows) != 200_002 || rows[123_458].file == nil || rows[123_458].file.Path != "d123456/f.txt" {
		t.Errorf("got %d rows, want 200,002 with d123456/f.txt after its folder", len(rows))
	}
	// Another export: nothing toggled carries over.
	tr.Parts = buildTree(manyFolders(3))
	if rows := tr.visibleRows(); len(rows) != 4 || tr.toggled != nil {
		t.Errorf("another export: got %d rows, want its root open with its 3 folders", len(rows))
	}
}

func BenchmarkBuildTree(b *testing.B) {
	es := manyFolders(200_000)
	b.ReportAllocs()
	for b.Loop() {
		buildTree(es)
	}
}

// Folders whose names sort around '/' ("a-x/", "a.txt", "a/") each get one
// folder: the stack buildTree keeps relies on byte order.
func TestBuildTreeNeighbours(t *testing.T) {
	var es []*view.Entry
	for _, p := range []string{"a-x/1", "a.txt", "a/b/2", "a/b/3", "a/c", "a0/4", "b/5"} {
		es = append(es, &view.Entry{Part: "p.zip", Path: p, Size: 1})
	}
	root := buildTree(es)[0]
	var got []string
	var walk func(f *treeFolder)
	walk = func(f *treeFolder) {
		got = append(got, fmt.Sprintf("%s:%d", f.Dir, f.Count))
		for _, sub := range f.Folders {
			walk(sub)
		}
	}
	walk(root)
	want := []string{":7", "a-x/:1", "a/:3", "a/b/:2", "a0/:1", "b/:1"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got folders %q, want %q", got, want)
	}
	if len(root.Files) != 1 || root.Files[0].Path != "a.txt" {
		t.Errorf("got root files %d, want a.txt", len(root.Files))
	}
}

// A member named with a right-to-left override ("invoice‮fdp.exe" reads as
// "invoiceexe.pdf") or a zero-width space: the tree and the preview's header
// show those characters as their code, isolated, never raw.
func TestFileNamesShownVisibly(t *testing.T) {
	es := []*view.Entry{
		{Part: "x.zip", Path: "Dokumente\u200b/invoice\u202efdp.exe", Size: 3},
	}
	tr := &fileTree{Lang: "de", Parts: buildTree(es), Selected: view.FileLoc{Part: "x.zip", Path: es[0].Path}}
	prev := &filePreview{Lang: "de", Entry: es[0], Loc: view.FileLoc{Part: "x.zip", Path: es[0].Path}}
	html := app.HTMLString(tr.Render()) + app.HTMLString(prev.Render())
	for _, want := range []string{"invoice⟨U+202E⟩fdp.exe", "Dokumente⟨U+200B⟩", "<bdi"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page does not show %q:\n%s", want, html)
		}
	}
	for _, raw := range []string{"\u202e", "\u200b"} {
		if strings.Contains(html, raw) {
			t.Errorf("the page shows a raw %q", raw)
		}
	}
}
