package ui

import (
	"archive/zip"
	"bytes"
	"context"
	"exportlens/app/view"
	"io"
	"net/url"
	"strings"
	"testing"

	"exportlens/app/archive"
	"exportlens/app/check"
)

// A Files URL names positions only: what it carries of the export is
// nothing a reader of the browser's history could read back, and the open
// session turns it into the same place again.
func TestFileLocURL(t *testing.T) {
	secret := []string{"export.zip", "Alexa.zip", "bob.secret@example.org", "a b&c", "DeviceSerialNumber", "details", "G070RQ0000000099"}
	entries := []*archive.Entry{
		{Part: "export.zip!Alexa.zip", Path: "Alexa/a b&c.csv"},
		{Part: "export.zip!Alexa.zip", Path: "bob.secret@example.org/activity.json"},
		{Part: "export.zip", Path: "other.txt"},
	}
	ev := check.Evidence{Part: entries[0].Part, Path: entries[0].Path, Line: 17, Field: "DeviceSerialNumber", Value: "G070RQ0000000099"}
	jev := check.Evidence{Part: entries[1].Part, Path: entries[1].Path, Pointer: "/1/details/0/name", Field: "name", Value: "x"}
	s := session{
		Tree:   &archive.Tree{Entries: entries},
		Report: &check.Report{Findings: []check.Finding{{}, {Evidence: []check.Evidence{jev, ev}}}},
	}
	tests := []struct {
		name string
		loc  fileLoc
		want fileLoc // what the URL resolves to
	}{
		{"csv evidence", evidenceLoc(1, 1, ev), fileLoc{Part: ev.Part, Path: ev.Path, Line: 17, Field: ev.Field, Ev: "1.1"}},
		{"json evidence", evidenceLoc(1, 0, jev), fileLoc{Part: jev.Part, Path: jev.Path, Pointer: jev.Pointer, Ev: "1.0"}},
		{"json node", fileLoc{Part: jev.Part, Path: jev.Path, Node: "1.0.12"}, fileLoc{Part: jev.Part, Path: jev.Path, Node: "1.0.12"}},
		{"page", fileLoc{Part: "export.zip", Path: "other.txt", Page: 3}, fileLoc{Part: "export.zip", Path: "other.txt", Page: 3}},
		// The evidence item is about another member: the member lands, without its mark.
		{"stale evidence", fileLoc{Part: "export.zip", Path: "other.txt", Line: 2, Ev: "1.1"}, fileLoc{Part: "export.zip", Path: "other.txt", Line: 2}},
		{"no member", fileLoc{Part: "export.zip", Path: "gone.txt", Line: 2}, fileLoc{Line: 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := tc.loc.URL()
			for _, sec := range secret {
				for _, form := range []string{sec, url.QueryEscape(sec), url.PathEscape(sec)} {
					if strings.Contains(raw, form) {
						t.Errorf("URL %s holds %q of the export", raw, sec)
					}
				}
			}
			u, err := url.Parse(raw)
			if err != nil {
				t.Fatal(err)
			}
			if u.Path != filesRoute {
				t.Errorf("got path %q, want %q", u.Path, filesRoute)
			}
			var ids memberIndex
			if got := parseFileLoc(u.Query()).resolve(s, &ids); got != tc.want {
				t.Errorf("got %+v back from %s, want %+v", got, raw, tc.want)
			}
		})
	}
}

func TestParseFileLocRejects(t *testing.T) {
	for _, q := range []string{"m=xyz", "m=ABCDEF012345", "node=1..2", "node=-1", "node=01", "ev=1", "ev=1.2.3", "ev=a.b", "line=-3"} {
		v, _ := url.ParseQuery(q)
		if got := parseFileLoc(v); got.Member != "" || got.Node != "" || got.Ev != "" || got.Line != 0 {
			t.Errorf("%s: got %+v, want nothing read", q, got)
		}
	}
}

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
	tree, err := archive.Open(context.Background(), []archive.Input{{Name: "x.zip", R: bytes.NewReader(buf.Bytes()), Size: int64(buf.Len())}}, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := session{Tree: tree}
	ft := &fileTree{Parts: buildTree(tree.Entries)}
	ft.Selected = fileLoc{Part: "x.zip", Path: "Alexa/notes.txt"}
	var links []string
	for _, r := range ft.visibleRows() {
		if r.file != nil && r.file.Path == "Alexa/notes.txt" {
			links = append(links, fileLoc{Part: r.file.Part, Path: r.file.Path, Dup: int(r.dup)}.URL())
		}
	}
	if len(links) != 3 || links[0] == links[1] || links[1] == links[2] {
		t.Fatalf("tree links of the three notes.txt: %q; want three different ones", links)
	}
	var ids memberIndex
	for i, link := range links {
		u, _ := url.Parse(link)
		l := parseFileLoc(u.Query()).resolve(s, &ids)
		e := ids.lookup(tree, memberID(l.Part, l.Path), l.Dup)
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
	if l := parseFileLoc(u.Query()).resolve(s, &ids); l.Dup != 0 || l.Path != "Alexa/notes.txt" {
		t.Errorf("dup=7 of three: resolved to %+v, want the first", l)
	}
}
