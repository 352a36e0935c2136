package ui

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"exportlens/app/media"
)

// What a preview may read or keep. Member data is hostile: every bound is
// checked before the bytes are kept, never after.
const (
	rowsPerPage     = 200      // CSV records shown at once
	linesPerPage    = 500      // text lines shown at once
	maxCellShown    = 4 << 10  // bytes of one CSV cell or text line kept for display
	maxCSVRecord    = 2 << 20  // bytes one CSV record may span while reading
	maxCSVCells     = 256      // cells of one record shown
	maxJSONBytes    = 8 << 20  // a JSON tree is built from at most this much
	maxJSONNodes    = 200_000  // nodes of one JSON tree (about 100 bytes each)
	maxJSONDepth    = 200      // nesting of one JSON tree
	maxPDFBytes     = 32 << 20 // a compressed PDF is read into memory up to this (beside the export's 64 MiB budget)
	maxPreviewMedia = 32 << 20 // a compressed image or audio is decoded into memory up to this
	sniffBytes      = 4 << 10  // bytes looked at to tell text from binary, and the type (at least media.SniffBytes)
)

// kind is how a member is previewed.
type kind string

const (
	kindCSV     kind = "csv"
	kindJSON    kind = "json"
	kindText    kind = "text"
	kindImage   kind = "image"
	kindPDF     kind = "pdf"
	kindAudio   kind = "audio"
	kindArchive kind = "archive" // listed, its members are in the tree
	kindOther   kind = "other"
)

// kindOf tells a member's preview kind by its name, before any byte is
// read. A name only proposes: images, audio and unknown names are shown by
// what their bytes are (see previewKind), and a document format is text
// whatever it contains. SVG is text: it is a document that can hold
// script, not a raster image.
func kindOf(name string) kind {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv", ".tsv":
		return kindCSV
	case ".json", ".geojson":
		return kindJSON
	case ".txt", ".html", ".htm", ".xhtml", ".xht", ".xml", ".svg", ".md", ".log", ".ics", ".vcf", ".mbox", ".eml", ".yaml", ".yml":
		return kindText
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico":
		return kindImage
	case ".pdf":
		return kindPDF
	case ".wav", ".mp3", ".ogg", ".opus", ".m4a", ".aac", ".flac", ".mp4":
		return kindAudio
	case ".zip", ".tar", ".tgz", ".gz", ".7z", ".rar":
		return kindArchive
	}
	return kindOther
}

// previewKind is how a member whose name says image, audio or nothing
// known is shown, from its first bytes: a raster image, audio (or video)
// or PDF by their magic numbers, text when the bytes look like text (an SVG
// or HTML named .png included), else nothing. t is what the object URL of
// an image or audio is typed with.
func previewKind(head []byte) (k kind, t media.Type) {
	t = media.Sniff(head)
	switch {
	case t.Image():
		return kindImage, t
	case t.Audio(), t.Video():
		return kindAudio, t
	case t.IsPDF():
		return kindPDF, t
	case looksText(head):
		return kindText, media.Type{}
	}
	return kindOther, media.Type{}
}

// looksText reports whether b (the first bytes of a member) is text: valid
// UTF-8 (a character cut at the end is allowed) without NUL bytes.
func looksText(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return false
	}
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return len(b) < utf8.UTFMax && !utf8.FullRune(b)
		}
		b = b[n:]
	}
	return true
}

