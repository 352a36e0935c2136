//go:build !wasm

package main

// Browser tests of the viewer for people who read it in German or hear it
// through a screen reader (issue 11): <html lang> follows the language, one
// h1 and a title of its own per page and view, focus on the new content
// after opening and navigating, live regions for progress, verdict, errors
// and the search count; times in the browser's zone with daylight saving.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// a11yTab is a tab whose browser speaks lang and lives in zone, on "/".
func a11yTab(t *testing.T, env *browserEnv, lang, zone string) *tab {
	t.Helper()
	tb := env.newTab(t, lang)
	if _, err := chromedp.Call(tb.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: zone}); err != nil {
		t.Fatal(err)
	}
	tb.load(t, "/")
	return tb
}

// a11yNav clicks the navigation's link to path, as a person does, and waits
// until that page shows.
func a11yNav(t *testing.T, tb *tab, path string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`header nav a[href="`+path+`"]`))); err != nil {
		t.Fatalf("clicking %s: %v", path, err)
	}
	recsWait(t, tb, fmt.Sprintf(`location.pathname === %q && !!document.querySelector('nav a[aria-current=page][href=%q]') && !!document.getElementById('page-h1')`, path, path))
}

// a11yTitles are the document titles of each page and view.
var a11yTitles = map[string]map[string]string{
	"en": {"home": "Check a data export – ExportLens", "overview": "Overview – ExportLens",
		"recordings": "Recordings – ExportLens", "recording": "Recording %d – Recordings – ExportLens",
		"transcripts": "Transcripts – ExportLens", "files": "Files – ExportLens", "file": "File (%s) – Files – ExportLens"},
	"de": {"home": "Datenexport prüfen – ExportLens", "overview": "Übersicht – ExportLens",
		"recordings": "Aufnahmen – ExportLens", "recording": "Aufnahme %d – Aufnahmen – ExportLens",
		"transcripts": "Transkripte – ExportLens", "files": "Dateien – ExportLens", "file": "Datei (%s) – Dateien – ExportLens"},
}

// a11yHead is what a page offers a screen reader.
type a11yHead struct {
	Lang    string   `json:"lang"`
	Title   string   `json:"title"`
	H1s     []string `json:"h1s"`
	Focus   string   `json:"focus"` // the focused element's id, else its data-testid, else its tag
	Storage []string `json:"storage"`
}

const a11yHeadJS = `(() => { const a = document.activeElement;
  return {lang: document.documentElement.lang, title: document.title,
    h1s: [...document.querySelectorAll('h1')].map(h => h.textContent),
    focus: !a ? '' : a.id || (a.dataset && a.dataset.testid) || a.tagName.toLowerCase(),
    storage: [...Object.keys(localStorage).map(k => 'local:' + k), ...Object.keys(sessionStorage).map(k => 'session:' + k)]} })()`

func a11yHeadOf(t *testing.T, tb *tab) a11yHead {
	t.Helper()
	return recsEval[a11yHead](t, tb, a11yHeadJS)
}

// a11yWant fails t unless the page has one h1 and the title wantTitle; when
// focused, focus must be on the h1.
func a11yWant(t *testing.T, tb *tab, step, wantTitle string, focused bool) a11yHead {
	t.Helper()
	// The title follows the render; give it the render's time.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.title === `+strconv.Quote(wantTitle),
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("%s: title: got %q, want %q", step, a11yHeadOf(t, tb).Title, wantTitle)
	}
	if focused {
		// Focus moves once the page is drawn (a deferred call after the render).
		chromedp.Run(tb.ctx, chromedp.Poll[bool](`!!document.activeElement && document.activeElement.id === 'page-h1'`,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
	}
	h := a11yHeadOf(t, tb)
	if len(h.H1s) != 1 {
		t.Errorf("%s: got %d h1 %q, want exactly one", step, len(h.H1s), h.H1s)
	}
	if focused && h.Focus != "page-h1" {
		t.Errorf("%s: focus is on %q, want the page's h1", step, h.Focus)
	}
	return h
}

// TestBrowserLang: <html lang> is the language the page speaks, from the
// first load (the browser's language) and after each switch, on every
// page; switching writes nothing to the browser's storage.
func TestBrowserLang(t *testing.T) {
	env := startBrowser(t)
	other := map[string]string{"en": "de", "de": "en"}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := a11yTab(t, env, lang, "UTC")
			before := a11yWant(t, tb, "first load", a11yTitles[lang]["home"], false)
			if before.Lang != lang {
				t.Errorf("first load in a %s browser: <html lang=%q>, want %q", lang, before.Lang, lang)
			}
			for _, to := range []string{other[lang], lang} {
				recsEval[any](t, tb, fmt.Sprintf(`(() => { const s = document.getElementById('lang-select'); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); })()`, to))
				recsWait(t, tb, fmt.Sprintf(`document.documentElement.lang === %q`, to))
				a11yWant(t, tb, "switched to "+to, a11yTitles[to]["home"], false)
				a11yNav(t, tb, "/recordings")
				if h := a11yWant(t, tb, to+" /recordings", a11yTitles[to]["recordings"], true); h.Lang != to {
					t.Errorf("recordings after switching to %s: <html lang=%q>", to, h.Lang)
				}
				a11yNav(t, tb, "/")
				if h := a11yHeadOf(t, tb); !slices.Equal(h.Storage, before.Storage) {
					t.Errorf("after switching to %s the storage holds %q, before %q: nothing may be written", to, h.Storage, before.Storage)
				}
			}
			tb.finish(t, nil)
		})
	}
}

