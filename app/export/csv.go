package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Bounds for one CSV file. Real Amazon tables have a dozen columns and at
// most a few hundred thousand rows; anything beyond is hostile or broken.
const (
	maxCSVBytes   = 1 << 30 // bytes read from one file
	maxCSVLine    = 1 << 20 // bytes of one physical line
	maxCSVFields  = 1024    // cells of one record
	maxCSVRecords = 5_000_000
	headerWindow  = 10 // rows searched for the header
)

var (
	errLineTooLong = fmt.Errorf("a line is longer than %d bytes", maxCSVLine)
	errTooBig      = fmt.Errorf("file is larger than %d bytes", maxCSVBytes)
)

// csvRow is one data row: its cells and the physical line it starts on.
type csvRow struct {
	Line  int
	Cells []string
	End   int64 // bytes of the table read through this row (estimates the rows still to come)
}

// csvHeader is what readCSV found at the top of a table.
type csvHeader struct {
	Cells []string // the header row as written (BOM removed)
	Line  int      // its physical line
	End   int64    // bytes read through the header
	// RowBytes is the average length of the rows read ahead after the
	// header (0 when none were): with the file size it estimates the rows.
	RowBytes int64
}

// normColumn folds a column name for matching: case, spaces, "_" and "-"
// do not count ("Device Serial-Number" == "deviceserialnumber").
func normColumn(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "\ufeff")
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '_', '-', '\t':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// readCSV streams a CSV table. The header is the first of the first rows
// whose cells match the most known column names (known is called with
// normColumn'd cells), so a documentation row above it is skipped; with no
// match at all the first row is the header. Empty rows are skipped; a row
// starting with a footer text ends the table. head is called once, then row
// per data row. Cells is valid until the next call (encoding/csv reuses
// it: one slice fewer per row); its strings stay valid. An error stops
// reading; rows already passed stay valid.
func readCSV(r io.Reader, known func(string) bool, footer []string, head func(csvHeader) error, row func(csvRow) error) error {
	br := bufio.NewReader(&limitReader{r: r, left: maxCSVBytes})
	// A UTF-8 BOM is not part of the first column's name.
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3)
	}
	rl := &recordLimit{r: &lineLimit{r: br, max: maxCSVLine}}
	cr := csv.NewReader(rl)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	var window []csvRow
	records := 0
	next := func() (csvRow, error) {
		for {
			rec, err := cr.Read()
			if err != nil {
				return csvRow{}, err
			}
			rl.start = cr.InputOffset()
			records++
			if records > maxCSVRecords {
				return csvRow{}, fmt.Errorf("more than %d records", maxCSVRecords)
			}
			if len(rec) > maxCSVFields {
				line, _ := cr.FieldPos(0)
				return csvRow{}, fmt.Errorf("line %d: more than %d fields", line, maxCSVFields)
			}
			if blankRow(rec) {
				continue
			}
			line, _ := cr.FieldPos(0)
			return csvRow{Line: line, Cells: rec, End: cr.InputOffset()}, nil
		}
	}
	var err error
	for len(window) < headerWindow {
		var rw csvRow
		rw, err = next()
		if err != nil {
			break
		}
		rw.Cells = slices.Clone(rw.Cells) // the reader reuses the slice
		window = append(window, rw)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if len(window) == 0 {
		return errors.New("no rows")
	}
	hi := pickHeader(window, known)
	h := csvHeader{Cells: window[hi].Cells, Line: window[hi].Line, End: window[hi].End}
	if last := len(window) - 1; last > hi {
		h.RowBytes = max((window[last].End-h.End)/int64(last-hi), 1)
	}
	if err := head(h); err != nil {
		return err
	}
	for _, rw := range window[hi+1:] {
		if isFooter(rw.Cells, footer) {
			return nil
		}
		if err := row(rw); err != nil {
			return err
		}
	}
	if errors.Is(err, io.EOF) {
		return nil
	}
	for {
		rw, err := next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if isFooter(rw.Cells, footer) {
			return nil
		}
		if err := row(rw); err != nil {
			return err
		}
	}
}

// pickHeader returns the index of the first row with the most known cells.
func pickHeader(rows []csvRow, known func(string) bool) int {
	best, bestScore := 0, 0
	for i, rw := range rows {
		score := 0
		for _, c := range rw.Cells {
			if known(normColumn(c)) {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func isFooter(rec []string, footer []string) bool {
	first := strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff"))
	for _, f := range footer {
		if f != "" && len(first) >= len(f) && strings.EqualFold(first[:len(f)], f) {
			return true
		}
	}
	return false
}

// lineLimit fails when a physical line exceeds max bytes: encoding/csv keeps
// a whole line in memory, so a file without newlines must not be read whole.
type lineLimit struct {
	r   io.Reader
	n   int // bytes since the last newline
	max int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	b := p[:n]
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			l.n += len(b)
			break
		}
		if l.n+i > l.max {
			return 0, errLineTooLong
		}
		l.n = 0
		b = b[i+1:]
	}
	if l.n > l.max {
		return 0, errLineTooLong
	}
	return n, err
}

// limitReader is io.LimitReader that fails instead of pretending EOF, so a
// cut-off table is reported, not silently shortened.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			return 0, errTooBig
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}
