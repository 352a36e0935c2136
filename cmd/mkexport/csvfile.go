package main

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// csvFile builds one CSV file in memory and remembers on which physical line
// every record starts, so that planted.json line numbers are counted from the
// bytes written rather than worked out by hand.
type csvFile struct {
	buf  bytes.Buffer
	bom  bool // write a UTF-8 byte order mark first (not counted as a line)
	crlf bool // end lines with CR LF (one line end, like LF)
	nl   int  // line ends written so far
}

func newCSV(bom, crlf bool) *csvFile {
	c := &csvFile{bom: bom, crlf: crlf}
	if bom {
		c.buf.WriteString("\uFEFF")
	}
	return c
}

// Record writes one CSV record and returns the 1-based physical line on which
// it starts. A quoted field holding a line break makes the record span more
// than one physical line; the count below sees that because it counts the
// line ends actually written.
func (c *csvFile) Record(fields ...string) int {
	start := c.nl + 1
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = c.crlf
	if err := w.Write(fields); err != nil {
		panic(err) // writing to a bytes.Buffer cannot fail
	}
	w.Flush()
	c.write(b.Bytes())
	return start
}

// Raw writes one line as is (a documentation row or a footer) and returns its line.
func (c *csvFile) Raw(line string) int {
	start := c.nl + 1
	end := "\n"
	if c.crlf {
		end = "\r\n"
	}
	c.write([]byte(line + end))
	return start
}

func (c *csvFile) write(p []byte) {
	c.nl += bytes.Count(p, []byte("\n"))
	c.buf.Write(p)
}

// Bytes returns the file's content.
func (c *csvFile) Bytes() []byte { return c.buf.Bytes() }

// physicalLine returns the 1-based line on which byte offset off of data lies,
// ignoring a leading BOM; CR LF counts as one line end. It is the independent
// check the tests use on csvFile's own bookkeeping.
func physicalLine(data []byte, off int) int {
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// lineOf returns the physical line of the first line of data that starts with
// prefix (after a BOM), or 0.
func lineOf(data []byte, prefix string) int {
	s := strings.TrimPrefix(string(data), "\uFEFF")
	shift := len(data) - len(s)
	off := 0
	for _, l := range strings.SplitAfter(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			return physicalLine(data, off+shift)
		}
		off += len(l)
	}
	return 0
}

// doubleEncode returns s as it looks after its UTF-8 bytes were read as
// Latin-1 and written as UTF-8 again ("Küche" -> "KÃ¼che").
func doubleEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}
