package pack

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"exportlens/app/check"
)

const (
	foreignID = "A9Z8Y7X6W5V4U3"
	ownID     = "A1B2C3D4E5F6G7"
	sha       = "36bea01e498c9431a171366a92c2f2a29ea3b6e3639687a74f3f22f627ae7be9"
	noteFile  = "Alexa.VoiceHistory/media/0c1d.wav"
)

// sample is a report as check.Run makes one for an export with another
// customer's records: one mismatch, one note.
func sample(verdict string) *check.Report {
	r := &check.Report{
		Schema:  check.Schema,
		Inputs:  []check.Input{{Name: "Alexa.zip", Size: 123456, SHA256: sha}, {Name: "Takeout", Folder: true}},
		Vendor:  "amazon",
		Claim:   check.Claim{CustomerIDs: []string{ownID}, Emails: []string{"anna.beispiel@example.com"}},
		Summary: check.Summary{Recordings: 40, Transcripts: 40, Devices: 2},
		Verdict: verdict,
	}
	if verdict == check.VerdictMismatch {
		r.Findings = append(r.Findings, check.Finding{Rule: "foreign-customer", Severity: check.Mismatch,
			Title: "7 records name another customer", Subject: foreignID, Records: 7,
			Evidence: []check.Evidence{{Part: "Alexa.zip", Path: "Alexa.VoiceHistory.csv", Line: 17, Field: "CustomerId", Value: foreignID}}})
	}
	r.Findings = append(r.Findings, check.Finding{Rule: "missing-recording", Severity: check.Note,
		Title: "1 audio file is missing", Subject: noteFile, Records: 1})
	return r
}

var made = time.Date(2026, 12, 2, 10, 30, 0, 0, time.UTC)

func unzip(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(data)
	}
	return out
}

func TestLetterFacts(t *testing.T) {
	cases := []struct {
		lang               string
		requested, arrived time.Time
		want               []string
	}{
		{"en", time.Time{}, time.Time{}, []string{"[date of your access request]", "[date the export arrived]", "2 December 2026"}},
		{"de", time.Time{}, time.Time{}, []string{"[Datum Ihres Auskunftsantrags]", "[Datum, an dem der Export ankam]", "2. Dezember 2026"}},
		{"en", time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC),
			[]string{"On 1 October 2026 I asked", "On 3 November 2026 I received"}},
		{"de", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 30, 0, 0, 0, 0, time.UTC),
			[]string{"m 1. März 2026 habe ich", "Am 30. März 2026 habe ich"}},
	}
	for _, c := range cases {
		m := Meta{Made: made, Lang: c.lang, Requested: c.requested, Arrived: c.arrived}
		for _, to := range []Recipient{Company, Authority} {
			l := Letter(sample(check.VerdictMismatch), to, m)
			want := append([]string{foreignID, ownID, "anna.beispiel@example.com", "Alexa.zip", sha, "7 ", "40 "}, c.want...)
			for _, s := range want {
				if !strings.Contains(l, s) {
					t.Errorf("%s letter %d lacks %q:\n%s", c.lang, to, s, l)
				}
			}
			if strings.Contains(l, noteFile) {
				t.Errorf("%s letter %d names a note's subject %s: a note is no one else's data", c.lang, to, noteFile)
			}
			if !c.requested.IsZero() {
				for _, ph := range []string{tr(c.lang, "requested"), tr(c.lang, "arrived")} {
					if strings.Contains(l, ph) {
						t.Errorf("%s letter %d keeps the placeholder %s though the date is given", c.lang, to, ph)
					}
				}
			}
		}
	}
}

func TestNoLetter(t *testing.T) {
	for _, v := range []string{check.VerdictConsistent, check.VerdictUnknown} {
		rep := sample(v)
		for _, lang := range []string{"en", "de"} {
			m := Meta{Made: made, Lang: lang}
			if l := Letter(rep, Company, m) + Letter(rep, Authority, m) + Letters(rep, m); l != "" {
				t.Errorf("%s verdict, %s: got a letter:\n%s", v, lang, l)
			}
			if NoLetter(rep, lang) == "" {
				t.Errorf("%s verdict, %s: NoLetter gives no reason", v, lang)
			}
			b, err := Build(rep, m)
			if err != nil {
				t.Fatal(err)
			}
			files := unzip(t, b)
			if _, ok := files[FileLetterCompany]; ok {
				t.Errorf("%s verdict: the pack holds a letter", v)
			}
			readme := files[FileReadme]
			say := map[string]string{"en": "There are no letters", "de": "Briefe gibt es keine"}[lang]
			if !strings.Contains(readme, say) || strings.Contains(readme, FileLetterCompany) {
				t.Errorf("%s verdict, %s: the README does not say there are no letters, or lists one:\n%s", v, lang, readme)
			}
		}
	}
	if NoLetter(sample(check.VerdictMismatch), "en") != "" {
		t.Error("NoLetter gives a reason for a mismatch verdict")
	}
}

