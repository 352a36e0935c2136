package ui

import (
	"strings"
	"testing"

	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

// TestTextsHaveBothLanguages fails when a UI string lacks English or German.
func TestTextsHaveBothLanguages(t *testing.T) {
	for key, tx := range texts {
		if strings.TrimSpace(tx.en) == "" {
			t.Errorf("%s: got no English text, want one", key)
		}
		if strings.TrimSpace(tx.de) == "" {
			t.Errorf("%s: got no German text, want one", key)
		}
		if strings.Count(tx.en, "%") != strings.Count(tx.de, "%") {
			t.Errorf("%s: got %d verbs in English and %d in German, want the same", key, strings.Count(tx.en, "%"), strings.Count(tx.de, "%"))
		}
	}
}

// TestDomainTextsComplete: every value of the domain that the pages word
// (a severity, a vendor, a preview kind, why an input could not be read, a
// file's problem, a verdict) has its own text, in both languages.
func TestDomainTextsComplete(t *testing.T) {
	has := func(what string, k textKey) {
		t.Helper()
		if k == noText {
			t.Errorf("%s: no text", what)
			return
		}
		if _, ok := texts[k.name]; !ok {
			t.Errorf("%s: key %q has no entry in texts", what, k.name)
		}
	}
	for _, sev := range []check.Severity{check.Mismatch, check.Likely, check.Note, check.Unknown} {
		has("severity "+string(sev), severityText[sev])
	}
	for _, v := range []export.Vendor{export.Amazon, export.Google, export.Unknown} {
		has("vendor "+string(v), vendorText[v])
	}
	for _, k := range []view.Kind{view.KindCSV, view.KindJSON, view.KindText, view.KindImage, view.KindPDF, view.KindAudio, view.KindArchive, view.KindOther} {
		has("kind "+string(k), kindText[k])
	}
	for _, r := range view.Reasons {
		has("reason "+string(r), reasonText[r])
	}
	for _, k := range export.ProblemKinds {
		if k != export.ProblemArchive {
			has("problem "+string(k), problemText[k])
		}
	}
	for _, v := range []string{check.VerdictMismatch, check.VerdictConsistent, check.VerdictUnknown} {
		has("verdict "+v, verdictText[v][0])
		has("verdict "+v+" explained", verdictText[v][1])
	}
}

func TestTrLanguage(t *testing.T) {
	tests := []struct{ name, lang, want string }{
		{"german", "de", "Befunde"},
		{"english", "en", "Findings"},
		{"other falls back to English", "fr", "Findings"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tr(tc.lang, tFindingsTitle); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSplitEmails(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", " ", []string{}},
		{"padded, capitals", " Anna@Example.com ", []string{"Anna@Example.com"}},
		{"separated by spaces", "a@x.de b@y.de", []string{"a@x.de", "b@y.de"}},
		{"a stray space inside", "anna @example.com", []string{"anna @example.com"}},
		{"commas", "a@x.de,b@y.de", []string{"a@x.de", "b@y.de"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := splitEmails(tc.in)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || got == nil {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSplitList(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", []string{}},
		{"commas and spaces", "a@x.de, b@y.de ;c", []string{"a@x.de", "b@y.de", "c"}},
		// Issue 7: an ID typed in groups is one ID.
		{"customer ID in groups", " a1b2 c3d4 e5f6 g7 ", []string{"a1b2 c3d4 e5f6 g7"}},
		{"serials in groups, one a line", "G070 RQ00 0000 0001\r\nG090-LF00-0000-0002\n", []string{"G070 RQ00 0000 0001", "G090-LF00-0000-0002"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := splitList(tc.in)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || got == nil {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
