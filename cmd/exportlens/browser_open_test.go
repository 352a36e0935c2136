//go:build !wasm

package main

// Tests of the open panel: demos, "about you", folders, broken files, cancel,
// and the app working offline after one visit. They use the shared harness
// of browser_test.go (startBrowser, newTab, load, open, shot, finish).

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"exportlens/app/archive"
	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/export"
)

// openShownFindings is what the page shows of the findings.
func openShownFindings(t *testing.T, tb *tab) []string {
	t.Helper()
	shown, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]finding](
		`[...document.querySelectorAll('[data-testid=finding]')].map(e => ({rule: e.dataset.rule || '', severity: e.dataset.severity || '', subject: e.dataset.subject || ''}))`))
	if err != nil {
		t.Fatal(err)
	}
	return sortedFindings(shown)
}

// openReportFindings is the engine's findings in the same form.
func openReportFindings(rep *check.Report) []string {
	var fs []finding
	for _, f := range rep.Findings {
		fs = append(fs, finding{string(f.Rule), string(f.Severity), f.Subject})
	}
	return sortedFindings(fs)
}

// openWaitVerdict waits until the page shows a verdict and returns it.
func openWaitVerdict(t *testing.T, tb *tab, want string) string {
	t.Helper()
	got, err := chromedp.Run(tb.ctx, chromedp.Poll[string](
		`(() => { const e = document.querySelector('[data-testid=verdict][data-verdict]'); return e && (`+jsString(want)+` === '' || e.dataset.verdict === `+jsString(want)+`) && e.dataset.verdict })()`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		tb.shot(t, "timeout-"+strings.ReplaceAll(t.Name(), "/", "_"))
		shown, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`(() => { const e = document.querySelector('[data-testid=verdict]'); return e ? e.dataset.verdict : 'none' })()`))
		t.Fatalf("verdict: waited for %q, the page shows %q: %v", want, shown, err)
	}
	return got
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// openText is the visible text of the first element matching css ("" if none).
func openText(t *testing.T, tb *tab, css string) string {
	t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](
		`(() => { const e = document.querySelector(`+jsString(css)+`); return e ? e.innerText : '' })()`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBrowserOpenDemo(t *testing.T) {
	env := startBrowser(t)
	p := readPlanted(t, "amazon-2018")
	if !p.Declared.NoDevices {
		t.Fatal("amazon-2018 is meant to be checked as someone who owns no device")
	}
	rep := openNative(t, fixtureFiles(t, "amazon-2018"), p.Declared).rep
	if !slices.ContainsFunc(rep.Findings, func(f check.Finding) bool { return f.Rule == "declared-mismatch" }) {
		t.Fatal("the engine reports no declared-mismatch for amazon-2018 with --no-devices; the test would prove nothing")
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			// The demo buttons exist only once the wasm fetched the index:
			// the prerendered page has none.
			btn := `button[data-demo="amazon-2018"]`
			if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(btn))); err != nil {
				t.Fatalf("no demo button: %v", err)
			}
			title := openText(t, tb, btn)
			want := map[string]string{"en": "The 2018 household mix-up", "de": "Die Haushalts-Verwechslung von 2018"}[lang]
			if title != want {
				t.Errorf("demo button: got %q, want %q", title, want)
			}
			tb.shot(t, lang+"-open-home")
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(btn))); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, ""); got != "mismatch" {
				t.Errorf("verdict: got %q, want mismatch", got)
			}
			if got, want := openShownFindings(t, tb), openReportFindings(rep); !slices.Equal(got, want) {
				t.Errorf("findings:\n got  %v\n want %v (the engine's with --no-devices)", got, want)
			}
			checked, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`document.getElementById('about-nodevices').checked`))
			if err != nil {
				t.Fatal(err)
			}
			if !checked {
				t.Error(`"I own no voice-assistant device": got unchecked, want the demo's declared fact shown`)
			}
			if opened := openText(t, tb, "[data-testid=opened]"); !strings.Contains(opened, want) || !strings.Contains(opened, "export.zip") {
				t.Errorf("opened line: got %q, want the demo's title and export.zip", opened)
			}
			tb.shot(t, lang+"-open-demo-2018")
			tb.finish(t, secrets(rep))
		})
	}
	env.checkTraffic(t, secrets(rep))
}

