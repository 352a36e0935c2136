//go:build !wasm

package main

// Browser tests of Takeout as real exports arrive: a part downloaded twice.

import (
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTakeoutDuplicatePart opens alice's three-part Takeout with part
// 2 downloaded twice ("…-002 (1).zip"): the page judges it as the engine
// does (consistent, nothing foreign) and says of the copy, as a notice and
// not as a file that could not be read, that it is counted once.
func TestBrowserTakeoutDuplicatePart(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "takeout-parts")
	rep := engineReport(t, files)
	if rep.Verdict != "consistent" {
		t.Fatalf("engine: got verdict %q, want consistent (planted.json)", rep.Verdict)
	}
	sentences := map[string]string{
		"en": "“takeout-20240301T101500Z-002 (1).zip” needs a look: it is a second download of a part, with the same files; they are counted once.",
		"de": "„takeout-20240301T101500Z-002 (1).zip“ sollten Sie sich ansehen: es ist ein zweiter Download eines Teils, mit denselben Dateien; sie werden nur einmal gezählt.",
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, ""); got != rep.Verdict {
				t.Errorf("verdict: got %q, want %q (exportlens check)", got, rep.Verdict)
			}
			if got, want := openShownFindings(t, tb), openReportFindings(rep); !slices.Equal(got, want) {
				t.Errorf("findings:\n got  %v\n want %v", got, want)
			}
			listed, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=open-notes] [data-testid=open-error].warning > p')].map(p => p.innerText)`))
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{sentences[lang]}; !slices.Equal(listed, want) {
				t.Errorf("notices: got %q, want %q", listed, want)
			}
			errs, err := chromedp.Run(tb.ctx, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid=open-error].error').length`))
			if err != nil {
				t.Fatal(err)
			}
			if errs != 0 {
				t.Errorf("got %d files that could not be read, want none", errs)
			}
			tb.shot(t, lang+"-takeout-duplicate-part")
			tb.finish(t, secrets(rep))
		})
	}
	env.checkTraffic(t, secrets(rep))
}
