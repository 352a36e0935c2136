//go:build !js

package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"exportlens/app/check"
)

// Browser tests of presenter mode (issue 12): with it on, no page shows
// any of the export's names, e-mail addresses, IDs, serials or anything
// anyone said, in its text or in any attribute a screen reader or a
// tooltip shows; the finding is still there.

// presentFixtures: a 2018-style export (PDF transcript, foreign
// recordings), foreign devices in CSV, a Takeout with foreign e-mails.
var presentFixtures = map[string][]string{
	"en": {"amazon-2018", "takeout-emails"},
	"de": {"amazon-foreign", "amazon-2018"},
}

// exportWords are what presenter mode must not show of n: the account's
// identifiers and names, every device's and profile's, every value a
// finding names, and every transcript and response phrase. Collected from
// the export and the report, not from the pseudonyms.
func (n *nativeExport) exportWords() []string {
	var w []string
	for _, vs := range [][]string{n.rep.Claim.CustomerIDs, n.rep.Claim.Emails, n.rep.Claim.Names} {
		w = append(w, vs...)
	}
	for _, d := range n.rep.Claim.Devices {
		w = append(w, d.Serial, d.Name)
	}
	for _, p := range n.rep.Claim.VoiceProfiles {
		w = append(w, p.ID, p.Name)
	}
	for _, d := range n.x.Devices {
		w = append(w, d.Serial.Text, d.Name.Text, d.CustomerID.Text)
	}
	for _, p := range n.x.VoiceProfiles {
		w = append(w, p.ID.Text, p.Name.Text)
	}
	// A device type code names a product (a Kindle), nobody's data.
	product := map[string]bool{}
	for _, d := range n.x.Devices {
		product[d.Type.Text] = true
	}
	for i := range n.x.Recordings {
		product[n.x.Recordings[i].DeviceType().Text] = true
	}
	for _, f := range n.rep.Findings {
		if !strings.Contains(f.Subject, "/") && !product[f.Subject] {
			w = append(w, f.Subject)
		}
		for _, e := range f.Evidence {
			if !strings.Contains(e.Value, "/") && !product[e.Value] { // a path: file names are shown
				w = append(w, e.Value)
			}
		}
	}
	said := func(s string) {
		// A phrase: two words or more (one word may be the app's own,
		// "Stop").
		if len(strings.Fields(s)) >= 2 {
			w = append(w, s)
		}
	}
	for i := range n.x.Recordings {
		r := &n.x.Recordings[i]
		w = append(w, r.Device().Text, r.CustomerID().Text, r.PersonName().Text, r.DeviceName().Text)
		said(r.Transcript().Text)
		said(r.Response().Text)
	}
	for _, l := range n.x.Transcripts {
		said(l.Text)
	}
	w = slices.DeleteFunc(w, func(s string) bool { return utf8.RuneCountInString(strings.TrimSpace(s)) < 4 })
	for i := range w {
		w[i] = strings.ToLower(strings.TrimSpace(w[i]))
	}
	slices.Sort(w)
	return slices.Compact(w)
}

// pageWordsJS is everything the page shows or says: its text, the values
// of its fields, the attributes tooltips and screen readers use, its
// title.
const pageWordsJS = `(() => {
  const out = [document.title, document.body.innerText];
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (a.name === 'title' || a.name === 'alt' || a.name === 'placeholder' || a.name === 'value' || a.name === 'href' || a.name.startsWith('aria-') || a.name.startsWith('data-')) out.push(a.value);
    }
    if (typeof e.value === 'string') out.push(e.value);
  }
  return out.join('\n').toLowerCase();
})()`

// presentCheck fails t for every word of words the page shows, and
// saves a screenshot.
func presentCheck(t *testing.T, tb *tab, where string, words []string) {
	t.Helper()
	recsWait(t, tb, `!!document.querySelector('[data-testid=present-badge]')`)
	text := recsEval[string](t, tb, pageWordsJS)
	for _, w := range words {
		if strings.Contains(text, w) {
			at := recsEval[string](t, tb, `(() => { const w = `+strconv.Quote(w)+`; for (const e of document.querySelectorAll('*')) { if (e.children.length === 0 && (e.textContent || '').toLowerCase().includes(w)) return e.outerHTML.slice(0, 300); for (const a of e.attributes) if (a.value.toLowerCase().includes(w)) return e.outerHTML.slice(0, 300); if (typeof e.value === 'string' && e.value.toLowerCase().includes(w)) return e.outerHTML.slice(0, 300) } return '' })()`)
			t.Errorf("%s: presenter mode shows %q from the export, in %s", where, w, at)
		}
	}
	tb.shot(t, "present-"+where)
}