// shown cuts s to at most max bytes on a character boundary and makes it
// valid UTF-8, for display.
func shown(s string, max int) (string, bool) {
	cut := false
	if len(s) > max {
		s, cut = s[:max], true
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return strings.ToValidUTF8(s, "\uFFFD"), cut
}

// csvRecord is one record of a CSV page: the physical line it starts on (as
// export.Source.Line counts them) and its cells.
type csvRecord struct {
	Line  int
	Cells []string
	More  int // cells left out (beyond maxCSVCells)
}

// csvPage is one page of a CSV member.
type csvPage struct {
	Page       int // 1-based
	Records    []csvRecord
	Next       bool  // a record follows the page
	Column     int   // index of the column named by the requested field; -1 if none
	HeaderLine int   // the line of the record that holds that column's name; 0 if none
	Err        error // reading stopped here; the records before it are shown
}

// readCSVPage streams a CSV member and keeps one page of records: page
// (1-based), or, when line > 0, the page holding the record that starts on
// that physical line (or the first record after it). field names a column
// to mark; the first record among the first ten that has it as a cell is
// taken as the header. Memory: one page, never the file.
func readCSVPage(r io.Reader, page, line int, field string) csvPage {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3) // a BOM is not part of the first cell; lines stay the same
	}
	bound := &recordBound{r: br}
	cr := csv.NewReader(bound)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true // the cells kept are copied (cut to maxCellShown)

	out := csvPage{Column: -1}
	target := 0 // the page to show; 0 while the line is not reached
	if line <= 0 {
		target = max(page, 1)
	}
	var cur []csvRecord // the records of curPage
	curPage, n := 0, 0
	for {
		rec, err := cr.Read()
		bound.mark = cr.InputOffset()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				out.Err = err
			}
			break
		}
		n++
		start, _ := cr.FieldPos(0)
		if out.Column < 0 && field != "" && n <= headerWindowShown {
			for i, c := range rec {
				if strings.TrimSpace(c) == field {
					out.Column, out.HeaderLine = i, start
					break
				}
			}
		}
		pg := (n-1)/rowsPerPage + 1
		if target == 0 && start >= line {
			target = pg
		}
		if target != 0 && pg > target {
			out.Next = true
			break
		}
		if target != 0 && pg < target {
			continue
		}
		if pg != curPage {
			cur, curPage = cur[:0], pg
		}
		cur = append(cur, keepRecord(start, rec))
	}
	if target == 0 { // the line lies beyond the last record: show the last page
		target = max(curPage, 1)
	}
	out.Page = target
	if curPage == target {
		out.Records = cur
	}
	return out
}

// headerWindowShown is how many first records may hold the header.
const headerWindowShown = 10

func keepRecord(line int, rec []string) csvRecord {
	k := csvRecord{Line: line}
	if len(rec) > maxCSVCells {
		k.More = len(rec) - maxCSVCells
		rec = rec[:maxCSVCells]
	}
	k.Cells = make([]string, len(rec))
	for i, c := range rec {
		k.Cells[i], _ = shown(c, maxCellShown)
	}
	return k
}

// recordBound stops a CSV reader when one record spans more than
// maxCSVRecord bytes (a quote never closed would otherwise make it keep the
// rest of the file). mark is the input offset after the last record.
type recordBound struct {
	r    io.Reader
	n    int64 // bytes handed out
	mark int64
}

var errRecordTooLong = fmt.Errorf("a record is longer than %d bytes", maxCSVRecord)

