package check

import (
	"strings"
	"testing"

	"exportlens/app/export"
)

func writeText(t *testing.T, r *Report, lang string) string {
	t.Helper()
	var b strings.Builder
	if err := r.WriteText(&b, lang); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteText(t *testing.T) {
	foreign := func() *export.Export {
		x := amazonClean()
		addRecording(x, 17, custID, foreignDev, anna, "", false)
		src := x.Recordings[4].Device().Src()
		src.Part = "export.zip!Alexa.zip"
		x.Recordings[4].Set(export.FieldDevice, val(x.Recordings[4].Device().Text, src))
		return x
	}
	tests := []struct {
		name  string
		r     *Report
		lang  string
		lines []string // each must appear as a whole line
		not   []string // substrings that must not appear
	}{
		{name: "english mismatch", r: Run(foreign(), Declared{}), lang: "en", lines: []string{
			"Verdict: this export holds data that points to someone else.",
			"Format: amazon",
			"  customer ID A1B2C3D4E5F6G7",
			"  device G070RQ0000000001 (A3S5BH2HU6VAYF, Küche)",
			"  voice profile amzn1.actor.person.oid.A1ANNAPROFILE1 (Anna)",
			"Recordings: 5, transcripts: 5, devices: 2, voice profiles: 1",
			"Findings (1):",
			"[mismatch] 1 recording comes from a device that is not registered to this account",
			"  rule unregistered-device, subject G070RQ0000000099, 1 record",
			"  export.zip!Alexa.zip!Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv:17 DeviceSerialNumber = G070RQ0000000099",
		}, not: []string{"You declared:"}},
		{name: "german mismatch", r: Run(foreign(), Declared{Devices: []string{echoDot, echo, foreignDev}}), lang: "de", lines: []string{
			"Ergebnis: Dieser Export enthält Daten, die auf eine andere Person hinweisen.",
			"  Kundennummer A1B2C3D4E5F6G7",
			"  Gerät G070RQ0000000001 (A3S5BH2HU6VAYF, Küche)",
			"Ihre Angaben:",
			"  Gerät G070RQ0000000099",
			"Befunde (1):",
			"[fremd] 1 Aufnahme stammt von einem Gerät, das nicht für dieses Konto registriert ist",
			"  Regel unregistered-device, betrifft G070RQ0000000099, 1 Datensatz",
		}, not: []string{"Verdict", "recording", "Findings"}},
		{name: "consistent", r: Run(amazonClean(), Declared{}), lang: "en", lines: []string{
			"Verdict: nothing in this export points to someone else.",
			"No findings.",
		}},
		{name: "unknown format in german", r: Run(&export.Export{Vendor: export.Unknown}, Declared{}), lang: "de", lines: []string{
			"Ergebnis: Ob dieser Export Ihnen gehört, ist nicht feststellbar. Das sieht nicht nach einem Export von Amazon oder Google Takeout aus, daher gibt es keine Prüfung, wem die Daten gehören. Gefunden: keine Dateien.",
			"  (niemand genannt)",
			"[unklar] Das sieht nicht nach einem Export von Amazon oder Google Takeout aus, daher gibt es keine Prüfung, wem die Daten gehören. Gefunden: keine Dateien",
		}},
		{name: "a subject of ours in german", r: Run(amazon2018(3), Declared{NoDevices: true}), lang: "de", lines: []string{
			"  Regel declared-mismatch, betrifft Sprachaufnahmen, 3 Datensätze",
		}, not: []string{"voice recordings"}},
		{name: "photos and a note", r: Run(&export.Export{Vendor: export.Unknown, Contents: export.Contents{Files: 4, Images: 3, Texts: 1}}, Declared{}), lang: "en", lines: []string{
			"[unknown] This does not look like an Amazon or Google Takeout export, so no ownership check applies. Found: 4 files: 3 images, 1 text file",
		}},
		{name: "one pdf and an odd file in german", r: Run(&export.Export{Vendor: export.Unknown, Contents: export.Contents{Files: 2, PDFs: 1}}, Declared{}), lang: "de", lines: []string{
			"[unklar] Das sieht nicht nach einem Export von Amazon oder Google Takeout aus, daher gibt es keine Prüfung, wem die Daten gehören. Gefunden: 2 Dateien: 1 PDF-Datei, 1 sonstige Datei",
		}},
		{name: "pdf pages and json pointers", r: &Report{Verdict: VerdictConsistent, Findings: []Finding{{
			Rule: "r", Severity: Note, Title: "t", Evidence: []Evidence{
				{Part: "export.zip", Path: "Alexa/t.pdf", Page: 3, Line: 7, Value: "licht aus"},
				{Part: "p.zip", Path: "a.json", Pointer: "/12/details", Field: "details"},
				{Path: "x.csv", Line: 2, Field: "Name", Value: "Küche", Raw: "KÃ¼che"},
			}}}}, lang: "en", lines: []string{
			"  export.zip!Alexa/t.pdf (page 3, line 7) = licht aus",
			"  p.zip!a.json#/12/details details",
			"  x.csv:2 Name = Küche (as written: KÃ¼che)",
			"[note] t",
		}},
		{name: "hostile values are escaped", r: &Report{Verdict: VerdictMismatch, Findings: []Finding{{
			Rule: "r", Severity: Mismatch, Title: "t", Subject: "a\x1b[2Jb", Evidence: []Evidence{
				{Path: "evil\nname.csv", Line: 1, Field: "F", Value: "x\u202ey\r"},
			}}}}, lang: "en", lines: []string{
			`  rule r, subject a⟨U+001B⟩[2Jb [contains an invisible character], 0 records`,
			`  evil⟨U+000A⟩name.csv:1 F = x⟨U+202E⟩y⟨U+000D⟩`,
		}, not: []string{"\x1b", "\u202e", "\r"}},
		{name: "problems", r: &Report{Verdict: VerdictConsistent, Problems: []Problem{{Part: "a.zip", Path: "b.csv", Reason: "csv: bad quote"}}}, lang: "de", lines: []string{
			"Dateien mit Problemen (1):",
			"  a.zip!b.csv: csv: bad quote",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeText(t, tt.r, tt.lang)
			have := map[string]bool{}
			for _, l := range strings.Split(out, "\n") {
				have[l] = true
			}
			for _, l := range tt.lines {
				if !have[l] {
					t.Errorf("missing line %q in:\n%s", l, out)
				}
			}
			for _, s := range tt.not {
				if strings.Contains(out, s) {
					t.Errorf("output holds %q:\n%s", s, out)
				}
			}
		})
	}
}

func TestCleanCutsLongText(t *testing.T) {
	got := clean(strings.Repeat("ä", 500))
	if n := len([]rune(got)); n != maxTextRunes+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("got %d runes ending %q, want %d and …", n, got[len(got)-3:], maxTextRunes+1)
	}
	if got := clean("ok \xff"); got != "ok \ufffd" {
		t.Errorf("invalid UTF-8: got %q, want %q", got, "ok \ufffd")
	}
}
