//go:build !wasm

package main

// TestBrowserAxe runs axe-core (pinned, installed by `make axe`) on every
// page and state of the viewer, in English and German, in the light and
// the dark theme, at desktop and phone size: no WCAG 2.2 A or AA rule may
// be violated.

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axePath is where `make axe` installs axe-core.
const axePath = "../../bin/npm/node_modules/axe-core/axe.min.js"

// axeViolation is one rule axe found broken, with where.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target  []string `json:"target"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

// axeRunJS runs axe on the page with the WCAG 2.x A and AA rules.
const axeRunJS = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.map(String), summary: n.failureSummary || ''}))})))`

// axeCheck injects axe (once per document) and fails t for each violation
// on the page as it is, naming the step.
func axeCheck(t *testing.T, tb *tab, src, step string) {
	t.Helper()
	if !recsEval[bool](t, tb, `!!window.axe`) {
		if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](src+";true")); err != nil {
			t.Fatalf("%s: loading axe: %v", step, err)
		}
	}
	vs, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]axeViolation](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", step, err)
	}
	for _, v := range vs {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, strings.Join(n.Target, " ")+": "+strings.ReplaceAll(n.Summary, "\n", " "))
		}
		t.Errorf("%s: %s (%s)\n    %s", step, v.ID, v.Help, strings.Join(where, "\n    "))
	}
	tb.shot(t, "axe-"+strings.NewReplacer("/", "_", " ", "_").Replace(step))
}

func TestBrowserAxe(t *testing.T) {
	raw, err := os.ReadFile(axePath)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is not installed (make axe): %v", err)
		}
		t.Skipf("axe-core is not installed (make axe): %v", err)
	}
	src := string(raw)
	env := startBrowser(t)
	// Every pair of a language, a theme and a size is in one of the four
	// (all eight took twice as long and found nothing the four do not).
	for _, c := range []struct {
		lang, theme string
		size        [2]int64
	}{
		{"en", "light", [2]int64{1280, 900}}, {"en", "dark", [2]int64{390, 844}},
		{"de", "light", [2]int64{390, 844}}, {"de", "dark", [2]int64{1280, 900}},
	} {
		name := fmt.Sprintf("%s/%s/%dx%d", c.lang, c.theme, c.size[0], c.size[1])
		t.Run(name, func(t *testing.T) {
			tb := env.newTab(t, c.lang)
			if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: c.theme}}}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: c.size[0], Height: c.size[1], DeviceScaleFactor: 1, Mobile: c.size[0] < 600}); err != nil {
				t.Fatal(err)
			}
			axeStates(t, tb, src, name)
		})
	}
}

// axeStates walks the viewer as a person does and checks each state: the
// home page, Help, an export's overview (someone else's data, then no
// export at all), its recordings with one chosen, a file at a piece of
// evidence, the 2018 transcript, the Files page; presenter mode, a copied
// link and the tour.
func axeStates(t *testing.T, tb *tab, src, name string) {
	tb.load(t, "/")
	axeProbe(t, tb, src)
	axeCheck(t, tb, src, name+" home")
	tb.load(t, "/help")
	axeCheck(t, tb, src, name+" help")

	tb.load(t, "/")
	tb.open(t, fixtureFiles(t, "amazon-foreign"))
	axeCheck(t, tb, src, name+" overview mismatch")
	// A piece of evidence, opened in Files.
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`a.ev-link`)),
		chromedp.WaitVisible(chromedp.CSS(`.file-preview tr.hit`))); err != nil {
		t.Fatalf("%s: evidence: %v", name, err)
	}
	axeCheck(t, tb, src, name+" files evidence")
	a11yNav(t, tb, "/recordings")
	if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid=recording]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=recording]`))); err != nil {
		t.Fatalf("%s: recordings: %v", name, err)
	}
	recsWait(t, tb, `!!document.querySelector('.recording.selected')`)
	axeCheck(t, tb, src, name+" recordings")
	// Presenter mode on, a link copied and what it holds unfolded, the
	// tour running over it.
	filesClick(t, tb, `[data-testid=present-toggle]`)
	recsWait(t, tb, `!!document.querySelector('[data-testid=present-badge]')`) // the page is drawn anew
	filesClick(t, tb, `[data-testid=share-copy]`)
	recsWait(t, tb, `!!document.querySelector('[data-testid=share-link]')`)
	recsEval[any](t, tb, `document.querySelector('[data-testid=share-what]').open = true`)
	filesClick(t, tb, `[data-testid=tour-start]`)
	recsWait(t, tb, `!!document.querySelector('[data-testid=tour][data-step="1"]') && !!document.querySelector('[data-tour]')`)
	axeCheck(t, tb, src, name+" presenting, link, tour")
	tb.shot(t, "axe-"+strings.ReplaceAll(name, "/", "-")+"-presenting-tour")
	filesClick(t, tb, `[data-testid=tour-skip]`)
	filesClick(t, tb, `[data-testid=present-off]`)

	tb.load(t, "/")
	tb.open(t, fixtureFiles(t, "amazon-2018"))
	axeCheck(t, tb, src, name+" overview 2018")
	a11yNav(t, tb, "/transcripts")
	axeCheck(t, tb, src, name+" transcripts")
	a11yNav(t, tb, "/files")
	axeCheck(t, tb, src, name+" files")

	tb.load(t, "/")
	tb.open(t, fixtureFiles(t, "unrelated"))
	axeCheck(t, tb, src, name+" not an export")
}

// axeProbe proves that axe runs and reports: an image without a text
// alternative, put on the page for the moment, must be found.
func axeProbe(t *testing.T, tb *tab, src string) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](src+";true")); err != nil {
		t.Fatalf("loading axe: %v", err)
	}
	found, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`(async () => { const i = document.createElement('img'); document.body.append(i);
  try { const r = await axe.run(i, {runOnly: ['image-alt']}); return r.violations.length === 1; } finally { i.remove(); } })()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on a probe: %v", err)
	}
	if !found {
		t.Fatal("axe did not report an image without alt text: the test would pass whatever the page")
	}
}
