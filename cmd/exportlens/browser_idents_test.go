//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"exportlens/app/check"
	"exportlens/cmd/mkexport/hostile"
)

// shownSubject is what the page shows of one finding's subject.
type shownSubject struct {
	Subject string `json:"subject"` // data-subject: the value as written
	Text    string `json:"text"`    // what a person reads
	Bdi     bool   `json:"bdi"`     // the value sits in its own <bdi>
}

// TestBrowserIdents opens idents.zip (hostile look-alike identifiers) in
// English and German: every look-alike is a finding whose subject reads
// differently from the owned value, isolated in <bdi>, with what differs
// said in the page's language, and no raw invisible or direction character
// anywhere on the page.
func TestBrowserIdents(t *testing.T) {
	env := startBrowser(t)
	var data []byte
	for _, a := range hostile.Archives() {
		if a.Name == "idents.zip" {
			data = a.Data
		}
	}
	if data == nil {
		t.Fatal("hostile.Archives has no idents.zip")
	}
	file := filepath.Join(t.TempDir(), "idents.zip")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	notes := map[string][]string{
		"en": {"contains a Cyrillic letter", "contains an invisible character", "contains a character that changes the direction of text", "only looks like a plain letter"},
		"de": {"enthält einen kyrillischen Buchstaben", "enthält ein unsichtbares Zeichen", "enthält ein Steuerzeichen für die Schreibrichtung", "nur ähnelt"},
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			if v := tb.open(t, []string{file}); v != check.VerdictMismatch {
				t.Errorf("verdict: got %q, want %q", v, check.VerdictMismatch)
			}
			got, err := chromedp.Run(tb.ctx, chromedp.Poll[[]shownSubject](
				`(() => { const fs = [...document.querySelectorAll('[data-testid=finding]')]; return fs.length > 0 && fs.map(e => {
					const s = e.querySelector('.subject'); return {subject: e.dataset.subject || '', text: s ? s.innerText : '', bdi: !!(s && s.querySelector('bdi'))} }) })()`,
				chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
			if err != nil {
				t.Fatal(err)
			}
			bySubject := map[string]shownSubject{}
			for _, s := range got {
				bySubject[s.Subject] = s
			}
			for _, pl := range hostile.IdentsForeign {
				s, ok := bySubject[pl.Value]
				if !ok {
					t.Errorf("%s %q (%s): no finding on the page; got %+v", pl.Field, pl.Value, pl.What, got)
					continue
				}
				if want := check.Show(pl.Value).Text; !strings.Contains(s.Text, want) || !s.Bdi {
					t.Errorf("%s (%s): the subject reads %q (in <bdi>: %v), want %q isolated", pl.Field, pl.What, s.Text, s.Bdi, want)
				}
			}
			body, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.body.innerText`))
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range notes[lang] {
				if !strings.Contains(body, n) {
					t.Errorf("the page does not say %q", n)
				}
			}
			for _, r := range "\u200b\u202e" {
				if strings.ContainsRune(body, r) {
					t.Errorf("the page shows a raw U+%04X", r)
				}
			}
			tb.shot(t, lang+"-idents-overview")
			tb.finish(t, nil)
		})
	}
}