// TestBrowserHeadings walks every page in both languages: one h1, the
// page's own title, focus on the h1 after opening an export and after each
// navigation (not when choosing a recording), and the live regions that
// announce progress, the verdict, errors and the search count.
func TestBrowserHeadings(t *testing.T) {
	env := startBrowser(t)
	files := fixtureFiles(t, "amazon-foreign")
	rep := engineReport(t, files)
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			titles := a11yTitles[lang]
			tb := a11yTab(t, env, lang, "UTC")
			a11yWant(t, tb, "home", titles["home"], false)
			// The regions are there before anything is announced in them.
			if n := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=open-live][aria-live=polite], [data-testid=verdict-live][aria-live=polite]:empty').length`); n != 2 {
				t.Errorf("home: got %d of the 2 live regions (opening, verdict) before opening", n)
			}
			tb.open(t, files)
			a11yWant(t, tb, "opened", titles["overview"], true)
			if !recsEval[bool](t, tb, `!!document.querySelector('[data-testid=verdict-live][aria-live=polite] > [data-testid=verdict][data-verdict]')`) {
				t.Error("the verdict is not inside a polite live region")
			}
			tb.shot(t, lang+"-a11y-overview")

			a11yNav(t, tb, "/recordings")
			a11yWant(t, tb, "recordings", titles["recordings"], true)
			if !recsEval[bool](t, tb, `!!document.querySelector('[data-testid=recording-count][aria-live=polite]')`) {
				t.Error("the search count is not a polite live region")
			}
			// Searching changes the count in place: the region stays.
			recsSet(t, tb, "recording-search", "weather", "input")
			recsWait(t, tb, fmt.Sprintf(`+document.querySelector('[data-testid=recording-count][aria-live=polite]').dataset.shown < %d`, rep.Summary.Recordings))
			recsSet(t, tb, "recording-search", "", "input")
			recsWait(t, tb, `(() => { const c = document.querySelector('[data-testid=recording-count]'); return +c.dataset.shown === +c.dataset.total })()`)
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording]`))); err != nil {
				t.Fatal(err)
			}
			recsWait(t, tb, `!!document.querySelector('[data-testid=recording][aria-selected=true]')`)
			k := recsEval[int](t, tb, `+document.querySelector('[data-testid=recording][aria-selected=true]').dataset.index`)
			h := a11yWant(t, tb, "recording chosen", fmt.Sprintf(titles["recording"], k+1), false)
			// The list holds the focus for its rows (a listbox with
			// aria-activedescendant): a row may leave the DOM as it scrolls.
			if h.Focus != "recording-list" {
				t.Errorf("recording chosen: focus is on %q, want it kept on the list", h.Focus)
			}

			a11yNav(t, tb, "/transcripts")
			a11yWant(t, tb, "transcripts", titles["transcripts"], true)
			a11yNav(t, tb, "/files")
			a11yWant(t, tb, "files", titles["files"], true)
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=tree-file] a`))); err != nil {
				t.Fatal(err)
			}
			recsWait(t, tb, `!!document.querySelector('[data-testid=file-name]')`)
			kind := map[string]map[string]string{"en": {"csv": "CSV table", "json": "JSON", "text": "Text", "audio": "Audio", "pdf": "PDF", "archive": "Archive", "other": "Other", "image": "Image"},
				"de": {"csv": "CSV-Tabelle", "json": "JSON", "text": "Text", "audio": "Audio", "pdf": "PDF", "archive": "Archiv", "other": "Sonstiges", "image": "Bild"}}
			title := recsEval[string](t, tb, `document.title`)
			ok := false
			for _, k := range kind[lang] {
				ok = ok || title == fmt.Sprintf(titles["file"], k)
			}
			if !ok {
				t.Errorf("a file shown: title %q, want %q with the kind of file", title, titles["file"])
			}
			a11yNav(t, tb, "/")
			a11yWant(t, tb, "back to the overview", titles["overview"], true)
			tb.finish(t, secrets(rep))
		})
	}

	// An error is announced: it appears inside the opening's live region.
	raw, err := os.ReadFile(fixtureFiles(t, "amazon-2018")[0])
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "broken-export.zip")
	if err := os.WriteFile(broken, raw[:len(raw)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang+"/error", func(t *testing.T) {
			tb := a11yTab(t, env, lang, "UTC")
			if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), []string{broken})); err != nil {
				t.Fatal(err)
			}
			recsWait(t, tb, `!!document.querySelector('[data-testid=open-error]')`)
			if !recsEval[bool](t, tb, `[...document.querySelectorAll('[data-testid=open-error]')].every(e => e.closest('[data-testid=open-live][aria-live=polite]'))`) {
				t.Error("the error is not inside the opening's live region")
			}
			a11yWant(t, tb, "failed", a11yTitles[lang]["home"], false)
			tb.finish(t, nil)
		})
	}
}
