package ui

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/url"
	"strings"
	"testing"

	"exportlens/app/view"
)

func TestNodePointer(t *testing.T) {
	root, err := view.ReadJSONTree(strings.NewReader(`{"a": 1, "b/c": [{"x~y": true}, 2]}`), 0)
	if err != nil {
		t.Fatal(err)
	}
	for at, want := range map[string]string{"0": "/a", "1": "/b~1c", "1.0.0": "/b~1c/0/x~0y", "1.1": "/b~1c/1", "2": "", "0.0": ""} {
		if got := nodePointer(root, at); got != want {
			t.Errorf("%s: got %q, want %q", at, got, want)
		}
	}
}

// TestFileLocDuplicates: two members of the same name (a ZIP may hold
// them; archive marks them Duplicate) each have a row in the tree, a link
// of their own, and the link opens that member, not the first one.
func TestFileLocDuplicates(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, body := range []string{"first", "second", "third"} {
		w, err := zw.Create("Alexa/notes.txt")
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	w, _ := zw.Create("Alexa/other.txt")
	w.Write([]byte("other"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	tree, err := view.Default.Open(context.Background(), []view.Input{{Name: "x.zip", R: bytes.NewReader(buf.Bytes()), Size: int64(buf.Len())}}, view.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := session{Session: view.Session{Tree: tree}}
	ft := &fileTree{Parts: buildTree(tree.Entries)}
	ft.Selected = view.FileLoc{Part: "x.zip", Path: "Alexa/notes.txt"}
	var links []string
	for _, r := range ft.visibleRows() {
		if r.file != nil && r.file.Path == "Alexa/notes.txt" {
			links = append(links, view.FileLoc{Part: r.file.Part, Path: r.file.Path, Dup: int(r.dup)}.URL())
		}
	}
	if len(links) != 3 || links[0] == links[1] || links[1] == links[2] {
		t.Fatalf("tree links of the three notes.txt: %q; want three different ones", links)
	}
	var ids view.MemberIndex
	for i, link := range links {
		u, _ := url.Parse(link)
		l := view.ParseFileLoc(u.Query()).Resolve(s.Tree, s.Report, &ids)
		e := ids.Lookup(tree, view.MemberID(l.Part, l.Path), l.Dup)
		if e == nil {
			t.Fatalf("%s: no member", link)
		}
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if want := []string{"first", "second", "third"}[i]; string(b) != want || l.Dup != i {
			t.Errorf("link %d (%s) opens %q with dup %d, want %q", i, link, b, l.Dup, want)
		}
	}
	// A place that is not there lands on the first of them.
	u, _ := url.Parse(links[0] + "&dup=7")
	if l := view.ParseFileLoc(u.Query()).Resolve(s.Tree, s.Report, &ids); l.Dup != 0 || l.Path != "Alexa/notes.txt" {
		t.Errorf("dup=7 of three: resolved to %+v, want the first", l)
	}
}
