//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/view"
)

// TestHomeFirstMinute: until an export is open, the home page says what
// ExportLens checks and promises and, per company, how to get an export;
// once one is open (or opening) it shows the overview instead. Fixed words
// in English and German.
func TestHomeFirstMinute(t *testing.T) {
	words := map[string][]string{
		"en": {"GDPR, Article 15", "Nothing is uploaded", "works offline", "How to get your export", "From Amazon", "Request Your Data", "From Google", "Deselect all", "choose all the files here at once"},
		"de": {"DSGVO, Artikel 15", "Nichts wird hochgeladen", "ohne Internetverbindung", "So bekommen Sie Ihren Export", "Von Amazon", "Meine Daten anfordern", "Von Google", "Auswahl aufheben", "alle Dateien auf einmal"},
	}
	for lang, want := range words {
		p := &homePage{lang: lang}
		html := app.HTMLString(p.Render())
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s, nothing open: the home page does not say %q", lang, w)
			}
		}
		if !strings.Contains(html, `href="/help"`) {
			t.Errorf("%s: no link to the help page", lang)
		}
		for _, st := range []view.Status{view.StatusLoading, view.StatusLoaded} {
			p := &homePage{lang: lang}
			p.s.Status = st
			if html := app.HTMLString(p.Render()); strings.Contains(html, want[3]) || strings.Contains(html, want[0]) {
				t.Errorf("%s, status %d: the introduction is still shown", lang, st)
			}
		}
	}
}

// TestHelpPage: the help page explains each verdict under its own title
// and each severity under its label, as the overview words them.
func TestHelpPage(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		html := app.HTMLString((&helpPage{lang: lang}).Render())
		for v, keys := range verdictText {
			if !strings.Contains(html, tr(lang, keys[0])) {
				t.Errorf("%s: the help page does not name the verdict %s (%q)", lang, v, tr(lang, keys[0]))
			}
		}
		for _, s := range []check.Severity{check.Mismatch, check.Likely, check.Note, check.Unknown} {
			if !strings.Contains(html, `class="severity severity-`+string(s)+`">`+tr(lang, severityText[s])) {
				t.Errorf("%s: the help page does not explain the severity %s", lang, s)
			}
		}
		if n := strings.Count(html, "<h1"); n != 1 {
			t.Errorf("%s: %d h1 elements, want 1", lang, n)
		}
	}
}

// TestOverviewNotExport: what is no export of a known vendor gets the
// verdict that says what was found, a sentence of what was expected and how
// to get an export, and no empty account or device tables.
func TestOverviewNotExport(t *testing.T) {
	s := openFixture(t, "unrelated", check.Declared{})
	o := &overview{Lang: "de", Session: s, shown: s.Report, part: overviewWhole}
	html := app.HTMLString(o.Render())
	for _, w := range []string{"Gefunden:", "ExportLens hat die Dateien eines Exports von Amazon erwartet", "So bekommen Sie Ihren Export", `data-verdict="unknown"`} {
		if !strings.Contains(html, w) {
			t.Errorf("the overview of an unrelated ZIP does not say %q:\n%.3000s", w, html)
		}
	}
	if strings.Contains(html, `class="claim"`) {
		t.Error("the overview of an unrelated ZIP shows the account it claims")
	}
	a := openFixture(t, "amazon-clean", check.Declared{})
	if html := app.HTMLString((&overview{Lang: "de", Session: a, shown: a.Report, part: overviewWhole}).Render()); strings.Contains(html, "not-export") || !strings.Contains(html, `class="claim"`) {
		t.Error("an Amazon export's overview: want the account, not the no-export text")
	}
}
