//go:build !wasm

package main

// Browser tests of the overview's "What you can do now" section.

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"exportlens/app/check"
)

// TestBrowserNextSteps opens one export of each verdict (the engine's
// verdict is the expectation) and reads the steps under it: for data of
// someone else the five steps, in order; for "cannot tell" with the voice
// question, answering it first; for "consistent", what was and was not
// checked. In both languages, with the section's heading in that language.
func TestBrowserNextSteps(t *testing.T) {
	env := startBrowser(t)
	cases := []struct {
		name    string
		files   []string
		verdict string
		steps   []string
	}{
		{"amazon-2018", fixtureFiles(t, "amazon-2018"), check.VerdictMismatch,
			[]string{"next.share", "next.keep", "next.tell", "next.complain", "next.delete"}},
		{"no-device-list", []string{withoutDeviceList(t)}, check.VerdictUnknown,
			[]string{"next.question", "next.about"}},
		{"amazon-clean", fixtureFiles(t, "amazon-clean"), check.VerdictConsistent,
			[]string{"next.checkedAccount", "next.checkedDevices", "next.checkedAudio", "next.notListened", "next.notComplete", "next.notOtherFormats"}},
		{"takeout-clean", fixtureFiles(t, "takeout-clean"), check.VerdictConsistent,
			[]string{"next.checkedAccount", "next.checkedSpeaker", "next.checkedParts", "next.checkedAudio", "next.notListened", "next.notComplete", "next.notOtherFormats"}},
	}
	heading := map[string]map[string]string{
		check.VerdictMismatch:   {"en": "What you can do now", "de": "Was Sie jetzt tun können"},
		check.VerdictUnknown:    {"en": "How to settle it", "de": "So lässt es sich klären"},
		check.VerdictConsistent: {"en": "What this verdict rests on", "de": "Worauf sich dieses Ergebnis stützt"},
	}
	for _, lang := range []string{"en", "de"} {
		for _, c := range cases {
			t.Run(lang+"/"+c.name, func(t *testing.T) {
				rep := engineReport(t, c.files)
				if rep.Verdict != c.verdict {
					t.Fatalf("engine: verdict %q, want %q", rep.Verdict, c.verdict)
				}
				tb := env.newTab(t, lang)
				tb.load(t, "/")
				if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), c.files)); err != nil {
					t.Fatal(err)
				}
				if got := openWaitVerdict(t, tb, ""); got != c.verdict {
					t.Fatalf("verdict: got %q, want %q", got, c.verdict)
				}
				type shown struct {
					Verdict string   `json:"verdict"`
					Heading string   `json:"heading"`
					Steps   []string `json:"steps"`
					Texts   []string `json:"texts"`
				}
				got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[shown](`(() => {
  const s = document.querySelector('[data-testid=next-steps]');
  if (!s) return {verdict: '', heading: '', steps: [], texts: []};
  const items = [...s.querySelectorAll('li[data-step]')];
  return {verdict: s.dataset.verdict, heading: s.querySelector('h2').innerText,
    steps: items.map(li => li.dataset.step), texts: items.map(li => li.innerText)};
})()`))
				if err != nil {
					t.Fatal(err)
				}
				if got.Verdict != c.verdict || got.Heading != heading[c.verdict][lang] {
					t.Errorf("section: verdict %q heading %q, want %q and %q", got.Verdict, got.Heading, c.verdict, heading[c.verdict][lang])
				}
				if !slices.Equal(got.Steps, c.steps) {
					t.Errorf("steps:\n got  %v\n want %v", got.Steps, c.steps)
				}
				for i, s := range got.Texts {
					if len(strings.TrimSpace(s)) < 20 {
						t.Errorf("step %d: text %q, want a sentence", i, s)
					}
				}
				tb.shot(t, lang+"-next-steps-"+c.name)
				tb.finish(t, secrets(rep))
			})
		}
	}
}
