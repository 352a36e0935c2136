//go:build !wasm

package main

// Browser test of the evidence pack and the letters made in the page.

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"exportlens/app/check"
)

// TestBrowserEvidencePack opens the 2018 export (its files, no declared
// facts) and, in both languages: downloads the evidence pack from the next
// steps, whose report.json is byte for byte the command's --json for the
// same files, and whose entries hold none of the stranger's phrases; opens
// the letter to the company and the complaint, whose text in the page is
// the pack's letter and names the articles; and shows the printed report.
func TestBrowserEvidencePack(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "amazon-2018")
	truth := readPackTruth(t, "amazon-2018")
	if len(truth.Phrases) == 0 {
		t.Fatal("amazon-2018/planted.json lists no phrases: regenerate the fixtures")
	}
	_, want, _ := runJSON(t, files)
	rep := engineReport(t, files)
	// spoken is the first recording with a transcript (items come in the
	// export's order): its words are chosen as an excerpt.
	spoken, spokenText := -1, ""
	for i, r := range openNative(t, files, check.Declared{}).x.Recordings {
		if r.Transcript().Text != "" && r.AudioPath() != "" {
			spoken, spokenText = i, r.Transcript().Text
			break
		}
	}
	if spoken < 0 {
		t.Fatal("amazon-2018 has no recording with a transcript and audio")
	}
	if rep.Verdict != check.VerdictMismatch {
		t.Fatalf("engine: verdict %q, want mismatch", rep.Verdict)
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			dl := t.TempDir()
			if _, err := chromedp.Call(env.browser, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dl,
			}); err != nil {
				t.Fatal(err)
			}
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, ""); got != check.VerdictMismatch {
				t.Fatalf("verdict: got %q, want mismatch", got)
			}
			click := func(testid string) {
				t.Helper()
				if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=`+testid+`]`), chromedp.NodeVisible)); err != nil {
					t.Fatal(err)
				}
			}
			click("pack")
			packed := waitDownload(t, dl, ".zip")
			entries := unzipAll(t, packed)
			if !bytes.Equal(entries["report.json"], want) {
				t.Errorf("report.json of the page's pack differs from check --json:\n got  %s\n want %s", entries["report.json"], want)
			}
			for n, data := range entries {
				for _, ph := range truth.Phrases {
					if bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(ph))) {
						t.Errorf("pack entry %s holds the stranger's phrase %q", n, ph)
					}
				}
			}
			for _, l := range []struct {
				button, entry string
				articles      []string
			}{
				{"letter-company", "letter-company.txt", []string{"15", map[string]string{"en": "5(1)(f)", "de": "5 Abs. 1 lit. f"}[lang], "33", "34"}},
				{"letter-authority", "letter-authority.txt", []string{"77"}},
			} {
				click(l.button)
				text, err := chromedp.Run(tb.ctx, chromedp.Poll[string](`(() => { const e = document.querySelector('[data-testid=letter][data-letter=`+strings.TrimPrefix(l.button, "letter-")+`] textarea'); return e && e.value })()`,
					chromedp.WithPollingTimeout(30*time.Second)))
				if err != nil {
					t.Fatalf("%s: no letter shown: %v", l.button, err)
				}
				// A text field keeps no final line break; the saved letter ends
				// with one again.
				if packed := strings.TrimSuffix(string(entries[l.entry]), "\n"); text != packed {
					i := 0
					for i < len(text) && i < len(packed) && text[i] == packed[i] {
						i++
					}
					t.Errorf("%s: the page's letter differs from the pack's %s at byte %d:\n page %q\n pack %q", l.button, l.entry, i, text[max(0, i-40):min(len(text), i+40)], packed[max(0, i-40):min(len(packed), i+40)])
				}
				for _, art := range l.articles {
					if !strings.Contains(text, art) {
						t.Errorf("%s: the letter does not name Art. %s", l.button, art)
					}
				}
				tb.shot(t, lang+"-"+l.button)
			}
			// "Print the report": the printed page adds what report.txt
			// says before the verdict (made when, how, the inputs with
			// their SHA-256), shown only in print.
			click("print")
			head, err := chromedp.Run(tb.ctx, chromedp.Poll[string](`(() => { const e = document.querySelector('[data-testid=print-head]'); return e && e.textContent })()`,
				chromedp.WithPollingTimeout(30*time.Second)))
			if err != nil {
				t.Fatalf("print: no print head: %v", err)
			}
			txt := string(entries["report.txt"])
			// The pack and the print were made at different moments: the
			// line that says when may differ by the seconds between them.
			made := regexp.MustCompile(`(?m)^(Made on|Erstellt am) [^\n]*$`)
			if i := strings.Index(txt, "\n\n"+map[string]string{"en": "Verdict:", "de": "Ergebnis:"}[lang]); i < 0 || made.ReplaceAllString(head, "$1") != made.ReplaceAllString(txt[:i+1], "$1") || !made.MatchString(head) {
				t.Errorf("print head differs from the start of report.txt:\n head %q\n txt  %q", head, txt[:min(len(txt), 600)])
			}
			if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			hidden, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('.open-panel')).display === 'none' && getComputedStyle(document.querySelector('[data-testid=pack]')).display === 'none' &&
				[...document.querySelectorAll('.col-mine')].every(e => getComputedStyle(e).display === 'none') && getComputedStyle(document.querySelector('[data-testid=print-head]')).display === 'block'`))
			if err != nil || !hidden {
				t.Errorf("printed: the open panel, the buttons or the marks are still shown, or the print head is not (%v)", err)
			}
			tb.shot(t, lang+"-printed-report")
			if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
				t.Fatal(err)
			}

			// A recording marked yours: the pack's report is the command's
			// with the same mark, and its text lists the mark as the
			// person's own statement.
			recsGo(t, tb, "/recordings")
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording][data-index="0"]`), chromedp.NodeVisible)); err != nil {
				t.Fatal(err)
			}
			recsWait(t, tb, `!!document.querySelector('select[data-testid=mark-recording]')`)
			ref := recsEval[string](t, tb, `document.querySelector('select[data-testid=mark-recording]').dataset.ref`)
			recsSet(t, tb, "mark-recording", "mine", "change")
			recsWait(t, tb, `document.querySelector('select[data-testid=mark-recording]').value === 'mine'`)
			recsEval[any](t, tb, `goappNav("/")`)
			openWaitVerdict(t, tb, check.VerdictMismatch)
			dl2 := t.TempDir()
			if _, err := chromedp.Call(env.browser, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dl2,
			}); err != nil {
				t.Fatal(err)
			}
			click("pack")
			marked := unzipAll(t, waitDownload(t, dl2, ".zip"))
			if _, wantMarked, _ := runJSON(t, append([]string{"--my-recording", ref}, files...)); !bytes.Equal(marked["report.json"], wantMarked) {
				t.Errorf("with %s marked yours: report.json differs from check --json --my-recording:\n got  %s\n want %s", ref, marked["report.json"], wantMarked)
			}
			heading := map[string]string{"en": "Yours, as you marked them (your own statement):", "de": "Nach Ihrer eigenen Angabe von Ihnen:"}[lang]
			if txt := string(marked["report.txt"]); !strings.Contains(txt, heading+"\n") || !strings.Contains(txt[strings.Index(txt, heading)+1:], ref) {
				t.Errorf("report.txt does not list %s under %q:\n%s", ref, heading, txt)
			}

			// An excerpt: a hidden recording shown with "show and play",
			// its words put into the pack in the player. The pack's
			// report.txt ends with the excerpt as the command writes it
			// with --excerpt; "Leave them out" takes it out again.
			recsGo(t, tb, "/recordings")
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording][data-index="`+strconv.Itoa(spoken)+`"]`), chromedp.NodeVisible)); err != nil {
				t.Fatal(err)
			}
			recsWait(t, tb, `!!document.querySelector('aside.player [data-testid=lift-finding]')`)
			if n := recsEval[int](t, tb, `document.querySelectorAll('input[data-testid=excerpt]').length`); n != 0 {
				t.Errorf("a hidden recording offers %d excerpt boxes; its words can be chosen only once shown", n)
			}
			clickCSS := func(css string) {
				t.Helper()
				if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(css), chromedp.NodeVisible)); err != nil {
					t.Fatalf("%s: %v", css, err)
				}
			}
			clickCSS(`aside.player [data-testid=lift-finding]`)
			recsWait(t, tb, `!!document.querySelector('input[data-testid=excerpt]')`)
			exRef := recsEval[string](t, tb, `document.querySelector('input[data-testid=excerpt]').dataset.ref`)
			clickCSS(`input[data-testid=excerpt]`)
			recsWait(t, tb, `document.querySelector('input[data-testid=excerpt]').checked`)
			tb.shot(t, lang+"-excerpt-player")
			recsEval[any](t, tb, `goappNav("/")`)
			openWaitVerdict(t, tb, check.VerdictMismatch)
			recsWait(t, tb, `!!document.querySelector('[data-testid=excerpts][data-count="1"]')`)
			tb.shot(t, lang+"-excerpt-overview")
			dl3 := t.TempDir()
			if _, err := chromedp.Call(env.browser, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dl3,
			}); err != nil {
				t.Fatal(err)
			}
			clickCSS(`[data-testid=pack]`)
			withExcerpt := string(unzipAll(t, waitDownload(t, dl3, ".zip"))["report.txt"])
			cmdPack := filepath.Join(t.TempDir(), "pack.zip")
			var so, se bytes.Buffer
			runCheck(append([]string{"--pack", cmdPack, "--lang", lang, "--my-recording", ref, "--excerpt", exRef}, files...), &so, &se)
			cmdBytes, err := os.ReadFile(cmdPack)
			if err != nil {
				t.Fatalf("command pack: %v (%s)", err, se.String())
			}
			cmdTxt := string(unzipAll(t, cmdBytes)["report.txt"])
			tail := func(s string) string {
				if i := strings.Index(s, "\n"+excerptHeading[lang]+"\n"); i >= 0 {
					return s[i:]
				}
				return ""
			}
			if tail(withExcerpt) == "" || tail(withExcerpt) != tail(cmdTxt) {
				t.Errorf("the page's excerpt differs from check --excerpt %s:\n page %q\n command %q", exRef, tail(withExcerpt), tail(cmdTxt))
			}
			if !strings.Contains(tail(withExcerpt), spokenText) {
				t.Errorf("the excerpt does not say %q: %q", spokenText, tail(withExcerpt))
			}
			// The printed report shows the excerpt too, as report.txt ends.
			clickCSS(`[data-testid=print]`)
			recsWait(t, tb, `(document.querySelector('[data-testid=print-head]') || {textContent: ''}).textContent.includes(`+strconv.Quote(excerptHeading[lang])+`)`)
			if head := recsEval[string](t, tb, `document.querySelector('[data-testid=print-head]').textContent`); !strings.HasSuffix(head, tail(withExcerpt)) {
				t.Errorf("the print head does not end with the pack's excerpt:\n head %q\n want %q", head, tail(withExcerpt))
			}
			clickCSS(`[data-testid=excerpts-clear]`)
			recsWait(t, tb, `!document.querySelector('[data-testid=excerpts]')`)

			// Nothing of this is kept by the browser: no storage holds a
			// mark, a letter or a pack (the service worker caches the app's
			// own files only: its shell, its scripts and what is under /web/).
			stored, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`(async () => {
  const out = [];
  for (let i = 0; i < localStorage.length; i++) out.push('localStorage ' + localStorage.key(i));
  for (let i = 0; i < sessionStorage.length; i++) out.push('sessionStorage ' + sessionStorage.key(i));
  for (const d of (indexedDB.databases ? await indexedDB.databases() : [])) out.push('indexedDB ' + d.name);
  for (const k of await caches.keys()) {
    const c = await caches.open(k);
    for (const r of await c.keys()) if (!/^\/(web\/[^?#]*|app\.css|app\.js|wasm_exec\.js|manifest\.webmanifest)?$/.test(r.url.slice(location.origin.length)) || !r.url.startsWith(location.origin)) out.push('cache ' + r.url);
  }
  return out;
})()`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if len(stored) > 0 {
				t.Errorf("the browser keeps %q after marks, letters and packs; want nothing", stored)
			}
			tb.finish(t, secrets(rep))
		})
	}
}

// waitDownload waits for a finished download ending in suffix in dir.
func waitDownload(t *testing.T, dir, suffix string) []byte {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		names, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) > 0 {
				return b
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no %s download in %s within 60 s", suffix, dir)
	return nil
}
