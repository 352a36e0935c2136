package view

import (
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
	tree := &archive.Tree{Entries: entries}
	rep := &check.Report{Findings: []check.Finding{{}, {Evidence: []check.Evidence{jev, ev}}}}
	tests := []struct {
		name string
		loc  FileLoc
		want FileLoc // what the URL resolves to
	}{
		{"csv evidence", EvidenceLoc(1, 1, ev), FileLoc{Part: ev.Part, Path: ev.Path, Line: 17, Field: ev.Field, Ev: "1.1"}},
		{"json evidence", EvidenceLoc(1, 0, jev), FileLoc{Part: jev.Part, Path: jev.Path, Pointer: jev.Pointer, Ev: "1.0"}},
		{"json node", FileLoc{Part: jev.Part, Path: jev.Path, Node: "1.0.12"}, FileLoc{Part: jev.Part, Path: jev.Path, Node: "1.0.12"}},
		{"page", FileLoc{Part: "export.zip", Path: "other.txt", Page: 3}, FileLoc{Part: "export.zip", Path: "other.txt", Page: 3}},
		// The evidence item is about another member: the member lands, without its mark.
		{"stale evidence", FileLoc{Part: "export.zip", Path: "other.txt", Line: 2, Ev: "1.1"}, FileLoc{Part: "export.zip", Path: "other.txt", Line: 2}},
		{"no member", FileLoc{Part: "export.zip", Path: "gone.txt", Line: 2}, FileLoc{Line: 2}},
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
			if u.Path != FilesRoute {
				t.Errorf("got path %q, want %q", u.Path, FilesRoute)
			}
			var ids MemberIndex
			if got := ParseFileLoc(u.Query()).Resolve(tree, rep, &ids); got != tc.want {
				t.Errorf("got %+v back from %s, want %+v", got, raw, tc.want)
			}
		})
	}
}

func TestParseFileLocRejects(t *testing.T) {
	for _, q := range []string{"m=xyz", "m=ABCDEF012345", "node=1..2", "node=-1", "node=01", "ev=1", "ev=1.2.3", "ev=a.b", "line=-3"} {
		v, _ := url.ParseQuery(q)
		if got := ParseFileLoc(v); got.Member != "" || got.Node != "" || got.Ev != "" || got.Line != 0 {
			t.Errorf("%s: got %+v, want nothing read", q, got)
		}
	}
}
