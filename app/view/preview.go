package view

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
	RowsPerPage     = 200      // CSV records shown at once
	LinesPerPage    = 500      // text lines shown at once
	MaxCellShown    = 4 << 10  // bytes of one CSV cell or text line kept for display
	MaxCSVRecord    = 2 << 20  // bytes one CSV record may span while reading
	MaxCSVCells     = 256      // cells of one record shown
	MaxJSONBytes    = 8 << 20  // a JSON tree is built from at most this much
	MaxJSONNodes    = 200_000  // nodes of one JSON tree (about 100 bytes each)
	MaxJSONDepth    = 200      // nesting of one JSON tree
	MaxPDFBytes     = 32 << 20 // a compressed PDF is read into memory up to this (beside the export's 64 MiB budget)
	MaxPreviewMedia = 32 << 20 // a compressed image or audio is decoded into memory up to this
	SniffBytes      = 4 << 10  // bytes looked at to tell text from binary, and the type (at least media.SniffBytes)
)

// Kind is how a member is previewed.
type Kind string

const (
	KindCSV     Kind = "csv"
	KindJSON    Kind = "json"
	KindText    Kind = "text"
	KindImage   Kind = "image"
	KindPDF     Kind = "pdf"
	KindAudio   Kind = "audio"
	KindArchive Kind = "archive" // listed, its members are in the tree
	KindOther   Kind = "other"
)

// KindOf tells a member's preview kind by its name, before any byte is
// read. A name only proposes: images, audio and unknown names are shown by
// what their bytes are (see previewKind), and a document format is text
// whatever it contains. SVG is text: it is a document that can hold
// script, not a raster image.
func KindOf(name string) Kind {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv", ".tsv":
		return KindCSV
	case ".json", ".geojson":
		return KindJSON
	case ".txt", ".html", ".htm", ".xhtml", ".xht", ".xml", ".svg", ".md", ".log", ".ics", ".vcf", ".mbox", ".eml", ".yaml", ".yml":
		return KindText
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico":
		return KindImage
	case ".pdf":
		return KindPDF
	case ".wav", ".mp3", ".ogg", ".opus", ".m4a", ".aac", ".flac", ".mp4":
		return KindAudio
	case ".zip", ".tar", ".tgz", ".gz", ".7z", ".rar":
		return KindArchive
	}
	return KindOther
}

// PreviewKind is how a member whose name says image, audio or nothing
// known is shown, from its first bytes: a raster image, audio (or video)
// or PDF by their magic numbers, text when the bytes look like text (an SVG
// or HTML named .png included), else nothing. t is what the object URL of
// an image or audio is typed with.
func PreviewKind(head []byte) (k Kind, t media.Type) {
	t = media.Sniff(head)
	switch {
	case t.Image():
		return KindImage, t
	case t.Audio(), t.Video():
		return KindAudio, t
	case t.IsPDF():
		return KindPDF, t
	case LooksText(head):
		return KindText, media.Type{}
	}
	return KindOther, media.Type{}
}

