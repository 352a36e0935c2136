//go:build !wasm

package main

// TestBrowserWarmOverview: the warm-up's overview (ui.warmSlot) is drawn
// once after the app starts, where nobody sees or hears it, and dropped:
// V8 then has the overview's code compiled before the person's first
// export needs it (BenchmarkBrowserOpenBig).

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// warmWatchJS records, on every change of the page, whether the warm slot
// holds an overview, whether the slot is then hidden from sight and from
// the accessibility tree, whether anything in it carries data-verdict,
// and whether the page's visible text ever shows the warm-up's account.
const warmWatchJS = `(() => {
  const w = window.__warm = {drawn: 0, exposed: 0, verdict: 0, visible: ''};
  new MutationObserver(() => {
    const slot = document.querySelector('.warm-slot');
    if (!slot) return;
    if (slot.querySelector('.overview')) {
      w.drawn++;
      if (!slot.hidden || slot.getAttribute('aria-hidden') !== 'true' || slot.offsetParent !== null || slot.getClientRects().length) w.exposed++;
      if (slot.querySelector('[data-verdict]') && slot.querySelector('[data-testid=verdict][data-verdict]')) w.verdict++;
    }
    const text = document.body.innerText;
    for (const s of ['AWARMUP', 'AWARMOTHER', 'Warm Up', 'GWARM']) if (text.includes(s)) w.visible = s;
  }).observe(document, {subtree: true, childList: true, attributes: true});
})()`

type warmWatch struct {
	Drawn   int    `json:"drawn"`
	Exposed int    `json:"exposed"`
	Verdict int    `json:"verdict"`
	Visible string `json:"visible"`
	Left    int    `json:"left"` // children of the slot at the end
}

func TestBrowserWarmOverview(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "amazon-clean")
	tb := env.newTab(t, "de")
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: warmWatchJS}); err != nil {
		t.Fatal(err)
	}
	tb.load(t, "/")
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`performance.getEntriesByName('exportlens:warm').length > 0`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the warm-up's overview was not drawn and dropped: %v", err)
	}
	read := func() warmWatch {
		w, err := chromedp.Run(tb.ctx, chromedp.Evaluate[warmWatch](`({...window.__warm, left: document.querySelector('.warm-slot').childElementCount})`))
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	w := read()
	if w.Drawn == 0 {
		t.Error("the warm slot never held an overview: nothing was compiled ahead")
	}
	if w.Left != 0 {
		t.Errorf("the warm slot still holds %d elements once the warm-up is over", w.Left)
	}
	if w.Exposed != 0 || w.Visible != "" {
		t.Errorf("the warm-up's overview could be seen or heard: %d times not hidden, visible text %q", w.Exposed, w.Visible)
	}
	if w.Verdict != 0 {
		t.Error("the warm-up's overview carried data-verdict, which the tests wait for")
	}
	tb.shot(t, "warm-done")

	// The person's export afterwards: its own verdict, nothing of the warm-up.
	if got := tb.open(t, files); got != "consistent" {
		t.Errorf("amazon-clean after the warm-up: verdict %q, want consistent", got)
	}
	w = read()
	if w.Visible != "" || w.Left != 0 {
		t.Errorf("after opening: the warm-up's %q visible, %d elements in its slot", w.Visible, w.Left)
	}
	if text, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.body.innerText`)); strings.Contains(text, "Warm") {
		t.Error("the overview of amazon-clean mentions the warm-up")
	}
	tb.shot(t, "warm-then-open")
	tb.finish(t, nil)
}
