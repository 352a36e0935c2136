//go:build !js

package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Browser tests of the guided tour (issue 12), driven with the keyboard
// only: Tab to a button, Enter to press it, Escape to leave. The tour
// starts from the top bar, opens the demo when no export is open, shows
// the verdict, one piece of evidence in its file, the recordings and what
// to do next, moves focus to its panel at every step, and leaves nothing
// behind: a reload shows no tour, and no storage holds it.

// keyTo presses Tab until the element with test hook testid has the
// focus, at most 60 times; it fails t when it never gets it.
func keyTo(t *testing.T, tb *tab, testid string) {
	t.Helper()
	for range 60 {
		if recsEval[string](t, tb, `(document.activeElement && document.activeElement.dataset.testid) || ''`) == testid {
			return
		}
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
	}
	tb.shot(t, "tour-no-"+testid)
	t.Fatalf("Tab never reached [data-testid=%s]; the focus is on %s", testid,
		recsEval[string](t, tb, `document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'`))
}

// keyPress presses key where the focus is.
func keyPress(t *testing.T, tb *tab, key string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(key)); err != nil {
		t.Fatal(err)
	}
}

// tourAt waits for step of the tour on page path with the focus on its
// heading and the part it shows (css) marked, its top in the window above
// the panel.
func tourAt(t *testing.T, tb *tab, step int, path, css string) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`(() => { const p = document.querySelector('[data-testid=tour]'); const m = document.querySelector('[data-tour]');
		return !!p && +p.dataset.step === %d && location.pathname === %q && document.activeElement && document.activeElement.id === 'tour-title' && !!m && m.matches(%q)
			&& m.getBoundingClientRect().top >= 0 && m.getBoundingClientRect().top < p.getBoundingClientRect().top })()`, step, path, css),
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		tb.shot(t, "tour-timeout")
		t.Fatalf("want step %d on %s marking %s; got %s", step, path, css, recsEval[string](t, tb, `(() => { const p = document.querySelector('[data-testid=tour]'); const m = document.querySelector('[data-tour]'); const a = document.activeElement;
			return JSON.stringify({step: p && p.dataset.step, path: location.pathname, focus: a && a.outerHTML.slice(0, 120), marked: m && m.outerHTML.slice(0, 120)}) })()`))
	}
}

// tourGone waits until the tour has gone from the page, its mark too, and
// the focus is on the page's heading.
func tourGone(t *testing.T, tb *tab) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!document.querySelector('[data-testid=tour]') && !document.querySelector('[data-tour]') && !!document.activeElement && document.activeElement.tagName === 'H1'`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("the tour did not end: %s", recsEval[string](t, tb, `(() => { const m = document.querySelector('[data-tour]'); const a = document.activeElement;
			return JSON.stringify({tour: !!document.querySelector('[data-testid=tour]'), focus: a && a.outerHTML.slice(0, 120), marked: m && m.outerHTML.slice(0, 120)}) })()`))
	}
}

// TestBrowserTour runs the tour in English at 1280×900 and in German on
// a phone (390×844).
func TestBrowserTour(t *testing.T) {
	env := startBrowser(t)
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			if lang == "de" { // on a phone
				if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
					Width: 390, Height: 844, DeviceScaleFactor: 1, Mobile: true}); err != nil {
					t.Fatal(err)
				}
			}
			tb.load(t, "/")
			recsWait(t, tb, `document.querySelectorAll('[data-demo]').length > 0`)
			keyTo(t, tb, "tour-start")
			keyPress(t, tb, kb.Enter)
			// No export yet: the tour offers the demo.
			recsWait(t, tb, `!!document.querySelector('[data-testid=tour]') && document.activeElement.id === 'tour-title'`)
			tb.shot(t, "tour-"+lang+"-0-open")
			keyTo(t, tb, "tour-action")
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 1, "/", "[data-testid=verdict]")
			tb.shot(t, "tour-"+lang+"-1-verdict")
			keyTo(t, tb, "tour-next")
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 2, "/", "[data-testid=finding]")
			keyTo(t, tb, "tour-action") // open the first piece of evidence
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 2, "/files", "[data-testid=evidence-target], [data-testid=protect-notice], [data-testid=file-audio]")
			tb.shot(t, "tour-"+lang+"-2-evidence")
			keyTo(t, tb, "tour-next")
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 3, "/recordings", ".recording-list")
			tb.shot(t, "tour-"+lang+"-3-recordings")
			// Back, and on again: the same steps.
			keyTo(t, tb, "tour-back")
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 2, "/", "[data-testid=finding]")
			keyTo(t, tb, "tour-action")
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 2, "/files", "[data-testid=evidence-target], [data-testid=protect-notice], [data-testid=file-audio]")
			keyTo(t, tb, "tour-next")
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 3, "/recordings", ".recording-list")
			keyTo(t, tb, "tour-next")
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 4, "/", "[data-testid=next-steps]")
			tb.shot(t, "tour-"+lang+"-4-next")
			keyTo(t, tb, "tour-next") // "Finish the tour"
			keyPress(t, tb, kb.Enter)
			tourGone(t, tb)

			// Escape skips it, from any step.
			keyTo(t, tb, "tour-start")
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 1, "/", "[data-testid=verdict]")
			keyPress(t, tb, kb.Escape)
			tourGone(t, tb)

			// It remembers nothing: started, then the page reloaded.
			keyTo(t, tb, "tour-start")
			keyPress(t, tb, kb.Enter)
			tourAt(t, tb, 1, "/", "[data-testid=verdict]")
			tb.load(t, "/")
			if recsEval[bool](t, tb, `!!document.querySelector('[data-testid=tour]')`) {
				t.Error("the tour is still there after a reload")
			}
			if kept := recsEval[string](t, tb, `JSON.stringify([Object.keys(localStorage), Object.keys(sessionStorage)])`); kept != "[[],[]]" {
				t.Errorf("storage holds %s after the tour", kept)
			}
			tb.finish(t, nil)
		})
	}
}