func TestBrowserPresent(t *testing.T) {
	env := startBrowser(t)
	for _, lang := range []string{"en", "de"} {
		for _, name := range presentFixtures[lang] {
			t.Run(lang+"/"+name, func(t *testing.T) {
				files := fixtureFiles(t, name)
				n := openNative(t, files, check.Declared{})
				words := n.exportWords()
				if len(words) < 5 {
					t.Fatalf("%s: only %d words to look for: %q", name, len(words), words)
				}
				tb := recsTab(t, env, lang, files)
				// Without presenter mode the words are there: the check
				// below can fail.
				shownBefore := recsEval[string](t, tb, pageWordsJS)
				seen := 0
				for _, w := range words {
					if strings.Contains(shownBefore, w) {
						seen++
					}
				}
				if seen == 0 {
					t.Fatalf("%s: the overview shows none of %q even before presenter mode", name, words)
				}
				if recsEval[bool](t, tb, `!!document.querySelector('[data-testid=present-badge]')`) {
					t.Fatal("presenter mode is on before anyone turned it on")
				}
				// What the person says about themselves is theirs: not shown
				// either.
				recsEval[any](t, tb, `(() => { const e = document.querySelector('#about-email'); e.value = 'presenter.check@example.net'; e.dispatchEvent(new Event('change', {bubbles: true})); })()`)
				recsWait(t, tb, `document.querySelector('[data-testid=about-summary]').textContent.includes('·')`)
				words = append(words, "presenter.check@example.net")
				findings := len(openNative(t, files, check.Declared{Emails: []string{"presenter.check@example.net"}}).rep.Findings)
				filesClick(t, tb, `[data-testid=present-toggle]`)
				recsEval[any](t, tb, `document.querySelector('.about-form').open = true`)
				recsWait(t, tb, `!!document.querySelector('[data-testid=about-presenting]')`)
				presentCheck(t, tb, lang+"-"+name+"-overview", words)
				// The finding is still there, its subject a pseudonym.
				if nf := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=finding]').length`); nf != findings {
					t.Errorf("overview: got %d findings while presenting, want %d", nf, findings)
				}
				if v := recsEval[string](t, tb, `document.querySelector('[data-testid=verdict]').dataset.verdict`); v != string(n.rep.Verdict) {
					t.Errorf("overview: got verdict %s while presenting, want %s", v, n.rep.Verdict)
				}

				recsGo(t, tb, "/recordings")
				presentCheck(t, tb, lang+"-"+name+"-recordings", words)
				if recsEval[int](t, tb, `document.querySelectorAll('[data-testid=recording]').length`) > 0 {
					filesClick(t, tb, `[data-testid=recording]`)
					recsWait(t, tb, `!!document.querySelector('aside.player[data-item]')`)
					presentCheck(t, tb, lang+"-"+name+"-player", words)
				}
				if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](`goappNav("/transcripts")`)); err != nil {
					t.Fatal(err)
				}
				recsWait(t, tb, `location.pathname === "/transcripts"`)
				presentCheck(t, tb, lang+"-"+name+"-transcripts", words)

				// Every finding's first evidence, in the Files page.
				for i, f := range n.rep.Findings {
					if len(f.Evidence) == 0 || i >= 4 {
						continue
					}
					if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](`goappNav("/")`)); err != nil {
						t.Fatal(err)
					}
					recsWait(t, tb, fmt.Sprintf(`(() => { const f = document.querySelectorAll('[data-testid=finding]')[%d]; const a = f && f.querySelector('[data-testid=evidence] a'); if (!a) return false; a.click(); return true })()`, i))
					recsWait(t, tb, `location.pathname === "/files" && !!document.querySelector('[data-testid=evidence-target], [data-testid=protect-notice], [data-testid=file-audio]')`)
					presentCheck(t, tb, fmt.Sprintf("%s-%s-evidence%d", lang, name, i), words)
				}

				// Turned off, the page shows the export again.
				filesClick(t, tb, `[data-testid=present-off]`)
				recsWait(t, tb, `!document.querySelector('[data-testid=present-badge]')`)
				tb.finish(t, secrets(n.rep))
			})
		}
	}
}
