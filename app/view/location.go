package view

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"

	"exportlens/app/archive"
	"exportlens/app/check"
)

// FileLoc is what the Files view shows: a member and a place in it. Its
// URL (/files?m=…&line=…) names positions only, never content: the address
// goes into the browser's history, its session store, the service worker's
// cache and, on reload, to the server, so a member path, a JSON key, a
// column name or a value in it would leak the export there.
//
// Part, Path, Pointer and Field are kept in memory for the views; the URL
// carries, in their place, the member's ID (memberID), the JSON node's
// child positions (Node), the evidence item's position in the report (Ev)
// and line and page numbers. resolveFileLoc turns such a URL back into a
// place through the open session.
type FileLoc struct {
	Part    string // the archive chain, as in archive.Entry.Part (memory only)
	Path    string // the member path (memory only)
	Line    int    // CSV: the physical line a record starts on; text and PDF: the line
	Page    int    // PDF: the page; CSV and text: the preview page (1-based) when Line is 0
	Pointer string // JSON pointer (RFC 6901) to mark (memory only)
	Node    string // JSON: the node's child positions from the root, "3.0.12"
	Field   string // CSV: the column to mark in the row (memory only)
	Ev      string // the evidence item shown, "finding.item" indexes into the report
	// Dup is the member's place among members of the same Part and Path
	// (archive.Entry.Duplicate), in the tree's order: 0 for the first.
	Dup int
}

// FilesRoute is the Files page.
const FilesRoute = "/files"

// memberIDLen is how many hex digits of SHA-256 name a member: 48 bits,
// so that among 200,000 members a chance collision has odds of about
// 1 in 14,000 (and then the first of the two is shown).
const memberIDLen = 12

// MemberID names a member in URLs: the first hex digits of SHA-256 over
// its part and path. Unlike an index into the member list it stays the
// same when the export is opened again with a Takeout part more or less,
// so a link a support person sends still lands on the same file; unlike
// the path it does not show the name (an e-mail address in a file name).
func MemberID(part, path string) string {
	h := sha256.Sum256([]byte(part + "\x00" + path))
	return hex.EncodeToString(h[:])[:memberIDLen]
}

// URL returns the Files view's address of l.
func (l FileLoc) URL() string {
	q := url.Values{}
	if l.Path != "" {
		q.Set("m", MemberID(l.Part, l.Path))
	}
	if l.Dup > 0 {
		q.Set("dup", strconv.Itoa(l.Dup))
	}
	if l.Line > 0 {
		q.Set("line", strconv.Itoa(l.Line))
	}
	if l.Page > 0 {
		q.Set("page", strconv.Itoa(l.Page))
	}
	if l.Node != "" {
		q.Set("node", l.Node)
	}
	if l.Ev != "" {
		q.Set("ev", l.Ev)
	}
	if len(q) == 0 {
		return FilesRoute
	}
	return FilesRoute + "?" + q.Encode()
}

// URLLoc is a Files view address as read from the URL, before the session
// resolves it (the export may be opened only after the page loaded).
type URLLoc struct {
	Member     string // memberID
	Dup        int    // fileLoc.Dup
	Line, Page int
	Node       string
	Ev         string
	evF, evI   int // Ev's finding and item; -1 when Ev is not valid
}

// ParseFileLoc reads a Files view address's query. Numbers that are not
// positive and positions that are not lists of numbers are ignored: the
// URL may have been typed or cut short. Older addresses (path=, pointer=)
// are not read: they carried the export's names.
func ParseFileLoc(q url.Values) URLLoc {
	num := func(k string) int {
		n, err := strconv.Atoi(q.Get(k))
		if err != nil || n < 0 {
			return 0
		}
		return n
	}
	u := URLLoc{Line: num("line"), Page: num("page"), Dup: num("dup"), evF: -1, evI: -1}
	if m := q.Get("m"); len(m) == memberIDLen && isHex(m) {
		u.Member = m
	}
	if n := q.Get("node"); Positions(n, 1000) != nil {
		u.Node = n
	}
	if ps := Positions(q.Get("ev"), 2); len(ps) == 2 {
		u.Ev, u.evF, u.evI = q.Get("ev"), ps[0], ps[1]
	}
	return u
}

// Positions parses "3.0.12" into its numbers; nil when s is empty, holds
// anything but numbers and dots, or more than max of them.
func Positions(s string, max int) []int {
	if s == "" || len(s) > 12*max {
		return nil
	}
	var ps []int
	for _, f := range strings.Split(s, ".") {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || strconv.Itoa(n) != f || len(ps) == max {
			return nil
		}
		ps = append(ps, n)
	}
	return ps
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// MemberIndex finds members by memberID. It is built on first use, so a
// Files page without a member in its URL hashes nothing.
type MemberIndex struct {
	tree *archive.Tree
	byID map[string]*archive.Entry // the first member of each ID
}

// Lookup returns member dup of those with ID id in t (fileLoc.Dup); nil
// when there is none. A dup that is not there gives the first (an address
// of another export, or a chance collision).
func (x *MemberIndex) Lookup(t *archive.Tree, id string, dup int) *archive.Entry {
	e, _ := x.Find(t, id, dup)
	return e
}

// Find is lookup, with the place among the same-named members it found.
func (x *MemberIndex) Find(t *archive.Tree, id string, dup int) (*archive.Entry, int) {
	if t == nil || id == "" {
		return nil, 0
	}
	if x.tree != t {
		x.tree, x.byID = t, make(map[string]*archive.Entry, len(t.Entries))
		for _, e := range t.Entries {
			if k := MemberID(e.Part, e.Path); x.byID[k] == nil {
				x.byID[k] = e
			}
		}
	}
	first := x.byID[id]
	if first != nil && dup > 0 && first.Duplicate {
		if same := t.Lookup(first.Part, first.Path); dup < len(same) {
			return same[dup], dup
		}
	}
	return first, 0
}

// Resolve turns an address into a place of the open export (its tree and
// report). The evidence
// item Ev supplies the JSON pointer and the CSV column, but only while it
// is about the member the address names: a report made with other
// declarations lists other findings, and then the member and the line
// still land, without the mark.
func (u URLLoc) Resolve(tree *archive.Tree, rep *check.Report, members *MemberIndex) FileLoc {
	l := FileLoc{Line: u.Line, Page: u.Page, Node: u.Node}
	e, dup := members.Find(tree, u.Member, u.Dup)
	if e == nil {
		return l
	}
	l.Part, l.Path, l.Dup = e.Part, e.Path, dup
	if u.Ev == "" || rep == nil || u.evF >= len(rep.Findings) {
		return l
	}
	evs := rep.Findings[u.evF].Evidence
	if u.evI >= len(evs) || evs[u.evI].Part != e.Part || evs[u.evI].Path != e.Path {
		return l
	}
	l = EvidenceLoc(u.evF, u.evI, evs[u.evI])
	return l
}

// EvidenceLoc is where evidence item i of finding f opens the Files view.
// The JSON pointer already names the key, so Field is kept only for rows.
func EvidenceLoc(f, i int, e check.Evidence) FileLoc {
	l := FileLoc{Part: e.Part, Path: e.Path, Line: e.Line, Page: e.Page, Pointer: e.Pointer,
		Ev: strconv.Itoa(f) + "." + strconv.Itoa(i)}
	if e.Pointer == "" && e.Line > 0 {
		l.Field = e.Field
	}
	return l
}
