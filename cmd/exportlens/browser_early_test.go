//go:build !wasm

package main

// TestBrowserEarlyPick chooses and drops files on the prerendered page
// while the server still holds app.wasm back (browserEnv.wasmGate), so the
// app cannot have started: the page must say it is loading, keep what was
// chosen, and open it when the app starts (web/early.js, browser.TakeEarly).

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// earlyTexts are the words of the prerendered pickers, by language.
var earlyTexts = map[string]struct {
	title  string
	labels []string
	picked string
}{
	"en": {"Open your export", []string{"Choose files loading…", "Choose a folder loading…"}, "opens once the app has loaded"},
	"de": {"Export öffnen", []string{"Dateien wählen lädt…", "Ordner wählen lädt…"}, "öffnet, sobald die App geladen ist"},
}

// earlyState is what the page shows before the app starts.
type earlyState struct {
	Loader  bool     `json:"loader"`  // go-app's loader: the wasm has not started
	Title   string   `json:"title"`   // the open panel's heading
	Lang    string   `json:"lang"`    // the language switch
	Ticked  bool     `json:"ticked"`  // "I own no voice-assistant device"
	Locked  bool     `json:"locked"`  // the "About you" fields take no input
	Labels  []string `json:"labels"`  // the pickers' labels
	Notes   []string `json:"notes"`   // their loading notes
	Picked  string   `json:"picked"`  // how many things early.js kept
	Verdict bool     `json:"verdict"` // a verdict is shown
	Path    string   `json:"path"`    // the page's location
}

const earlyStateJS = `(() => ({
	loader: !!document.getElementById('app-wasm-loader'),
	title: document.querySelector('.open-panel h2').innerText,
	lang: document.getElementById('lang-select').value,
	ticked: document.getElementById('about-nodevices').checked,
	locked: ['about-email', 'about-customer', 'about-devices', 'about-nodevices'].every(id => document.getElementById(id).disabled),
	labels: [...document.querySelectorAll('.pickers label')].map(e => e.innerText.trim()),
	notes: [...document.querySelectorAll('[data-testid=open-loading]')].map(e => e.textContent),
	picked: document.body.firstElementChild.dataset.earlyPicked || '',
	verdict: !!document.querySelector('[data-testid=verdict][data-verdict]'),
	path: location.pathname,
}))()`

// earlyLoad opens a tab in lang with app.wasm held back, and waits for the
// file input of the prerendered page. The tab bypasses the service worker,
// which would otherwise serve app.wasm from its cache, past the gate.
func earlyLoad(t *testing.T, env *browserEnv, lang string) (*tab, chan struct{}) {
	t.Helper()
	gate := make(chan struct{})
	env.wasmGate.Store(&gate)
	t.Cleanup(func() {
		select {
		case <-gate:
		default:
			close(gate)
		}
		env.wasmGate.CompareAndSwap(&gate, nil)
	})
	tb := env.newTab(t, lang)
	if _, err := chromedp.Call(tb.ctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(env.base+"/"), chromedp.WaitReady(chromedp.CSS("input#open-files"))); err != nil {
		t.Fatal(err)
	}
	return tb, gate
}

func earlyGet(t *testing.T, tb *tab) earlyState {
	t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[earlyState](earlyStateJS))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// earlyCheckLoading checks that the prerendered page, app not started,
// says in lang that its pickers are loading.
func earlyCheckLoading(t *testing.T, tb *tab, lang string) {
	t.Helper()
	s := earlyGet(t, tb)
	if !s.Loader {
		t.Fatal("the app started although app.wasm is held back")
	}
	want := earlyTexts[lang]
	if !slices.Equal(s.Labels, want.labels) {
		t.Errorf("labels before the app runs: got %q, want %q", s.Labels, want.labels)
	}
	if s.Title != want.title || s.Lang != lang {
		t.Errorf("before the app runs: got the heading %q and the language switch on %q, want %q and %q", s.Title, s.Lang, want.title, lang)
	}
	if s.Ticked {
		t.Error("before the app runs: “I own no voice-assistant device” is ticked, want it not (nobody said so)")
	}
	if !s.Locked {
		t.Error("before the app runs: the “About you” fields take input, which the app's start would lose")
	}
}