func TestBrowserOpenAboutYou(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "amazon-clean")
	rep := engineReport(t, files)
	if rep.Verdict != check.VerdictConsistent {
		t.Fatalf("amazon-clean: the engine says %q, want consistent", rep.Verdict)
	}
	const foreign = "A9Z8Y7X6W5V4U3"
	declared := check.Declared{Emails: []string{}, CustomerIDs: []string{foreign}, Devices: []string{}}
	withID := openNative(t, files, declared).rep
	if withID.Verdict != check.VerdictMismatch {
		t.Fatalf("the engine says %q with customer ID %s, want mismatch", withID.Verdict, foreign)
	}
	tb := env.newTab(t, "en")
	tb.load(t, "/")
	if got := tb.open(t, files); got != "consistent" {
		t.Fatalf("verdict: got %q, want consistent", got)
	}
	// Mark the verdict's element (a JS property, not the DOM): a re-open would
	// unmount the overview and show a new element.
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`document.querySelector('[data-testid=verdict]').__exportlensMark = true`)); err != nil {
		t.Fatal(err)
	}
	type step struct {
		typed   string
		verdict string
		want    []string
	}
	// Unfold "about you" as a person does, once the demo buttons above it
	// have come (they would move it).
	tb.demosShown(t)
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(".about-form summary"))); err != nil {
		t.Fatal(err)
	}
	for _, s := range []step{
		{foreign, "mismatch", openReportFindings(withID)},
		{"", "consistent", openReportFindings(rep)},
	} {
		// Select what the field holds, type over it (or delete it), and
		// leave the field: that is when the facts apply.
		keys := s.typed
		if keys == "" {
			keys = kb.Backspace
		}
		if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`(() => { const e = document.getElementById('about-customer'); e.focus(); e.select(); return true })()`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.ID("about-customer"), keys+kb.Tab)); err != nil {
			t.Fatal(err)
		}
		if got := openWaitVerdict(t, tb, s.verdict); got != s.verdict {
			t.Errorf("customer ID %q: got verdict %q, want %q", s.typed, got, s.verdict)
		}
		if got := openShownFindings(t, tb); !slices.Equal(got, s.want) {
			t.Errorf("customer ID %q: findings:\n got  %v\n want %v (the engine's)", s.typed, got, s.want)
		}
		same, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`document.querySelector('[data-testid=verdict]').__exportlensMark === true`))
		if err != nil {
			t.Fatal(err)
		}
		if !same {
			t.Errorf("customer ID %q: the overview was replaced: the export was opened again, want only the checks re-run", s.typed)
		}
		if s.typed != "" {
			tb.shot(t, "en-open-about-foreign-id")
		}
	}
	tb.finish(t, append(secrets(rep), foreign))
	env.checkTraffic(t, append(secrets(rep), foreign))
}

