//go:build !wasm

package main

// Browser tests of issue 8, point 1: records that a mismatch or likely
// finding names are hidden (what was said) and silent (their audio) on the
// Recordings, Transcripts and Files pages until the person lifts that.

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"exportlens/app/check"
	"exportlens/app/media"
)

// protectPhrases are what the stranger's household says in the 2018 demo:
// lines cmd/mkexport/amazon2018.go writes into the PDF for the stranger's
// WAVs, and the one line that matches no WAV. planted.json does not list
// them; the test checks below that the engine reads each from the PDF.
var protectPhrases = []string{"turn on the bedroom light", "how long do I boil an egg", "switch the Fire TV off", "what time is it"}

// protectWhy is the sentence that says why a recording is hidden.
var protectWhy = map[string]string{
	"en": "This recording probably belongs to someone else. It is hidden to protect their privacy.",
	"de": "Diese Aufnahme gehört wahrscheinlich jemand anderem. Sie ist ausgeblendet, um die Privatsphäre dieser Person zu schützen.",
}

// protectLiftAll lifts the protection for the whole open export with its
// control, on the Recordings page (reached by the navigation, so the export
// stays open), and waits until nothing is hidden there. For tests that play
// or read what a finding flags.
func protectLiftAll(t *testing.T, tb *tab) {
	t.Helper()
	recsGo(t, tb, "/recordings")
	recsEval[bool](t, tb, `(() => { const b = document.querySelector('[data-testid=lift-all]'); if (b) b.click(); return true })()`)
	recsWait(t, tb, `!document.querySelector('[data-testid=lift-all]') && !document.querySelector('[data-testid=recording][data-hidden=true]')`)
}

// protectBodyHas lists the phrases document.body.innerText holds.
func protectBodyHas(t *testing.T, tb *tab, phrases []string) []string {
	t.Helper()
	text := strings.ToLower(recsEval[string](t, tb, `document.body.innerText`))
	var out []string
	for _, p := range phrases {
		if strings.Contains(text, strings.ToLower(p)) {
			out = append(out, p)
		}
	}
	return out
}

// protectSilent checks that the player shows item k as hidden, with no
// audio source and not playing. The audio of a shown item loads at once
// (TestBrowserRecordings): the steps after each call (another row, a key)
// give it the time to appear if it were loaded.
func protectSilent(t *testing.T, tb *tab, k int, after string) {
	t.Helper()
	recsWait(t, tb, fmt.Sprintf(`!!document.querySelector('aside.player[data-item="%d"]')`, k))
	if a := recsAudio(t, tb); a.Src != "" || !a.Paused || a.AudioItem != -1 {
		t.Errorf("after %s: item %d has audio %+v, want no source and paused", after, k, a)
	}
	if n := recsEval[int](t, tb, fmt.Sprintf(`document.querySelectorAll('aside.player[data-item="%d"][data-hidden=true] [data-testid=protect-notice]').length`, k)); n != 1 {
		t.Errorf("after %s: item %d: got %d protection notices in the player, want 1", after, k, n)
	}
}