func TestBuild(t *testing.T) {
	rep := sample(check.VerdictMismatch)
	m := Meta{Made: made, Lang: "de", Version: "v1.2.3"}
	a, err := Build(rep, m)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Build(rep, m)
	if !bytes.Equal(a, b) {
		t.Error("the same report and Meta give different packs")
	}
	m2 := m
	m2.Made = made.Add(2 * time.Second)
	if c, _ := Build(rep, m2); bytes.Equal(a, c) {
		t.Error("a pack made two seconds later is byte-identical: the ZIP times are not Made")
	}
	files := unzip(t, a)
	js, _ := ReportJSON(rep)
	if files[FileReportJSON] != string(js) {
		t.Errorf("report.json is not ReportJSON")
	}
	for _, n := range []string{FileReadme, FileReportText, FileLetterCompany, FileLetterAuthority} {
		if files[n] == "" {
			t.Errorf("pack lacks %s", n)
		}
	}
	txt := files[FileReportText]
	for _, s := range []string{"Alexa.zip: 123456 Bytes, SHA-256 " + sha, "Takeout (ein Ordner; ohne Prüfsumme)",
		"v1.2.3", "2. Dezember 2026", "10:30 UTC", "nichts wurde hochgeladen", foreignID, "CustomerId", ":17"} {
		if !strings.Contains(txt, s) {
			t.Errorf("report.txt lacks %q:\n%s", s, txt)
		}
	}
	zr, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	for _, f := range zr.File {
		if !f.Modified.Equal(made) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, made)
		}
	}
	// A zero time is the earliest a ZIP can hold, not year 1.
	z, _ := Build(rep, Meta{Lang: "en"})
	zr, _ = zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if got := zr.File[0].Modified; got.Year() != 1980 {
		t.Errorf("zero Made: entries dated %v, want 1980", got)
	}
}

// TestExcerpts: what the person chose is in report.txt, after its heading,
// and in no other file.
func TestExcerpts(t *testing.T) {
	const ex = "Alexa, call Lisa."
	for _, lang := range []string{"en", "de"} {
		m := Meta{Made: made, Lang: lang, Excerpts: []string{ex}}
		b, err := Build(sample(check.VerdictMismatch), m)
		if err != nil {
			t.Fatal(err)
		}
		files := unzip(t, b)
		h := tr(lang, "excerpts")
		txt := files[FileReportText]
		hi, ei := strings.Index(txt, h), strings.Index(txt, "> "+ex)
		if hi < 0 || ei < hi {
			t.Errorf("%s: excerpt not under its heading %q:\n%s", lang, h, txt)
		}
		for n, data := range files {
			if n != FileReportText && strings.Contains(data, ex) {
				t.Errorf("%s: %s holds the excerpt", lang, n)
			}
		}
		if b, _ := Build(sample(check.VerdictMismatch), Meta{Made: made, Lang: lang}); strings.Contains(unzip(t, b)[FileReportText], h) {
			t.Errorf("%s: the excerpts heading appears with no excerpts", lang)
		}
	}
}

// TestHostileNames: a file name from the person's disk or an identifier
// from the export cannot drive a terminal or reverse a sentence.
func TestHostileNames(t *testing.T) {
	rep := sample(check.VerdictMismatch)
	rep.Inputs[0].Name = "Alexa\x1b[2J\u202e.zip"
	rep.Findings[0].Subject = "A9Z8\u200bY7X6W5V4U3"
	m := Meta{Made: made, Lang: "en"}
	for name, s := range map[string]string{"text": Text(rep, m), "letters": Letters(rep, m)} {
		if strings.ContainsAny(s, "\x1b\u202e\u200b") {
			t.Errorf("%s holds a control or invisible character raw", name)
		}
	}
}

var verbs = regexp.MustCompile(`%[a-z]`)

// TestMessagesComplete: every text exists in both languages, with the same
// verbs in the same order (a German text that drops a %d would misprint).
func TestMessagesComplete(t *testing.T) {
	for k, m := range messages {
		if m.en == "" || m.de == "" {
			t.Errorf("%s: a language is missing", k)
			continue
		}
		if e, d := verbs.FindAllString(m.en, -1), verbs.FindAllString(m.de, -1); strings.Join(e, "") != strings.Join(d, "") {
			t.Errorf("%s: verbs en %v, de %v", k, e, d)
		}
	}
}
