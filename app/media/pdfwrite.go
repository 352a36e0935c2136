package media

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// PDF page layout used by WritePDF: A4 portrait, 10-point Helvetica, 14-point leading.
const (
	pdfPageWidth   = 595
	pdfPageHeight  = 842
	pdfFontSize    = 10
	pdfLeading     = 14
	pdfLeftMargin  = 50
	pdfTopBaseline = 786 // 56 pt below the top edge

	// PDFPageLines is the most lines WritePDF puts on one page: the lines from the first
	// baseline down to a 42-point bottom margin. Callers split longer texts into pages.
	PDFPageLines = (pdfTopBaseline-42)/pdfLeading + 1
)

// WritePDF writes a minimal, valid, uncompressed text PDF to w: one page per element of
// pages, one line per string, top to bottom, in Helvetica (a standard font every reader
// has, so nothing is embedded). Lines are not wrapped; a line wider than the page runs off
// its right edge. An empty string leaves a blank line. With no pages it writes one empty
// page, because a PDF without pages confuses readers.
//
// Text is encoded as WinAnsiEncoding (Windows-1252), which covers ASCII, Latin-1 (ä ö ü ß é …)
// and a few typographic marks (€ „ “ ” – …). A rune outside it, or a control character,
// is an error naming the page and line. Each page holds at most PDFPageLines lines.
//
// The output reads back line for line with PDFLines and with poppler's pdftotext.
func WritePDF(w io.Writer, pages [][]string) error {
	if len(pages) == 0 {
		pages = [][]string{nil}
	}
	// Encode every page first so that a bad rune fails before anything is written.
	contents := make([][]byte, len(pages))
	for i, lines := range pages {
		if len(lines) > PDFPageLines {
			return fmt.Errorf("media: pdf: page %d has %d lines, at most %d fit", i+1, len(lines), PDFPageLines)
		}
		c, err := pageContent(i+1, lines)
		if err != nil {
			return err
		}
		contents[i] = c
	}

	pw := &pdfWriter{w: bufio.NewWriter(w)}
	// The second line holds bytes >= 0x80 so that tools treat the file as binary.
	pw.printf("%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n")

	// Object numbers: 1 catalog, 2 page tree, 3 font, then a page and its content per page.
	pw.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
	var kids strings.Builder
	for i := range pages {
		if i > 0 {
			kids.WriteByte(' ')
		}
		fmt.Fprintf(&kids, "%d 0 R", 4+2*i)
	}
	pw.object(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), len(pages)))
	pw.object(3, helveticaFont())
	for i, c := range contents {
		page, content := 4+2*i, 5+2*i
		pw.object(page, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "+
			"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", pdfPageWidth, pdfPageHeight, content))
		pw.stream(content, c)
	}

	xref := pw.n
	pw.printf("xref\n0 %d\n0000000000 65535 f \n", len(pw.offsets)+1)
	for _, off := range pw.offsets {
		pw.printf("%010d 00000 n \n", off) // each entry is exactly 20 bytes
	}
	pw.printf("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(pw.offsets)+1, xref)
	if pw.err != nil {
		return fmt.Errorf("media: pdf: write: %w", pw.err)
	}
	if err := pw.w.Flush(); err != nil {
		return fmt.Errorf("media: pdf: write: %w", err)
	}
	return nil
}

// pageContent returns the content stream of one page. T* moves down by the leading, so
// every line starts at the left margin one line below the previous one.
func pageContent(page int, lines []string) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "BT\n/F1 %d Tf\n%d TL\n%d %d Td\n", pdfFontSize, pdfLeading, pdfLeftMargin, pdfTopBaseline)
	for i, line := range lines {
		if i > 0 {
			b.WriteString("T*\n")
		}
		if line == "" {
			continue
		}
		b.WriteByte('(')
		for _, r := range line {
			c, ok := winAnsiByte(r)
			if !ok {
				return nil, fmt.Errorf("media: pdf: page %d line %d: %U cannot be written in WinAnsiEncoding", page, i+1, r)
			}
			switch {
			case c == '(' || c == ')' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c >= 0x80:
				// Octal escapes keep the file 7-bit clean and diffable.
				fmt.Fprintf(&b, "\\%03o", c)
			default:
				b.WriteByte(c)
			}
		}
		b.WriteString(") Tj\n")
	}
	b.WriteString("ET\n")
	return []byte(b.String()), nil
}

// winAnsiByte returns the WinAnsiEncoding code of r. Control characters are refused:
// they have no glyph in Helvetica.
func winAnsiByte(r rune) (byte, bool) {
	switch {
	case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xff:
		return byte(r), true
	}
	for i, x := range winAnsiHigh {
		if x == r && x != 0 {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// winAnsiHigh maps codes 0x80–0x9F of WinAnsiEncoding to Unicode (0: unused code).
var winAnsiHigh = [32]rune{
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
}

// helveticaFont returns the font dictionary. The widths are not needed by viewers (Helvetica
// is a standard font) but text extractors, PDFLines included, use them to place glyphs.
func helveticaFont() string {
	var b strings.Builder
	b.WriteString("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding\n")
	b.WriteString("/FirstChar 32 /LastChar 255 /Widths [")
	for i, w := range helveticaWidths {
		if i%16 == 0 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d", w)
	}
	b.WriteString("\n] >>")
	return b.String()
}

// helveticaWidths are the advance widths (1/1000 em) of codes 32–255 in WinAnsiEncoding,
// taken from Adobe's Helvetica AFM metrics (unused codes are 0).
var helveticaWidths = [224]int{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
	556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
	0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
	278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
	400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
	667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
	722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
	556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
}

// pdfWriter counts bytes written so the cross-reference table gets exact offsets.
// The first write error sticks and later writes are skipped.
type pdfWriter struct {
	w       *bufio.Writer
	n       int64
	offsets []int64 // offsets[k-1] is where object k starts
	err     error
}

func (pw *pdfWriter) printf(format string, args ...any) {
	if pw.err != nil {
		return
	}
	n, err := fmt.Fprintf(pw.w, format, args...)
	pw.n += int64(n)
	pw.err = err
}

// object writes object num; objects must come in order 1, 2, 3, ….
func (pw *pdfWriter) object(num int, body string) {
	pw.begin(num)
	pw.printf("%d 0 obj\n%s\nendobj\n", num, body)
}

func (pw *pdfWriter) stream(num int, data []byte) {
	pw.begin(num)
	pw.printf("%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n", num, len(data), data)
}

func (pw *pdfWriter) begin(num int) {
	if num != len(pw.offsets)+1 {
		panic("media: pdf: objects written out of order") // a bug in this file, not bad input
	}
	pw.offsets = append(pw.offsets, pw.n)
}