// TestOpenFolderFSLikeCommand builds the browser's folder input the way the
// app does (browser.Group over files named by their relative path, as a
// folder picker or a drop names them) and checks that the engine reports on
// it exactly what `exportlens check FOLDER` reports.
func TestOpenFolderFSLikeCommand(t *testing.T) {
	dir := filepath.Join(fixtures, "amazon-foreign-folder", "input", "amazon")
	var files []*browser.File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Dir(dir), p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, browser.NewFile(filepath.ToSlash(rel), b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	plain, folders := browser.Group(files)
	if len(plain) != 0 || len(folders) != 1 || folders[0].Name() != "amazon" {
		t.Fatalf("got %d plain files and %d folders, want the one folder amazon", len(plain), len(folders))
	}
	ctx := context.Background()
	tree, err := archive.Open(ctx, []archive.Input{{Name: "amazon", FS: folders[0].FS(ctx)}}, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	x, err := export.Load(ctx, tree, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := check.Run(x, check.Declared{Emails: []string{}, CustomerIDs: []string{}, Devices: []string{}})
	got.Inputs = []check.Input{{Name: "amazon", Folder: true}}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	_, want, _ := runJSON(t, []string{dir})
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("report over the browser's folder differs from `exportlens check %s`:\n got  %s\n want %s", dir, b.Bytes(), want)
	}
	if got.Verdict != check.VerdictMismatch {
		t.Errorf("verdict: got %q, want mismatch (the fixture holds a foreign device)", got.Verdict)
	}
}

func TestBrowserOpenFolder(t *testing.T) {
	env := startBrowser(t)
	dir, err := filepath.Abs(filepath.Join(fixtures, "amazon-foreign-folder", "input", "amazon"))
	if err != nil {
		t.Fatal(err)
	}
	rep, _, _ := runJSON(t, []string{dir})
	want := openReportFindings(&rep)

	t.Run("picker", func(t *testing.T) {
		tb := env.newTab(t, "en")
		tb.load(t, "/")
		if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-folder"), []string{dir})); err != nil {
			t.Fatalf("choosing the folder: %v", err)
		}
		if got := openWaitVerdict(t, tb, ""); got != rep.Verdict {
			t.Errorf("verdict: got %q, want %q (exportlens check on the folder)", got, rep.Verdict)
		}
		if got := openShownFindings(t, tb); !slices.Equal(got, want) {
			t.Errorf("findings:\n got  %v\n want %v (exportlens check on the folder)", got, want)
		}
		if opened := openText(t, tb, "[data-testid=opened]"); opened != "Opened: amazon/" {
			t.Errorf("opened line: got %q, want %q (one folder input)", opened, "Opened: amazon/")
		}
		// Places are named as the command names them: a plain file of the
		// folder as "amazon/…", never "amazon!…".
		var text, errb bytes.Buffer
		runCheck([]string{dir}, &text, &errb)
		links := recsEval[[]string](t, tb, `[...document.querySelectorAll('[data-testid=evidence] .ev-file')].map(a => a.textContent)`)
		if len(links) == 0 {
			t.Fatal("no evidence links")
		}
		for _, l := range links {
			if !strings.HasPrefix(l, "amazon/") || !strings.Contains(text.String(), "  "+l) {
				t.Errorf("evidence %q: want it named amazon/… as `exportlens check` names it:\n%s", l, text.String())
			}
		}
		tb.shot(t, "en-open-folder")
		tb.finish(t, secrets(&rep))
	})

	t.Run("drop", func(t *testing.T) {
		tb := env.newTab(t, "de")
		tb.load(t, "/")
		// The demo buttons come once the home page is mounted, and with it
		// the drop listener: a drop before that would navigate away.
		tb.demosShown(t)
		// A drag as a mouse makes it: enter, a few moves over the page
		// (the browser drops only where the page accepted a dragover), drop.
		data := &input.DragData{Files: []string{dir}, DragOperationsMask: 1}
		for i, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter,
			input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDragOver,
			input.DispatchDragEventTypeDrop} {
			if _, err := chromedp.Call(tb.ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: 600, Y: 500 + float64(i), Data: data}); err != nil {
				t.Fatalf("%s: %v", typ, err)
			}
			if err := chromedp.Do(tb.ctx, chromedp.Sleep(50*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
		}
		if got := openWaitVerdict(t, tb, ""); got != rep.Verdict {
			t.Errorf("verdict: got %q, want %q (exportlens check on the folder)", got, rep.Verdict)
		}
		if got := openShownFindings(t, tb); !slices.Equal(got, want) {
			t.Errorf("findings:\n got  %v\n want %v (exportlens check on the folder)", got, want)
		}
		if opened := openText(t, tb, "[data-testid=opened]"); opened != "Geöffnet: amazon/" {
			t.Errorf("opened line: got %q, want %q (one folder input)", opened, "Geöffnet: amazon/")
		}
		tb.shot(t, "de-open-folder-drop")
		tb.finish(t, secrets(&rep))
	})

	// The other folder fixture: an extracted Takeout part.
	t.Run("takeout-voice", func(t *testing.T) {
		voice, err := filepath.Abs(filepath.Join(fixtures, "takeout-voice", "input", "takeout-20220516T075809Z-001"))
		if err != nil {
			t.Fatal(err)
		}
		vrep, _, _ := runJSON(t, []string{voice})
		tb := env.newTab(t, "de")
		tb.load(t, "/")
		if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-folder"), []string{voice})); err != nil {
			t.Fatalf("choosing the folder: %v", err)
		}
		if got := openWaitVerdict(t, tb, ""); got != vrep.Verdict {
			t.Errorf("verdict: got %q, want %q (exportlens check on the folder)", got, vrep.Verdict)
		}
		if got, want := openShownFindings(t, tb), openReportFindings(&vrep); !slices.Equal(got, want) {
			t.Errorf("findings:\n got  %v\n want %v (exportlens check on the folder)", got, want)
		}
		tb.shot(t, "de-open-folder-takeout-voice")
		tb.finish(t, secrets(&vrep))
	})
	env.checkTraffic(t, secrets(&rep))
}

