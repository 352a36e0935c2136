package view

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"exportlens/app/check"
)

// TestEvidence: what the page prints and packs holds the words of the
// recordings the person chose, and only theirs, in report.txt and the
// printed head, never in report.json; without a choice it holds none. The
// letters to the company and to the authority differ.
func TestEvidence(t *testing.T) {
	x, _ := openFixture(t, "amazon-2018")
	s := Session{Export: x}.Judge(Default.Check, []check.Input{{Name: "export.zip", Size: 1, SHA256: "00ff"}})
	var chosen, other string
	var ref string
	for i := range x.Recordings {
		if said := x.Recordings[i].Transcript().Text; said != "" {
			if ref == "" {
				ref, chosen = check.RecordingRef(&x.Recordings[i]), said
			} else if !strings.Contains(said, chosen) && !strings.Contains(chosen, said) {
				other = said
				break
			}
		}
	}
	if ref == "" || other == "" {
		t.Fatal("amazon-2018 has fewer than two recordings with words: the test does not test this")
	}
	made := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, lang := range []string{"en", "de"} {
		none := s.Evidence(s.Report, lang, made)
		if h := none.PrintHead(); strings.Contains(h, chosen) || !strings.Contains(h, "00ff") {
			t.Errorf("%s, no excerpt: the printed head holds the words %v or lacks the checksum:\n%s", lang, strings.Contains(h, chosen), h)
		}
		s.Excerpts = []string{ref}
		ev := s.Evidence(s.Report, lang, made)
		if h := ev.PrintHead(); !strings.Contains(h, chosen) || strings.Contains(h, other) {
			t.Errorf("%s, one excerpt: the printed head holds the chosen words %v, another recording's %v:\n%s", lang, strings.Contains(h, chosen), strings.Contains(h, other), h)
		}
		data, err := ev.Pack()
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			files[f.Name] = string(b)
		}
		if txt, js := files["report.txt"], files["report.json"]; !strings.Contains(txt, chosen) || js == "" || strings.Contains(js, chosen) {
			t.Errorf("%s: report.txt holds the excerpt %v, report.json %v (want only report.txt)", lang, strings.Contains(txt, chosen), strings.Contains(js, chosen))
		}
		if ev.Letter(ToCompany) == ev.Letter(ToAuthority) || ev.Letter(ToCompany) == "" {
			t.Errorf("%s: the letters to the company and the authority are the same", lang)
		}
		s.Excerpts = nil
	}
}