func TestBrowserProtect(t *testing.T) {
	env := startBrowser(t)
	p := readPlanted(t, "amazon-2018")
	fx := openNative(t, fixtureFiles(t, "amazon-2018"), p.Declared)
	var pdf strings.Builder
	for _, l := range fx.x.Transcripts {
		pdf.WriteString(strings.ToLower(l.Text) + "\n")
	}
	for _, ph := range protectPhrases {
		if !strings.Contains(pdf.String(), strings.ToLower(ph)) {
			t.Fatalf("the engine reads no %q from the 2018 PDF: the test would prove nothing", ph)
		}
	}
	flagged := fx.flaggedItems()
	if len(flagged) != len(fx.x.Recordings) || len(flagged) != p.Recordings {
		t.Fatalf("engine: %d of %d recordings flagged, want all %d of planted.json", len(flagged), len(fx.x.Recordings), p.Recordings)
	}
	secret := secrets(fx.rep)
	wavClocks := zipAudioClocks(t, fixtureFiles(t, "amazon-2018"))

	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			if _, err := chromedp.Call(tb.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "UTC"}); err != nil {
				t.Fatal(err)
			}
			tb.load(t, "/")
			btn := `button[data-demo="amazon-2018"]`
			if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(btn)), chromedp.Click(chromedp.CSS(btn))); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, ""); got != "mismatch" {
				t.Fatalf("verdict: got %q, want mismatch", got)
			}

			// Recordings: every row hidden, keeping time and device; the
			// page says why.
			recsGo(t, tb, "/recordings")
			recsShown(t, tb, len(flagged))
			if n := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=recording][data-hidden=true] [data-testid=recording-hidden]').length`); n != len(flagged) {
				t.Errorf("list: got %d hidden rows, want all %d", n, len(flagged))
			}
			times := recsEval[int](t, tb, `[...document.querySelectorAll('[data-testid=recording] .rec-time')].filter(e => /^(\d{4}-\d\d-\d\d|\d\d\.\d\d\.\d{4}) \d\d:\d\d/.test(e.textContent)).length`)
			if times != len(flagged) {
				t.Errorf("list: got %d hidden rows with their time, want %d", times, len(flagged))
			}
			// Each hidden row keeps its length, read from its WAV's header:
			// one of the lengths the fixture's WAVs have.
			recsWait(t, tb, `[...document.querySelectorAll('[data-testid=recording] [data-testid=recording-length]')].every(e => e.textContent != '')`)
			for _, l := range recsEval[[]string](t, tb, `[...document.querySelectorAll('[data-testid=recording] [data-testid=recording-length]')].map(e => e.textContent)`) {
				if !wavClocks[l] {
					t.Errorf("list: a hidden row's length is %q, which no WAV of the export has (%v)", l, wavClocks)
				}
			}
			if got := protectBodyHas(t, tb, protectPhrases); len(got) > 0 {
				t.Errorf("recordings page: shows %q before the protection is lifted", got)
			}
			if n := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=protect-notice] [data-testid=lift-finding]').length`); n == 0 {
				t.Error("recordings page: no control per finding")
			}

			// A click does not play; nor does Enter on a row, nor space.
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording][data-index="0"]`))); err != nil {
				t.Fatal(err)
			}
			protectSilent(t, tb, 0, "a click")
			why := recsEval[string](t, tb, `document.querySelector('aside.player [data-testid=protect-notice]').innerText`)
			if !strings.Contains(why, protectWhy[lang]) {
				t.Errorf("player: got notice %q, want it to say %q", why, protectWhy[lang])
			}
			// ↓ in the list chooses the next row; Enter would play it.
			if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.ID("recording-list")), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent("\r")); err != nil {
				t.Fatal(err)
			}
			protectSilent(t, tb, 1, "Enter")
			if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(" ")); err != nil {
				t.Fatal(err)
			}
			protectSilent(t, tb, 1, "Enter and space")
			if got := protectBodyHas(t, tb, protectPhrases); len(got) > 0 {
				t.Errorf("recordings page with the player: shows %q", got)
			}
			tb.shot(t, lang+"-protect-recordings")

			// Transcripts: every line of the stranger's PDF is hidden, the
			// one that matches no WAV too.
			filesClick(t, tb, `nav a[href="/transcripts"]`)
			recsWait(t, tb, `document.querySelectorAll('[data-testid=transcript-line]').length > 0`)
			if n, all := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=transcript-line][data-hidden=true]').length`), len(fx.x.Transcripts); n != all {
				t.Errorf("transcripts: got %d hidden lines, want all %d", n, all)
			}
			if got := protectBodyHas(t, tb, protectPhrases); len(got) > 0 {
				t.Errorf("transcripts page: shows %q", got)
			}
			tb.shot(t, lang+"-protect-transcripts")

			// Files: the PDF's text and its original are hidden.
			filesClick(t, tb, `[data-testid=transcript-original]`)
			recsWait(t, tb, `!!document.querySelector('.file-preview [data-testid=protect-notice]')`)
			if n := recsEval[int](t, tb, `document.querySelectorAll('.pdf-lines tr, a[data-testid=pdf-save]').length`); n != 0 {
				t.Errorf("PDF preview: got %d lines or save links, want none", n)
			}
			if got := protectBodyHas(t, tb, protectPhrases); len(got) > 0 {
				t.Errorf("files page, PDF: shows %q", got)
			}
			tb.shot(t, lang+"-protect-files-pdf")

			// Files: a WAV of the stranger's has no player.
			filesClick(t, tb, `header nav a[href="/"]`)
			filesClick(t, tb, `[data-testid=finding][data-rule="recordings-without-device"] [data-testid=evidence] a`)
			recsWait(t, tb, `location.pathname === '/files' && !!document.querySelector('.file-preview [data-testid=protect-notice]')`)
			if n := recsEval[int](t, tb, `document.querySelectorAll('audio[data-testid=file-audio]').length`); n != 0 {
				t.Errorf("WAV preview: got %d audio elements, want none", n)
			}
			tb.shot(t, lang+"-protect-files-wav")

			// The control, on the WAV's preview: the WAV loads.
			filesClick(t, tb, `.file-preview [data-testid=lift-finding]`)
			recsWait(t, tb, `(() => { const a = document.querySelector('audio[data-testid=file-audio]'); return !!a && a.src.startsWith('blob:') })()`)

			// Now the PDF's lines and the recordings show, and play.
			filesClick(t, tb, `nav a[href="/transcripts"]`)
			recsWait(t, tb, `document.querySelectorAll('[data-testid=transcript-line]').length > 0 && !document.querySelector('[data-testid=transcript-line][data-hidden=true]')`)
			if got := protectBodyHas(t, tb, protectPhrases); len(got) != len(protectPhrases) {
				t.Errorf("transcripts after the control: got %q, want all of %q", got, protectPhrases)
			}
			recsGo(t, tb, "/recordings")
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording][data-index="0"]`))); err != nil {
				t.Fatal(err)
			}
			got := recsPlaying(t, tb, 0)
			if want := fx.x.Recordings[0].Transcript().Text; want == "" || got.Transcript != want {
				t.Errorf("player after the control: got transcript %q, want %q", got.Transcript, want)
			}
			if n := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=protect-lifted]').length`); n != 1 {
				t.Errorf("after the control: got %d notices that hidden records are shown, want 1", n)
			}
			tb.shot(t, lang+"-protect-lifted")

			// Hide again: silent again at once.
			filesClick(t, tb, `[data-testid=protect-reset]`)
			recsWait(t, tb, `!!document.querySelector('aside.player[data-item="0"][data-hidden=true]')`)
			protectSilent(t, tb, 0, "hide again")
			if got := protectBodyHas(t, tb, protectPhrases); len(got) > 0 {
				t.Errorf("after hide again: shows %q", got)
			}

			// The whole-export control does the same for everything.
			filesClick(t, tb, `[data-testid=lift-all]`)
			recsPlaying(t, tb, 0)
			filesClick(t, tb, `nav a[href="/transcripts"]`)
			recsWait(t, tb, `document.querySelectorAll('[data-testid=transcript-line]').length > 0 && !document.querySelector('[data-testid=transcript-line][data-hidden=true]')`)
			filesClick(t, tb, `[data-testid=transcript-original]`)
			recsWait(t, tb, `document.querySelectorAll('.pdf-lines tr').length > 0`)
			if got := protectBodyHas(t, tb, protectPhrases); len(got) != len(protectPhrases) {
				t.Errorf("PDF after lifting all: got %q, want all of %q", got, protectPhrases)
			}

			// Another export opened: protected again (memory of that
			// export only).
			filesClick(t, tb, `header nav a[href="/"]`)
			if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(btn)), chromedp.Click(chromedp.CSS(btn))); err != nil {
				t.Fatal(err)
			}
			openWaitVerdict(t, tb, "mismatch")
			recsGo(t, tb, "/recordings")
			recsWait(t, tb, fmt.Sprintf(`document.querySelectorAll('[data-testid=recording][data-hidden=true]').length === %d`, len(flagged)))
			tb.finish(t, secret)
		})
	}

	t.Run("owned", func(t *testing.T) {
		clean := openNative(t, fixtureFiles(t, "amazon-clean"), check.Declared{})
		if len(clean.flaggedItems()) != 0 || len(clean.x.Recordings) == 0 {
			t.Fatalf("amazon-clean: %d flagged of %d recordings, want some, none flagged", len(clean.flaggedItems()), len(clean.x.Recordings))
		}
		for _, lang := range []string{"en", "de"} {
			tb := recsTab(t, env, lang, clean.files)
			recsGo(t, tb, "/recordings")
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording][data-index="0"]`))); err != nil {
				t.Fatal(err)
			}
			got := recsPlaying(t, tb, 0)
			if want := clean.x.Recordings[0].Transcript().Text; got.Transcript != want {
				t.Errorf("%s: owned recording: got transcript %q, want %q", lang, got.Transcript, want)
			}
			if n := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=protect-notice], [data-testid=protect-lifted], [data-hidden=true]').length`); n != 0 {
				t.Errorf("%s: clean export: got %d protection notices or hidden items, want none", lang, n)
			}
			tb.shot(t, lang+"-protect-owned")
			tb.finish(t, secrets(clean.rep))
		}
	})
	env.checkTraffic(t, secret)
}