// earlyCheckKept checks that the page, app still not started, says that
// what was chosen opens when the app has loaded.
func earlyCheckKept(t *testing.T, tb *tab, lang, wantPicked string) {
	t.Helper()
	s := earlyGet(t, tb)
	if !s.Loader || s.Verdict {
		t.Fatal("the app started although app.wasm is held back")
	}
	if s.Path != "/" {
		t.Errorf("after the pick the page is at %q, want / (a drop must not navigate)", s.Path)
	}
	want := earlyTexts[lang].picked
	if len(s.Notes) != 2 || s.Notes[0] != want || s.Notes[1] != want {
		t.Errorf("notes after the pick: got %q, want %q twice", s.Notes, want)
	}
	if s.Picked != wantPicked {
		t.Errorf("kept: got %q things, want %s", s.Picked, wantPicked)
	}
}

// earlyRelease lets app.wasm through and waits for the verdict; the
// loading notes must be gone then.
func earlyRelease(t *testing.T, tb *tab, gate chan struct{}) string {
	t.Helper()
	close(gate)
	start := time.Now()
	verdict := openWaitVerdict(t, tb, "")
	t.Logf("app.wasm released: verdict after %v", time.Since(start).Round(time.Millisecond))
	if s := earlyGet(t, tb); len(s.Notes) > 0 || s.Loader || s.Locked {
		t.Errorf("after the start: got loading notes %q (loader %v, “About you” locked %v), want none", s.Notes, s.Loader, s.Locked)
	}
	return verdict
}

func TestBrowserEarlyPick(t *testing.T) {
	env := startBrowser(t)
	var allSecrets []string

	t.Run("choose", func(t *testing.T) {
		for _, lang := range []string{"en", "de"} {
			t.Run(lang, func(t *testing.T) {
				files := fixtureFiles(t, "amazon-foreign")
				rep := engineReport(t, files)
				allSecrets = append(allSecrets, secrets(rep)...)
				tb, gate := earlyLoad(t, env, lang)
				earlyCheckLoading(t, tb, lang)
				tb.shot(t, lang+"-early-loading")
				if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
					t.Fatal(err)
				}
				earlyCheckKept(t, tb, lang, fmt.Sprint(len(files)))
				tb.shot(t, lang+"-early-kept")
				if got := earlyRelease(t, tb, gate); got != rep.Verdict {
					t.Errorf("verdict: got %q, want %q (the engine's)", got, rep.Verdict)
				}
				if got, want := openShownFindings(t, tb), openReportFindings(rep); !slices.Equal(got, want) {
					t.Errorf("findings:\n got  %v\n want %v (the engine's)", got, want)
				}
				opened := openText(t, tb, "[data-testid=opened]")
				for _, f := range files {
					if !strings.Contains(opened, filepath.Base(f)) {
						t.Errorf("opened line %q does not name %s", opened, filepath.Base(f))
					}
				}
				tb.finish(t, secrets(rep))
			})
		}
	})

	// A folder dropped before the app runs: early.js keeps its entry, the
	// app walks it when it starts.
	t.Run("drop/de", func(t *testing.T) {
		dir, err := filepath.Abs(filepath.Join(fixtures, "amazon-foreign-folder", "input", "amazon"))
		if err != nil {
			t.Fatal(err)
		}
		rep, _, _ := runJSON(t, []string{dir})
		allSecrets = append(allSecrets, secrets(&rep)...)
		tb, gate := earlyLoad(t, env, "de")
		earlyCheckLoading(t, tb, "de")
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
		earlyCheckKept(t, tb, "de", "1")
		if got := earlyRelease(t, tb, gate); got != rep.Verdict {
			t.Errorf("verdict: got %q, want %q (exportlens check on the folder)", got, rep.Verdict)
		}
		if got, want := openShownFindings(t, tb), openReportFindings(&rep); !slices.Equal(got, want) {
			t.Errorf("findings:\n got  %v\n want %v (exportlens check on the folder)", got, want)
		}
		if opened := openText(t, tb, "[data-testid=opened]"); opened != "Geöffnet: amazon/" {
			t.Errorf("opened line: got %q, want %q (one folder input)", opened, "Geöffnet: amazon/")
		}
		tb.shot(t, "de-early-drop")
		tb.finish(t, secrets(&rep))
	})
	env.checkTraffic(t, allSecrets)
}
