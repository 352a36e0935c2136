//go:build !wasm

package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserRecordingsListbox: the recordings list is one Tab stop, as a
// listbox is: Tab from the last filter lands on the list and the next Tab
// leaves it; ↓, ↑, Home and End choose a row (aria-activedescendant, the
// player shows it, nothing plays); Enter plays the chosen recording and
// pauses it again; space does the same. Keyboard only, in both languages.
func TestBrowserRecordingsListbox(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "amazon-clean")
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			tb.open(t, files)
			a11yNav(t, tb, "/recordings")
			recsWait(t, tb, `document.querySelectorAll('[data-testid=recording]').length > 2`)
			n := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=recording]').length`)

			// Tab from the "flagged only" box: the list, then out of it.
			if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.CSS(`[data-testid=filter-flagged]`)), chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
			if got := recsEval[string](t, tb, `document.activeElement.id`); got != "recording-list" {
				t.Fatalf("Tab after the filters: focus on %q, want the list", recsEval[string](t, tb, `document.activeElement.outerHTML.slice(0, 100)`))
			}
			if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
			if recsEval[bool](t, tb, `!!document.activeElement.closest('#recording-list')`) {
				t.Errorf("a second Tab stays in the list (on %s): each row is a Tab stop", recsEval[string](t, tb, `document.activeElement.outerHTML.slice(0, 100)`))
			}
			if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.ID("recording-list"))); err != nil {
				t.Fatal(err)
			}

			chosen := func(step string, pos int) {
				t.Helper()
				cond := fmt.Sprintf(`(() => { const l = document.getElementById('recording-list'); const r = document.querySelector('[data-testid=recording][aria-posinset="%d"]');
  return !!r && r.getAttribute('aria-selected') === 'true' && l.getAttribute('aria-activedescendant') === r.id && !!document.querySelector('[data-testid=player-toggle]') })()`, pos)
				recsWait(t, tb, cond)
				if recsEval[bool](t, tb, `(() => { const a = document.querySelector('audio[data-testid=player]'); return !!a && !a.paused })()`) {
					t.Errorf("%s: the chosen recording plays; choosing with the arrows must not play", step)
				}
			}
			key := func(k string) {
				t.Helper()
				if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(k)); err != nil {
					t.Fatal(err)
				}
			}
			key(kb.ArrowDown)
			chosen("↓", 1)
			key(kb.ArrowDown)
			chosen("↓ ↓", 2)
			key(kb.ArrowUp)
			chosen("↓ ↓ ↑", 1)
			key(kb.End)
			chosen("End", n)
			key(kb.Home)
			chosen("Home", 1)

			playing := func(step string, want bool) {
				t.Helper()
				recsWait(t, tb, fmt.Sprintf(`(() => { const a = document.querySelector('audio[data-testid=player]'); return !!a && a.paused === %v })()`, !want))
				if got := recsEval[string](t, tb, `document.activeElement.id`); got != "recording-list" {
					t.Errorf("%s: focus left the list for %q", step, got)
				}
			}
			key(kb.Enter)
			playing("Enter", true)
			key(kb.Enter)
			playing("Enter again", false)
			key(" ")
			playing("space", true)
			tb.shot(t, lang+"-listbox")
			tb.finish(t, nil)
		})
	}
}
