package hostile

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"

	"exportlens/app/media"
)

// The PDF of origin.zip must be a PDF a reader accepts, or the test of its
// link and script in the viewer would prove nothing.
func TestOriginPDFReads(t *testing.T) {
	z, err := zip.NewReader(bytes.NewReader(Origin()), int64(len(Origin())))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open(OriginPDF)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(f)
	lines, err := media.PDFLines(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("PDFLines: %v", err)
	}
	var got []string
	for _, l := range lines {
		got = append(got, l.Text)
	}
	if len(got) != len(OriginPDFLines) || got[0] != OriginPDFLines[0] || got[1] != OriginPDFLines[1] {
		t.Errorf("got lines %q, want %q", got, OriginPDFLines)
	}
	for _, want := range []string{"/OpenAction", "/JavaScript", "/URI (" + OriginURI + ")"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the PDF lacks %s", want)
		}
	}
}
