package media

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// rawPDF assembles a PDF from object bodies (object k+1 is objs[k]) with a correct xref
// table. trailer is appended inside the trailer dictionary.
func rawPDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return b.Bytes()
}

func stream(content string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
}

// handPDF draws its text out of order: the reader must sort by position, join the two
// pieces of line 2 with a space, and keep "Zeile" and "3" apart by a gap, not a glyph.
func handPDF() []byte {
	content := `BT /F1 12 Tf 72 700 Td (Zweite) Tj ET
BT /F1 12 Tf 72 740 Td (Erste Zeile) Tj ET
BT /F1 12 Tf 160 700.8 Td (Zeile) Tj ET
BT /F1 12 Tf 72 660 Td [(Dr) 20 (itte)] TJ ( ) Tj (\(Klammer\)) Tj ET
q 1 0 0 1 0 -40 cm BT /F1 12 Tf 72 660 Td (Vierte) Tj ET Q`
	return rawPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream(content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}, "")
}

func TestPDFLinesHandWritten(t *testing.T) {
	b := handPDF()
	got, err := PDFLines(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("PDFLines: %v", err)
	}
	want := []PDFLine{
		{1, 1, "Erste Zeile"},
		{1, 2, "Zweite Zeile"},
		{1, 3, "Dritte (Klammer)"},
		{1, 4, "Vierte"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestWritePDFRoundTrip(t *testing.T) {
	pages := [][]string{
		{
			"16.04.2018 11:42:55 Alexa, wie wird das Wetter morgen?",
			"",
			"16.04.2018 11:43:10 Spiel (laut) Musik von den Ärzten \\ bitte",
			"Grüße aus Köln: äöü ÄÖÜ ß é – „Zitat“ € 100%",
		},
		{},
		{"iiiiiiii WWWWWWWW", "two  spaces", "a"},
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, pages); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	got, err := PDFLines(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("PDFLines: %v", err)
	}
	var want []PDFLine
	for p, lines := range pages {
		n := 0
		for _, l := range lines {
			if l != "" {
				n++
				want = append(want, PDFLine{Page: p + 1, Line: n, Text: l})
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestWritePDFFullPages(t *testing.T) {
	var pages [][]string
	for p := 0; p < 3; p++ {
		var lines []string
		for l := 0; l < PDFPageLines; l++ {
			lines = append(lines, fmt.Sprintf("%02d.04.2018 11:%02d:00 Seite %d Zeile %d", p+1, l, p+1, l+1))
		}
		pages = append(pages, lines)
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, pages); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	got, err := PDFLines(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("PDFLines: %v", err)
	}
	if len(got) != 3*PDFPageLines {
		t.Fatalf("got %d lines, want %d", len(got), 3*PDFPageLines)
	}
	for _, l := range got {
		if want := pages[l.Page-1][l.Line-1]; l.Text != want {
			t.Errorf("page %d line %d: got %q, want %q", l.Page, l.Line, l.Text, want)
		}
	}
}

func TestWritePDFErrors(t *testing.T) {
	tests := []struct {
		name  string
		pages [][]string
		want  string
	}{
		{"rune outside WinAnsi", [][]string{{"ok", "Łódź"}}, "page 1 line 2: U+0141"},
		{"control character", [][]string{{"a\tb"}}, "U+0009"},
		{"too many lines", [][]string{nil, make([]string, PDFPageLines+1)}, "page 2 has"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WritePDF(&buf, tt.pages)
			if err == nil || !strings.HasPrefix(err.Error(), "media: pdf: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("got %d bytes written before the error, want none", buf.Len())
			}
		})
	}
}

func TestPDFLinesErrors(t *testing.T) {
	good := handPDF()
	page := "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a PDF", []byte(strings.Repeat("hello ", 40)), "startxref"},
		{"truncated", good[:len(good)/2], "media: pdf: "},
		{"empty", nil, "too short"},
		// The library would allocate a table for a billion objects.
		{"huge xref subsection", bytes.Replace(good, []byte("xref\n0 6\n"), []byte("xref\n999999999 6\n"), 1), "bad xref subsection"},
		{"xref Prev not at an xref", rawPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>"}, "/Prev 9 "), "media: pdf: "},
		// A page tree that contains itself made the library loop forever.
		{"page tree cycle", rawPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
			page,
			stream("BT /F1 12 Tf 72 700 Td (x) Tj ET"),
		}, ""), "page tree"},
		{"unknown filter", rawPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			page,
			"<< /Length 3 /Filter /Bogus >>\nstream\nabc\nendstream",
		}, ""), "media: pdf: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, err := PDFLines(bytes.NewReader(tt.data), int64(len(tt.data)))
			if err == nil || !strings.HasPrefix(err.Error(), "media: pdf: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got lines %+v error %v, want an error containing %q", lines, err, tt.want)
			}
		})
	}
}

func TestPDFXrefCycle(t *testing.T) {
	// startxref points at a section whose /Prev points back at itself.
	b := rawPDF([]string{"<< /Type /Catalog >>"}, "")
	i := bytes.LastIndex(b, []byte("startxref\n"))
	var off int
	fmt.Sscanf(string(b[i+len("startxref\n"):]), "%d", &off)
	b = bytes.Replace(b, []byte("/Root 1 0 R "), []byte(fmt.Sprintf("/Root 1 0 R /Prev %d ", off)), 1)
	_, err := PDFLines(bytes.NewReader(b), int64(len(b)))
	if err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("got %v, want a cycle error", err)
	}
}

func FuzzPDFLines(f *testing.F) {
	for _, b := range fixtureMedia(f, ".pdf", 1<<20, 4) {
		f.Add(b)
	}
	var buf bytes.Buffer
	WritePDF(&buf, [][]string{{"16.04.2018 11:42:55 Hallo", "Grüße"}, {"zwei"}})
	f.Add(buf.Bytes())
	f.Add(handPDF())
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, err := PDFLines(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		for _, l := range lines {
			if l.Page < 1 || l.Line < 1 || l.Text == "" {
				t.Fatalf("got line %+v", l)
			}
		}
	})
}

// The library's lexer returns newlines for ever at the end of a stream, so an unterminated
// hex string at the end of a content stream (or a ToUnicode CMap) made PDFLines hang.
func TestPDFLinesUnterminatedHexString(t *testing.T) {
	cmap := "/CIDInit /ProcSet findresource begin 1 begincodespacerange <00> <FF> endcodespacerange <4"
	tests := []struct {
		name, content, font string
		want                []string
	}{
		{"in content", "BT /F1 12 Tf 72 700 Td (ok) Tj ET <4142", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", []string{"ok"}},
		{"in ToUnicode CMap", "BT /F1 12 Tf 72 700 Td (ok) Tj ET", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>", []string{"ok"}},
		{"after inline image", "BI /W 2 /H 1 /BPC 8 /CS /G ID \x00(EI\x01 EI BT /F1 12 Tf 72 700 Td (after) Tj ET", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", []string{"after"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := rawPDF([]string{
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
				stream(tt.content),
				tt.font,
				stream(cmap),
			}, "")
			lines, err := PDFLines(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatalf("PDFLines: %v", err)
			}
			var got []string
			for _, l := range lines {
				got = append(got, l.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