// TestBrowserProtectJSON: in both languages, the Files page's JSON tree of
// takeout-unrecognized (reached from the finding's evidence) hides what the
// unrecognised speaker said, in every record once all are opened, and shows
// the account's own records; the preview's own control lifts it.
func TestBrowserProtectJSON(t *testing.T) {
	env := startBrowser(t)
	fx := openNative(t, fixtureFiles(t, "takeout-unrecognized"), check.Declared{})
	flagged := fx.flaggedItems()
	var stranger, own []string
	isFlagged := map[int]bool{}
	for _, k := range flagged {
		isFlagged[k] = true
	}
	for i, rec := range fx.x.Recordings {
		if rec.Transcript().Text == "" || !strings.HasSuffix(rec.Src().Path, ".json") {
			continue
		}
		if isFlagged[i] {
			// As said, and as the record's search link writes it.
			stranger = append(stranger, rec.Transcript().Text, url.QueryEscape(rec.Transcript().Text))
			for _, l := range strings.Split(rec.Response().Text, "\n") {
				if l != "" {
					stranger = append(stranger, l)
				}
			}
		} else {
			own = append(own, rec.Transcript().Text)
		}
	}
	if len(stranger) == 0 || len(own) == 0 {
		t.Fatalf("takeout-unrecognized: %d flagged and %d own transcripts in JSON, want some of each", len(stranger), len(own))
	}
	openAll := `(() => { for (let i = 0; i < 20; i++) { const b = [...document.querySelectorAll('.json-toggle[aria-expanded=false]')]; if (!b.length) return true; b.forEach(e => e.click()); } return false })()`
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := recsTab(t, env, lang, fx.files)
			openWaitVerdict(t, tb, check.VerdictMismatch)
			filesClick(t, tb, `[data-testid=finding][data-rule="unrecognized-speaker"] [data-testid=evidence] a`)
			recsWait(t, tb, `!!document.querySelector('.json-tree [data-testid=evidence-target]')`)
			if n := recsEval[int](t, tb, `document.querySelectorAll('.file-preview [data-testid=protect-notice]').length`); n != 1 {
				t.Errorf("JSON preview: %d protection notices, want 1", n)
			}
			// Open every node, as a person clicking through would (go-app
			// renders each click before the next round finds new toggles).
			for i := 0; i < 10 && !recsEval[bool](t, tb, openAll); i++ {
			}
			recsWait(t, tb, `!document.querySelector('.json-toggle[aria-expanded=false]')`)
			if got := protectBodyHas(t, tb, stranger); len(got) > 0 {
				t.Errorf("JSON tree shows %q before the protection is lifted", got)
			}
			if got := protectBodyHas(t, tb, own); len(got) != len(own) {
				t.Errorf("JSON tree shows %q of the account's own %q", got, own)
			}
			if n := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=json-hidden]').length`); n < len(stranger) {
				t.Errorf("JSON tree: %d hidden strings, want at least %d", n, len(stranger))
			}
			tb.shot(t, lang+"-protect-json")
			filesClick(t, tb, `.file-preview [data-testid=lift-all]`)
			recsWait(t, tb, `!document.querySelector('[data-testid=json-hidden]')`)
			for i := 0; i < 10 && !recsEval[bool](t, tb, openAll); i++ {
			}
			if got := protectBodyHas(t, tb, stranger); len(got) != len(stranger) {
				t.Errorf("after lifting: JSON tree shows %q of %q", got, stranger)
			}
			tb.finish(t, secrets(fx.rep))
		})
	}
}

// zipAudioClocks is the set of playing times, as "m:ss", of the WAV and MP3
// members of the ZIPs among files, read from each whole file (media.Probe).
func zipAudioClocks(t *testing.T, files []string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, f := range files {
		zr, err := zip.OpenReader(f)
		if err != nil {
			continue
		}
		for _, m := range zr.File {
			if ext := strings.ToLower(path.Ext(m.Name)); ext != ".wav" && ext != ".mp3" {
				continue
			}
			rc, err := m.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			if info, err := media.Probe(bytes.NewReader(b), int64(len(b))); err == nil {
				s := int(info.Duration.Seconds() + 0.5)
				out[fmt.Sprintf("%d:%02d", s/60, s%60)] = true
			}
		}
		zr.Close()
	}
	if len(out) == 0 {
		t.Fatalf("no audio in %v: the test would prove nothing", files)
	}
	return out
}
