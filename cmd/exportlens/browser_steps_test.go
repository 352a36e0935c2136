//go:build !wasm

package main

// Browser tests of the overview's "What you can do now" section.

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

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

// TestBrowserMarks marks, on amazon-clean, the Echo (G090LF0000000002) as
// not mine with the keyboard: the page re-checks and shows the engine's
// verdict and findings for the same mark (its recordings are likely someone
// else's); "not said" again restores the consistent verdict.
func TestBrowserMarks(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "amazon-clean")
	const echo = "G090LF0000000002"
	marked := openNative(t, files, check.Declared{Emails: []string{}, CustomerIDs: []string{}, Devices: []string{}, NotMineDevices: []string{echo}}).rep
	if marked.Verdict != check.VerdictMismatch {
		t.Fatalf("engine with the mark: verdict %q, want mismatch", marked.Verdict)
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, check.VerdictConsistent); got != check.VerdictConsistent {
				t.Fatalf("verdict: got %q, want consistent", got)
			}
			// The row of the Echo: focus its select and choose "not mine" by key.
			sel, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`(() => {
  const row = [...document.querySelectorAll('[data-testid=device]')].find(r => r.textContent.includes('`+echo+`'));
  const s = row && row.querySelector('select[data-testid=mark-device]');
  return s ? '#' + s.id : '';
})()`))
			if err != nil || sel == "" {
				t.Fatalf("no mark control in the Echo's row (%v)", err)
			}
			choose := func(value string) {
				t.Helper()
				// A select changed from the keyboard fires change: focus it, set
				// the value as the keys would and dispatch the same event, in one
				// step (the overview may draw the row again meanwhile: the
				// recordings' index arrives after the verdict).
				if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`(() => {
  const s = document.querySelector('`+sel+`');
  if (!s) return false;
  s.focus(); s.value = `+jsString(value)+`;
  return s.dispatchEvent(new Event('change', {bubbles: true}));
})()`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
					t.Fatalf("choosing %q in %s: %v", value, sel, err)
				}
			}
			choose("not-mine")
			if got := openWaitVerdict(t, tb, check.VerdictMismatch); got != check.VerdictMismatch {
				t.Fatalf("after marking the Echo not mine: verdict %q, want mismatch", got)
			}
			if got, want := openShownFindings(t, tb), openReportFindings(marked); !slices.Equal(got, want) {
				t.Errorf("findings:\n got  %v\n want %v (the engine's with the mark)", got, want)
			}
			tb.shot(t, lang+"-mark-not-mine")
			choose("")
			if got := openWaitVerdict(t, tb, check.VerdictConsistent); got != check.VerdictConsistent {
				t.Errorf("after taking the mark back: verdict %q, want consistent", got)
			}
			tb.finish(t, secrets(marked))
		})
	}
}

// TestBrowserRecordingMark: in both languages, on amazon-clean, the player's
// "Is this recording yours?" marks the selected recording not mine: the
// checks re-run to the engine's findings for that mark, the recording is
// hidden at once (silent, its length still shown), and taking the mark back
// makes the export consistent again.
func TestBrowserRecordingMark(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "amazon-clean")
	clean := openNative(t, files, check.Declared{})
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := recsTab(t, env, lang, files)
			if got := openWaitVerdict(t, tb, check.VerdictConsistent); got != check.VerdictConsistent {
				t.Fatalf("verdict: got %q, want consistent", got)
			}
			recsGo(t, tb, "/recordings")
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording][data-index="0"]`), chromedp.NodeVisible)); err != nil {
				t.Fatal(err)
			}
			recsPlaying(t, tb, 0) // an owned recording plays at once
			ref := recsEval[string](t, tb, `(document.querySelector('select[data-testid=mark-recording]') || {dataset: {}}).dataset.ref || ''`)
			if ref == "" {
				t.Fatal("the player has no mark control for the recording")
			}
			want := openNative(t, files, check.Declared{Emails: []string{}, CustomerIDs: []string{}, Devices: []string{}, NotMineRecordings: []string{ref}}).rep
			if want.Verdict != check.VerdictMismatch {
				t.Fatalf("engine with %s marked not mine: verdict %q, want mismatch", ref, want.Verdict)
			}
			recsSet(t, tb, "mark-recording", "not-mine", "change")
			recsWait(t, tb, `!!document.querySelector('aside.player[data-item="0"][data-hidden=true]')`)
			protectSilent(t, tb, 0, "marking it not mine")
			// Its length, from the WAV header: the engine's file, seconds.
			rec := clean.x.Recordings[0]
			d := clean.wavDuration(t, rec.AudioPart(), rec.AudioPath())
			wantClock := fmt.Sprintf("%d:%02d", int(d.Seconds())/60, int(d.Seconds())%60)
			recsWait(t, tb, fmt.Sprintf(`[...document.querySelectorAll('aside.player .player-meta dd')].some(e => e.textContent === %q)`, wantClock))
			tb.shot(t, lang+"-mark-recording")
			recsEval[any](t, tb, `goappNav("/")`)
			if got := openWaitVerdict(t, tb, check.VerdictMismatch); got != check.VerdictMismatch {
				t.Fatalf("after marking %s not mine: verdict %q, want mismatch", ref, got)
			}
			if got, w := openShownFindings(t, tb), openReportFindings(want); !slices.Equal(got, w) {
				t.Errorf("findings:\n got  %v\n want %v (the engine's with the mark)", got, w)
			}
			recsGo(t, tb, "/recordings")
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording][data-index="0"]`), chromedp.NodeVisible)); err != nil {
				t.Fatal(err)
			}
			recsWait(t, tb, `!!document.querySelector('select[data-testid=mark-recording]')`)
			recsSet(t, tb, "mark-recording", "", "change")
			recsWait(t, tb, `!document.querySelector('aside.player[data-item="0"][data-hidden=true]')`)
			recsEval[any](t, tb, `goappNav("/")`)
			if got := openWaitVerdict(t, tb, check.VerdictConsistent); got != check.VerdictConsistent {
				t.Errorf("after taking the mark back: verdict %q, want consistent", got)
			}
			tb.finish(t, secrets(want))
		})
	}
}