func TestBrowserOpenBroken(t *testing.T) {
	env := startBrowser(t)
	good := fixtureFiles(t, "amazon-2018")
	raw, err := os.ReadFile(good[0])
	if err != nil {
		t.Fatal(err)
	}
	// The first half of a real export: its directory, at the end, is gone.
	broken := filepath.Join(t.TempDir(), "broken-export.zip")
	if err := os.WriteFile(broken, raw[:len(raw)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	rep := engineReport(t, good)
	sentences := map[string]string{
		"en": "“broken-export.zip” could not be read: it is truncated or damaged.",
		"de": "„broken-export.zip“ konnte nicht gelesen werden: es ist unvollständig oder beschädigt.",
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), []string{broken})); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS("[data-testid=open-failed] [data-testid=open-error] p"))); err != nil {
				t.Fatalf("no error shown: %v", err)
			}
			if got := openText(t, tb, "[data-testid=open-failed] [data-testid=open-error] p"); got != sentences[lang] {
				t.Errorf("error: got %q, want %q", got, sentences[lang])
			}
			n, err := chromedp.Run(tb.ctx, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid=open-failed] [data-testid=open-error]').length`))
			if err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("got %d error sentences, want 1", n)
			}
			// The details are there on demand, folded.
			folded, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`(() => { const d = document.querySelector('[data-testid=open-failed] details'); return !!d && !d.open && d.querySelector('code').textContent.includes('broken-export.zip') })()`))
			if err != nil {
				t.Fatal(err)
			}
			if !folded {
				t.Error("details: got none, or shown unfolded, want the error's own text folded under the sentence")
			}
			tb.shot(t, lang+"-open-broken")

			// Together with a good export: its verdict, and the sentence.
			if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), append([]string{broken}, good...))); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, ""); got != rep.Verdict {
				t.Errorf("verdict with the broken file beside: got %q, want %q (the good export's)", got, rep.Verdict)
			}
			if got, want := openShownFindings(t, tb), openReportFindings(rep); !slices.Equal(got, want) {
				t.Errorf("findings with the broken file beside:\n got  %v\n want %v", got, want)
			}
			listed, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=open-problems] [data-testid=open-error] > p')].map(p => p.innerText)`))
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{sentences[lang]}; !slices.Equal(listed, want) {
				t.Errorf("problems listed: got %q, want %q", listed, want)
			}
			tb.shot(t, lang+"-open-broken-and-good")
			tb.finish(t, secrets(rep))
		})
	}
	env.checkTraffic(t, secrets(rep))
}

