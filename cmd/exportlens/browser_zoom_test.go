//go:build !wasm

package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserTextZoom: with the browser's text at 200 % (a default font
// size of 32 px instead of 16), every recording row shows both of its
// lines whole, and the list still scrolls to its last row; no page scrolls
// sideways at 1280 px.
func TestBrowserTextZoom(t *testing.T) {
	env := startBrowser(t)
	tb := env.newTab(t, "de")
	if _, err := chromedp.Call(tb.ctx, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: 32, Fixed: 26}}); err != nil {
		t.Fatal(err)
	}
	tb.load(t, "/")
	if got := recsEval[string](t, tb, `getComputedStyle(document.documentElement).fontSize`); got != "32px" {
		t.Fatalf("root font size %s, want 32px: the text size was not set", got)
	}
	tb.open(t, fixtureFiles(t, "amazon-clean"))
	a11yNav(t, tb, "/recordings")
	recsWait(t, tb, `document.querySelectorAll('[data-testid=recording]').length > 2`)
	// Each row: its two lines show whole, neither squeezed by the row
	// (a squeezed line clips its own text: its content is taller than it).
	const cutJS = `[...document.querySelectorAll('[data-testid=recording]')].filter(r => {
  const b = r.getBoundingClientRect(); return [...r.children].some(c => c.scrollHeight > c.clientHeight + 1 || c.getBoundingClientRect().bottom > b.bottom + 0.5) }).map(r => r.dataset.index)`
	if cut := recsEval[[]string](t, tb, cutJS); len(cut) > 0 {
		t.Errorf("at 200 %% text, rows %v cut their text", cut)
	}
	// The last row can be reached by scrolling the list.
	n := recsEval[int](t, tb, `+document.querySelector('[data-testid=recording-count]').textContent.match(/\d+/g).pop()`)
	recsEval[any](t, tb, `(() => { const l = document.getElementById('recording-list'); l.scrollTop = l.scrollHeight; l.dispatchEvent(new Event('scroll')); })()`)
	recsWait(t, tb, fmt.Sprintf(`(() => { const r = document.querySelector('[data-testid=recording][aria-posinset="%d"]'); if (!r) return false;
  const l = document.getElementById('recording-list').getBoundingClientRect(), b = r.getBoundingClientRect(); return b.bottom <= l.bottom + 1 && b.top >= l.top - 1 })()`, n))
	tb.shot(t, "de-recordings-text-200")
	for _, path := range []string{"/", "/recordings", "/files", "/transcripts", "/help"} {
		a11yNav(t, tb, path)
		if w := recsEval[int](t, tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
			tb.shot(t, "de-text-200-wide"+path)
			t.Errorf("%s at 200 %% text scrolls sideways by %d px", path, w)
		}
	}
	tb.finish(t, nil)
}
