//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/view"
)

// TestVerdictWording: the overview's verdict says, in the person's
// language, what the report's verdict is: for each fixture the words of
// that verdict and its explanation, never another's; "cannot tell" gives
// the checks' own reason instead of the general line. Fixed wording, as a
// person reads it, in English and German.
func TestVerdictWording(t *testing.T) {
	words := map[string]map[string][2]string{
		"en": {
			check.VerdictMismatch:   {"This export contains data that is not yours.", "with the exact file and line"},
			check.VerdictConsistent: {"Nothing in this export points to someone else.", "Every device, voice profile and account ID matches"},
			check.VerdictUnknown:    {"We cannot tell whether this export is yours.", ""},
		},
		"de": {
			check.VerdictMismatch:   {"Dieser Export enthält Daten, die nicht Ihnen gehören.", "mit Datei und Zeile"},
			check.VerdictConsistent: {"Nichts in diesem Export deutet auf eine andere Person hin.", "Alle Geräte, Stimmprofile und Kontokennungen passen"},
			check.VerdictUnknown:    {"Ob dieser Export Ihnen gehört, ist nicht feststellbar.", ""},
		},
	}
	seen := map[string]bool{}
	for _, name := range []string{"amazon-2018", "amazon-clean", "amazon-foreign", "takeout-clean", "takeout-parts", "takeout-unrecognized", "unrelated"} {
		s := openFixture(t, name, check.Declared{})
		seen[s.Report.Verdict] = true
		for lang, w := range words {
			html := app.HTMLString((&verdictBanner{Lang: lang, Verdict: s.Report.Verdict, Reason: s.Report.VerdictReason(lang), Complete: true}).Render())
			want := w[s.Report.Verdict]
			if !strings.Contains(html, want[0]) {
				t.Errorf("%s (%s, verdict %s): the banner does not say %q:\n%s", name, lang, s.Report.Verdict, want[0], html)
			}
			for v, other := range w {
				if v != s.Report.Verdict && strings.Contains(html, other[0]) {
					t.Errorf("%s (%s, verdict %s): the banner says %q, the words of %s", name, lang, s.Report.Verdict, other[0], v)
				}
			}
			if s.Report.Verdict == check.VerdictUnknown {
				if r := s.Report.VerdictReason(lang); r == "" || !strings.Contains(html, strings.TrimSuffix(r, ".")) {
					t.Errorf("%s (%s): cannot tell, and the banner does not give the reason %q:\n%s", name, lang, r, html)
				}
			} else if !strings.Contains(html, want[1]) {
				t.Errorf("%s (%s): the banner does not explain %q:\n%s", name, lang, want[1], html)
			}
		}
	}
	for _, v := range []string{check.VerdictMismatch, check.VerdictConsistent, check.VerdictUnknown} {
		if !seen[v] {
			t.Errorf("no fixture has the verdict %s: the test does not cover it", v)
		}
	}
}

// TestFindingChip: the recordings list filtered by a finding names that
// finding in the person's language with the way back to every recording;
// a finding the open export lacks says so; no filter, no chip.
func TestFindingChip(t *testing.T) {
	s := openFixture(t, "amazon-2018", check.Declared{})
	ix := view.NewRecordings(s.Export, s.Report, s.Tree, s.Devices, s.Profiles)
	for _, c := range []struct{ lang, by, none, all string }{
		{"en", "Filtered by finding:", "This finding does not exist in the open export.", "show all"},
		{"de", "Gefiltert nach Befund:", "Diesen Befund gibt es im geöffneten Export nicht.", "alle zeigen"},
	} {
		p := &recordingsPage{lang: c.lang, filter: view.NewFilter()}
		if html := app.HTMLString(p.renderFindingChip(ix)); strings.Contains(html, "finding-filter") {
			t.Errorf("%s: a chip without a filter: %s", c.lang, html)
		}
		for fi := range s.Report.Findings {
			p.filter.Finding = fi
			html := app.HTMLString(p.renderFindingChip(ix))
			title := s.Report.Findings[fi].Text(c.lang)
			for _, want := range []string{c.by, title, c.all, `href="/recordings"`, `data-finding="` + itoa(fi) + `"`} {
				if !strings.Contains(html, want) {
					t.Errorf("%s, finding %d: the chip lacks %q:\n%s", c.lang, fi, want, html)
				}
			}
		}
		p.filter.Finding = len(s.Report.Findings)
		if html := app.HTMLString(p.renderFindingChip(ix)); !strings.Contains(html, c.none) || !strings.Contains(html, c.all) {
			t.Errorf("%s: a finding the export lacks: %s", c.lang, html)
		}
	}
}

// TestOverviewVerdictFirst: a new report's overview shows its verdict
// first, without the test hook data-verdict and without the rest; the
// whole overview, the findings included, follows with data-verdict set.
func TestOverviewVerdictFirst(t *testing.T) {
	s := openFixture(t, "amazon-2018", check.Declared{})
	o := &overview{Lang: "en", Session: s}
	first := app.HTMLString(o.Render())
	if !strings.Contains(first, "This export contains data that is not yours.") || strings.Contains(first, "data-verdict") || strings.Contains(first, `class="findings"`) {
		t.Errorf("first render: want the verdict alone, without data-verdict:\n%s", first)
	}
	o.shown, o.part = s.Report, overviewWhole
	whole := app.HTMLString(o.Render())
	if !strings.Contains(whole, `data-verdict="mismatch"`) || !strings.Contains(whole, `class="findings"`) || !strings.Contains(whole, s.Report.Findings[0].Text("en")) {
		t.Errorf("whole render: want data-verdict, the findings and the first finding's title:\n%.2000s", whole)
	}
}
