package ui

import (
	"net/url"
	"strconv"

	"exportlens/app/check"
)

// fileLoc is what the Files view shows: a member and a place in it. It is
// the URL's state (/files?part=…&path=…&line=…), so a support person can say
// "open this view". It names places, never content: no values, no IDs of
// the session.
type fileLoc struct {
	Part    string // the archive chain, as in archive.Entry.Part
	Path    string // the member path
	Line    int    // CSV: the physical line a record starts on; text and PDF: the line
	Page    int    // PDF: the page; CSV and text: the preview page (1-based) when Line is 0
	Pointer string // JSON pointer (RFC 6901)
	Field   string // CSV: the column to mark in the row (a column name, not a value)
}

// filesRoute is the Files page.
const filesRoute = "/files"

// URL returns the Files view's address of l.
func (l fileLoc) URL() string {
	q := url.Values{}
	if l.Part != "" {
		q.Set("part", l.Part)
	}
	if l.Path != "" {
		q.Set("path", l.Path)
	}
	if l.Line > 0 {
		q.Set("line", strconv.Itoa(l.Line))
	}
	if l.Page > 0 {
		q.Set("page", strconv.Itoa(l.Page))
	}
	if l.Pointer != "" {
		q.Set("pointer", l.Pointer)
	}
	if l.Field != "" {
		q.Set("field", l.Field)
	}
	if len(q) == 0 {
		return filesRoute
	}
	return filesRoute + "?" + q.Encode()
}

// parseFileLoc reads a Files view address's query. Numbers that are not
// positive are ignored: the URL may have been typed or cut short.
func parseFileLoc(q url.Values) fileLoc {
	num := func(k string) int {
		n, err := strconv.Atoi(q.Get(k))
		if err != nil || n < 0 {
			return 0
		}
		return n
	}
	return fileLoc{
		Part:    q.Get("part"),
		Path:    q.Get("path"),
		Line:    num("line"),
		Page:    num("page"),
		Pointer: q.Get("pointer"),
		Field:   q.Get("field"),
	}
}

// evidenceLoc is where an evidence item opens the Files view. The JSON
// pointer already names the key, so Field is kept only for rows.
func evidenceLoc(e check.Evidence) fileLoc {
	l := fileLoc{Part: e.Part, Path: e.Path, Line: e.Line, Page: e.Page, Pointer: e.Pointer}
	if e.Pointer == "" && e.Line > 0 {
		l.Field = e.Field
	}
	return l
}

// sameMember reports whether a and b show the same member.
func (l fileLoc) sameMember(o fileLoc) bool { return l.Part == o.Part && l.Path == o.Path }