// TestBrowserOpenCancel opens three files whose every read takes seconds (a
// JS object that behaves like a File, dropped on the page) and cancels while
// the first is read: the page says so at once, no verdict appears, the
// other files are never read, and the app opens the next export normally.
//
// A generated 300 MB export would read too fast here to cancel by a click:
// listing reads its directory only.
func TestBrowserOpenCancel(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "amazon-clean")
	rep := engineReport(t, files)
	tb := env.newTab(t, "en")
	tb.load(t, "/")
	// The demo buttons come after the page, above the progress bar and its
	// Cancel button: wait for them, or they would move Cancel.
	tb.demosShown(t)
	// The bytes are the bundled demo (a same-origin GET of the app's own
	// file); each slice's arrayBuffer resolves 2 s late.
	drop := `(async () => {
		window.__slowReads = 0;
		const names = ["Alexa.zip", "Devices.Registration.zip", "Retail.CustomerProfile.zip"];
		const slow = [];
		for (const name of names) {
			const blob = await (await fetch("/web/demo/amazon-clean/" + name)).blob();
			slow.push({name, size: blob.size, slice(a, b, type) {
				const part = blob.slice(a, b, type);
				return {arrayBuffer() {
					window.__slowReads++;
					return new Promise((ok) => setTimeout(ok, 2000)).then(() => part.arrayBuffer());
				}};
			}});
		}
		const ev = new Event("drop", {cancelable: true});
		Object.defineProperty(ev, "dataTransfer", {value: {files: slow}});
		window.dispatchEvent(ev);
		return true;
	})()`
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](drop, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`window.__slowReads >= 1 && !!document.querySelector('[data-testid=open-progress]')`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("no progress shown while reading: %v", err)
	}
	tb.shot(t, "en-open-progress")
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("[data-testid=open-cancel]"))); err != nil {
		t.Fatal(err)
	}
	readsAtCancel, err := chromedp.Run(tb.ctx, chromedp.Evaluate[int](`window.__slowReads`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS("[data-testid=open-canceled]"))); err != nil {
		t.Fatalf("no cancelled notice: %v", err)
	}
	// Long enough for the read in flight and two more to finish, were they made.
	if err := chromedp.Do(tb.ctx, chromedp.Sleep(6*time.Second)); err != nil {
		t.Fatal(err)
	}
	after, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]int](`[window.__slowReads,
		document.querySelectorAll('[data-testid=verdict]').length,
		document.querySelectorAll('[data-testid=open-progress]').length,
		document.querySelectorAll('[data-testid=open-canceled]').length]`))
	if err != nil {
		t.Fatal(err)
	}
	if after[0] != readsAtCancel {
		t.Errorf("reads: got %d after cancel, %d at cancel: reading went on", after[0], readsAtCancel)
	}
	if after[1] != 0 || after[2] != 0 || after[3] != 1 {
		t.Errorf("after cancel: got %d verdicts, %d progress bars, %d notices, want 0, 0, 1", after[1], after[2], after[3])
	}
	tb.shot(t, "en-open-canceled")
	if got := tb.open(t, files); got != rep.Verdict {
		t.Errorf("opening after a cancel: got verdict %q, want %q", got, rep.Verdict)
	}
	tb.finish(t, secrets(rep))
}

// TestBrowserOpenOffline visits the app once, stops the server, reloads:
// the app starts from the service worker's cache, opens a fixture and a
// bundled demo, and shows their verdicts.
func TestBrowserOpenOffline(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "amazon-foreign")
	rep := engineReport(t, files)
	tb := env.newTab(t, "en")
	tb.load(t, "/")
	ready := `!!navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === "activated"`
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](ready, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the service worker is not active and controlling the page: %v", err)
	}
	env.srv.Close()
	if resp, err := http.Get(env.base + "/"); err == nil {
		resp.Body.Close()
		t.Fatal("the server still answers after Close")
	}
	tb.load(t, "/")
	if got := tb.open(t, files); got != rep.Verdict {
		t.Errorf("offline: got verdict %q, want %q", got, rep.Verdict)
	}
	tb.shot(t, "en-open-offline")
	// A route never visited, opened by its URL, and a demo.
	tb.load(t, "/recordings")
	tb.load(t, "/")
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`button[data-demo="amazon-2018"]`))); err != nil {
		t.Fatal(err)
	}
	if got := openWaitVerdict(t, tb, "mismatch"); got != "mismatch" {
		t.Errorf("offline demo: got verdict %q, want mismatch", got)
	}
	tb.finish(t, secrets(rep))
}