// LooksText reports whether b (the first bytes of a member) is text: valid
// UTF-8 (a character cut at the end is allowed) without NUL bytes.
func LooksText(b []byte) bool {
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

// Shown cuts s to at most max bytes on a character boundary and makes it
// valid UTF-8, for display.
func Shown(s string, max int) (string, bool) {
	cut := false
	if len(s) > max {
		s, cut = s[:max], true
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return strings.ToValidUTF8(s, "\uFFFD"), cut
}

// CSVRecord is one record of a CSV page: the physical line it starts on (as
// export.Source.Line counts them) and its cells.
type CSVRecord struct {
	Line  int
	Cells []string
	More  int // cells left out (beyond maxCSVCells)
}

// CSVPage is one page of a CSV member.
type CSVPage struct {
	Page       int // 1-based
	Records    []CSVRecord
	Next       bool  // a record follows the page
	Column     int   // index of the column named by the requested field; -1 if none
	HeaderLine int   // the line of the record that holds that column's name; 0 if none
	Err        error // reading stopped here; the records before it are shown
}

// ReadCSVPage streams a CSV member and keeps one page of records: page
// (1-based), or, when line > 0, the page holding the record that starts on
// that physical line (or the first record after it). field names a column
// to mark; the first record among the first ten that has it as a cell is
// taken as the header. Memory: one page, never the file.
func ReadCSVPage(r io.Reader, page, line int, field string) CSVPage {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3) // a BOM is not part of the first cell; lines stay the same
	}
	bound := &recordBound{r: br}
	cr := csv.NewReader(bound)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true // the cells kept are copied (cut to MaxCellShown)

	out := CSVPage{Column: -1}
	target := 0 // the page to show; 0 while the line is not reached
	if line <= 0 {
		target = max(page, 1)
	}
	var cur []CSVRecord // the records of curPage
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
		pg := (n-1)/RowsPerPage + 1
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

func keepRecord(line int, rec []string) CSVRecord {
	k := CSVRecord{Line: line}
	if len(rec) > MaxCSVCells {
		k.More = len(rec) - MaxCSVCells
		rec = rec[:MaxCSVCells]
	}
	k.Cells = make([]string, len(rec))
	for i, c := range rec {
		k.Cells[i], _ = Shown(c, MaxCellShown)
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

var errRecordTooLong = fmt.Errorf("a record is longer than %d bytes", MaxCSVRecord)

func (b *recordBound) Read(p []byte) (int, error) {
	if b.n-b.mark > MaxCSVRecord {
		return 0, errRecordTooLong
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

// TextLine is one physical line of a text member.
type TextLine struct {
	N    int
	Text string
	Cut  bool // longer than MaxCellShown; the rest is not shown
}

// TextPage is one page of a text member.
type TextPage struct {
	Page  int
	Lines []TextLine
	Next  bool
	Err   error
}

// ReadTextPage streams a text member and keeps one page of lines: page
// (1-based), or the page holding line when line > 0. Lines are split at
// "\n" (a "\r" before it is dropped), as the parsers count them.
func ReadTextPage(r io.Reader, page, line int) TextPage {
	if line > 0 {
		page = (line-1)/LinesPerPage + 1
	}
	out := TextPage{Page: max(page, 1)}
	first := (out.Page-1)*LinesPerPage + 1
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		if n >= first+LinesPerPage {
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
			out.Lines = append(out.Lines, TextLine{N: n, Text: s, Cut: cut})
		}
		if err != nil {
			break
		}
	}
	return out
}

// readLine reads one line, keeping at most MaxCellShown bytes of it (none
// when keep is false). cut reports that more was there.
func readLine(br *bufio.Reader, keep bool) (s string, cut bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if keep {
			body := bytes.TrimSuffix(chunk, []byte("\n"))
			if room := MaxCellShown - len(buf); len(body) > room {
				body, cut = body[:room], true
			}
			buf = append(buf, body...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line, c := Shown(strings.TrimSuffix(string(buf), "\r"), MaxCellShown)
		return line, cut || c, err
	}
}

// JSONNode is one node of a JSON tree. Its pointer is not stored: it is
// built from the keys on the way down, so a big tree costs no more strings.
type JSONNode struct {
	Key   string // object key, or array index in decimal; "" for the root
	Kind  byte   // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	Value string // scalars, as text (strings unquoted, cut to maxCellShown)
	Kids  []*JSONNode
}

var (
	ErrJSONTooBig  = fmt.Errorf("more than %d bytes", MaxJSONBytes)
	errJSONTooDeep = fmt.Errorf("nested deeper than %d", MaxJSONDepth)
	errJSONTooMany = fmt.Errorf("more than %d values", MaxJSONNodes)
)

// ReadJSONTree parses a JSON member of at most maxJSONBytes into a tree that
// keeps the keys' order. Depth and node count are bounded.
func ReadJSONTree(r io.Reader, size int64) (*JSONNode, error) {
	if size > MaxJSONBytes {
		return nil, ErrJSONTooBig
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxJSONBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxJSONBytes {
		return nil, ErrJSONTooBig
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	nodes := 0
	var parse func(key string, depth int) (*JSONNode, error)
	parse = func(key string, depth int) (*JSONNode, error) {
		if depth > MaxJSONDepth {
			return nil, errJSONTooDeep
		}
		if nodes++; nodes > MaxJSONNodes {
			return nil, errJSONTooMany
		}
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		n := &JSONNode{Key: key}
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
			n.Value, _ = Shown(t, MaxCellShown)
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

// EscapePointerToken escapes one key for a JSON pointer (RFC 6901).
func EscapePointerToken(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

// PointerPrefixes returns every pointer from the root down to p: "",
// "/1", "/1/details", ... so the nodes on the way can be expanded.
func PointerPrefixes(p string) []string {
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
