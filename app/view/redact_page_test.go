package view

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"exportlens/app/archive"
)

// activityPage writes a Takeout My Activity.html of records (said, answer,
// from an unrecognised speaker?) in the real page's cell markup, one cell
// per line or, minified as real pages often are, all on one line.
func activityPage(recs [][3]string, minified bool) string {
	var b strings.Builder
	nl := "\n"
	if minified {
		nl = ""
	}
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>My Activity</title></head><body>" + nl + "<div class=\"mdl-grid\">" + nl)
	for i, r := range recs {
		b.WriteString(`<div class="outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp"><div class="mdl-grid">` + nl)
		b.WriteString(`<div class="header-cell mdl-cell mdl-cell--12-col"><p class="mdl-typography--title">Assistant<br></p></div>` + nl)
		fmt.Fprintf(&b, `<div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1">Said %s<br>%d Mar 2024, 10:0%d:00 UTC<br>%s<br></div>`+nl, r[0], i+1, i, r[1])
		b.WriteString(`<div class="content-cell mdl-cell mdl-cell--12-col mdl-typography--caption"><b>Products:</b><br>&emsp;Assistant<br>`)
		if r[2] != "" {
			b.WriteString(`<b>Details:</b><br>&emsp;From unrecognized speaker<br>`)
		}
		b.WriteString("</div>" + nl + "</div></div>" + nl)
	}
	b.WriteString("</div></body></html>\n")
	return b.String()
}

// TestProtectHTMLPreview: in the Files page's text preview of an HTML
// activity page, what the unrecognised speaker said (and the answer to it)
// is hidden in every line, pretty-printed or minified, and what the
// account's own records say stays visible.
func TestProtectHTMLPreview(t *testing.T) {
	recs := [][3]string{
		{"turn off the alarm", "Alarm off", ""},
		{"tell me about Tom &amp; Jerry", "Here is what I found about the cartoon", "stranger"},
		{"good morning", "Good morning, Alice", ""},
	}
	const page = "Takeout/My Activity/Assistant/MyActivity.html"
	for _, minified := range []bool{false, true} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create(page)
		w.Write([]byte(activityPage(recs, minified)))
		zw.Close()
		ix := openIndex(t, "activity page", []archive.Input{{Name: "takeout-20240301T101500Z-001.zip", R: bytes.NewReader(buf.Bytes()), Size: int64(buf.Len())}})
		prot := NewProtection(ix, Lifted{})
		if prot.Hidden != 1 {
			t.Fatalf("minified %v: %d recordings, report %v; want the stranger's one hidden", minified, len(ix.Export.Recordings), ix.Report.Findings)
		}
		key := FileKey("takeout-20240301T101500Z-001.zip", page)
		if hides, _ := prot.FileHides(key); !hides {
			t.Fatalf("minified %v: the page is not one that hides records", minified)
		}
		var shown strings.Builder
		for i, line := range strings.Split(activityPage(recs, minified), "\n") {
			shown.WriteString(joinShown(Redact(line, prot.TextSaid(key, i+1), false)) + "\n")
		}
		got := shown.String()
		for _, stranger := range []string{"tell me about Tom &amp; Jerry", "Here is what I found about the cartoon"} {
			if strings.Contains(got, stranger) {
				t.Errorf("minified %v: the preview shows %q", minified, stranger)
			}
		}
		for _, own := range []string{"turn off the alarm", "Alarm off", "good morning", "Good morning, Alice", "From unrecognized speaker"} {
			if !strings.Contains(got, own) {
				t.Errorf("minified %v: the preview hides %q", minified, own)
			}
		}
	}
}