// TestBrowserOpenDemoSubPath serves the static site under a sub-path, as a
// person publishing it on their own web space would, and opens a demo: its
// files are found through the static resources location, not the root.
func TestBrowserOpenDemoSubPath(t *testing.T) {
	env := startBrowser(t)
	dir := t.TempDir()
	if err := writeStatic(dir, "/sub/path", webFiles); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var outside []string
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/sub/path" {
			http.Redirect(w, r, "/sub/path/", http.StatusMovedPermanently) // as static hosts do
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, "/sub/path/")
		if !ok {
			mu.Lock()
			outside = append(outside, r.URL.Path)
			mu.Unlock()
			http.NotFound(w, r)
			return
		}
		r.URL.Path = "/" + rest
		http.FileServer(http.Dir(dir)).ServeHTTP(w, r)
	}))
	defer site.Close()
	// A tab whose own origin is the static site (finish checks against it).
	siteEnv := *env
	siteEnv.base = site.URL
	tb := siteEnv.newTab(t, "en")
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(site.URL+"/sub/path/"), chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader"))); err != nil {
		t.Fatalf("the app did not start under /sub/path: %v", err)
	}
	// Offline too: the worker's cache under the sub-path serves the app and the demo.
	ready := `!!navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === "activated"`
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](ready, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the service worker is not active and controlling the page: %v", err)
	}
	site.Close()
	if err := chromedp.Do(tb.ctx, chromedp.Reload(), chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader"))); err != nil {
		t.Fatalf("the app did not start offline under /sub/path: %v", err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`button[data-demo="takeout-unrecognized"]`))); err != nil {
		t.Fatal(err)
	}
	rep := engineReport(t, fixtureFiles(t, "takeout-unrecognized"))
	if got := openWaitVerdict(t, tb, ""); got != rep.Verdict {
		t.Errorf("demo under a sub-path: got verdict %q, want %q", got, rep.Verdict)
	}
	if got, want := openShownFindings(t, tb), openReportFindings(rep); !slices.Equal(got, want) {
		t.Errorf("findings:\n got  %v\n want %v", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(outside) > 0 {
		t.Errorf("requests outside /sub/path: %q", outside)
	}
	tb.finish(t, secrets(rep))
}

// demosShown waits until the open panel shows the bundled demos' buttons,
// which come after the page (their list is fetched).
func (tb *tab) demosShown(t *testing.T) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS("button[data-demo]"))); err != nil {
		tb.shot(t, "no-demos")
		t.Fatalf("no demo buttons shown: %v", err)
	}
}

// TestBrowserSameAsCommand opens inputs that are no export at all in the
// viewer and with `exportlens check`, which share one pipeline
// (app/view): an empty ZIP, a lone text file, a ZIP of unrelated files.
// Each gets the command's verdict and findings on the page; none is
// "nothing could be read" (the viewer said so for an empty ZIP before).
func TestBrowserSameAsCommand(t *testing.T) {
	env := startBrowser(t)
	dir := t.TempDir()
	write := func(name string, files map[string]string) string {
		p := filepath.Join(dir, name)
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for n, body := range files {
			w, _ := zw.Create(n)
			w.Write([]byte(body))
		}
		zw.Close()
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("shopping: eggs, milk\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := [][]string{
		{write("empty.zip", nil)},
		{notes},
		{write("holiday.zip", map[string]string{"photos/readme.txt": "beach", "photos/list.csv": "a,b\n1,2\n"})},
	}
	for _, files := range cases {
		t.Run(filepath.Base(files[0]), func(t *testing.T) {
			rep, _, code := runJSON(t, files)
			if code == check.ExitUnreadable {
				t.Fatalf("the command could not read %v", files)
			}
			tb := env.newTab(t, "en")
			tb.load(t, "/")
			if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, ""); got != rep.Verdict {
				t.Errorf("verdict: page %q, command %q", got, rep.Verdict)
			}
			if got, want := openShownFindings(t, tb), openReportFindings(&rep); !slices.Equal(got, want) {
				t.Errorf("findings:\n page    %v\n command %v", got, want)
			}
			if n := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=open-failed]').length`); n != 0 {
				t.Error("the page says nothing could be read")
			}
			tb.shot(t, "en-same-as-command-"+filepath.Base(files[0]))
		})
	}
}