func (b *recordBound) Read(p []byte) (int, error) {
	if b.n-b.mark > maxCSVRecord {
		return 0, errRecordTooLong
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

// textLine is one physical line of a text member.
type textLine struct {
	N    int
	Text string
	Cut  bool // longer than maxCellShown; the rest is not shown
}

// textPage is one page of a text member.
type textPage struct {
	Page  int
	Lines []textLine
	Next  bool
	Err   error
}

// readTextPage streams a text member and keeps one page of lines: page
// (1-based), or the page holding line when line > 0. Lines are split at
// "\n" (a "\r" before it is dropped), as the parsers count them.
func readTextPage(r io.Reader, page, line int) textPage {
	if line > 0 {
		page = (line-1)/linesPerPage + 1
	}
	out := textPage{Page: max(page, 1)}
	first := (out.Page-1)*linesPerPage + 1
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		if n >= first+linesPerPage {
			_, err := br.Peek(1)
			out.Next = err == nil
			break
		}
		s, cut, err := readLine(br, n >= first)
		if errors.Is(err, io.EOF) && s == "" && !cut {
			break // the file ended with a line break (or is empty)
		}
		if err != nil && !errors.Is(err, io.EOF) {
			out.Err = err
			break
		}
		if n >= first {
			out.Lines = append(out.Lines, textLine{N: n, Text: s, Cut: cut})
		}
		if err != nil {
			break
		}
	}
	return out
}

// readLine reads one line, keeping at most maxCellShown bytes of it (none
// when keep is false). cut reports that more was there.
func readLine(br *bufio.Reader, keep bool) (s string, cut bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if keep {
			body := bytes.TrimSuffix(chunk, []byte("\n"))
			if room := maxCellShown - len(buf); len(body) > room {
				body, cut = body[:room], true
			}
			buf = append(buf, body...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line, c := shown(strings.TrimSuffix(string(buf), "\r"), maxCellShown)
		return line, cut || c, err
	}
}

// jsonNode is one node of a JSON tree. Its pointer is not stored: it is
// built from the keys on the way down, so a big tree costs no more strings.
type jsonNode struct {
	Key   string // object key, or array index in decimal; "" for the root
	Kind  byte   // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	Value string // scalars, as text (strings unquoted, cut to maxCellShown)
	Kids  []*jsonNode
}

var (
	errJSONTooBig  = fmt.Errorf("more than %d bytes", maxJSONBytes)
	errJSONTooDeep = fmt.Errorf("nested deeper than %d", maxJSONDepth)
	errJSONTooMany = fmt.Errorf("more than %d values", maxJSONNodes)
)

// readJSONTree parses a JSON member of at most maxJSONBytes into a tree that
// keeps the keys' order. Depth and node count are bounded.
func readJSONTree(r io.Reader, size int64) (*jsonNode, error) {
	if size > maxJSONBytes {
		return nil, errJSONTooBig
	}
	data, err := io.ReadAll(io.LimitReader(r, maxJSONBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxJSONBytes {
		return nil, errJSONTooBig
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	nodes := 0
	var parse func(key string, depth int) (*jsonNode, error)
	parse = func(key string, depth int) (*jsonNode, error) {
		if depth > maxJSONDepth {
			return nil, errJSONTooDeep
		}
		if nodes++; nodes > maxJSONNodes {
			return nil, errJSONTooMany
		}
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		n := &jsonNode{Key: key}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				n.Kind = 'o'
				for d.More() {
					kt, err := d.Token()
					if err != nil {
						return nil, err
					}
					k, _ := kt.(string)
					kid, err := parse(k, depth+1)
					if err != nil {
						return nil, err
					}
					n.Kids = append(n.Kids, kid)
				}
			case '[':
				n.Kind = 'a'
				for i := 0; d.More(); i++ {
					kid, err := parse(strconv.Itoa(i), depth+1)
					if err != nil {
						return nil, err
					}
					n.Kids = append(n.Kids, kid)
				}
			default:
				return nil, fmt.Errorf("unexpected %v", t)
			}
			if _, err := d.Token(); err != nil { // the closing delimiter
				return nil, err
			}
		case string:
			n.Kind = 's'
			n.Value, _ = shown(t, maxCellShown)
		case json.Number:
			n.Kind, n.Value = 'n', t.String()
		case bool:
			n.Kind, n.Value = 'b', strconv.FormatBool(t)
		case nil:
			n.Kind, n.Value = 'z', "null"
		}
		return n, nil
	}
	root, err := parse("", 0)
	if err != nil {
		return nil, err
	}
	return root, nil
}

// escapePointerToken escapes one key for a JSON pointer (RFC 6901).
func escapePointerToken(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

// pointerPrefixes returns every pointer from the root down to p: "",
// "/1", "/1/details", ... so the nodes on the way can be expanded.
func pointerPrefixes(p string) []string {
	out := []string{""}
	if p == "" || p[0] != '/' {
		return out
	}
	for i := 1; i < len(p); i++ {
		if p[i] == '/' {
			out = append(out, p[:i])
		}
	}
	return append(out, p)
}
