//go:build !wasm

package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"exportlens/cmd/mkexport/hostile"
)

// originRecordJS runs before any script of every document of the app's tab:
// it notes every object URL the page makes, shown or not, so that the test
// can open each the way a person could ("Open image in new tab").
const originRecordJS = `(() => {
  const made = URL.createObjectURL.bind(URL);
  window.__objectURLs = [];
  URL.createObjectURL = (o) => { const u = made(o); window.__objectURLs.push(u); return u; };
})()`

// originURLsJS lists the object URLs the page made and those it shows.
const originURLsJS = `(() => {
  const shown = [...document.querySelectorAll('[src^="blob:"], [href^="blob:"], [data^="blob:"]')]
    .map(e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('data'));
  return [...new Set([...(window.__objectURLs || []), ...shown])];
})()`

// originOpenJS(name) opens the member name in the Files tree: it opens the
// folder Attacks when needed and clicks the member's link; true once clicked.
func originOpenJS(name string) string {
	return `(() => {
  const link = [...document.querySelectorAll('[data-testid=tree-file] a')].find(a => a.textContent === ` + jsString(name) + `);
  if (link) { link.click(); return true; }
  const folder = [...document.querySelectorAll('.tree-toggle')].find(b => b.querySelector('.tree-name').textContent === 'Attacks');
  if (folder && folder.getAttribute('aria-expanded') !== 'true') folder.click();
  return false;
})()`
}

// originPreview is what the Files view shows of a member.
type originPreview struct {
	Name   string   `json:"name"`
	Kind   string   `json:"kind"`
	Text   []string `json:"text"`   // text lines, or a PDF's lines
	Image  string   `json:"image"`  // img.preview-image's src
	Frames int      `json:"frames"` // iframe, embed, object elements in the page
	Save   string   `json:"save"`   // the download link's href
	SaveAs string   `json:"saveAs"` // and its download attribute
}

const originPreviewJS = `(() => {
  const p = document.querySelector('.file-preview');
  const n = document.querySelector('[data-testid=file-name]');
  if (!p || !n || p.querySelector('.notice') && p.querySelector('.notice').textContent.match(/^(Reading…|Wird gelesen …)$/)) return null;
  const img = p.querySelector('img.preview-image');
  const save = p.querySelector('a[download]');
  return {
    name: n.textContent,
    kind: p.dataset.kind || '',
    text: [...p.querySelectorAll('.tl-text')].map(e => e.textContent),
    image: img ? img.getAttribute('src') : '',
    frames: document.querySelectorAll('iframe, embed, object').length,
    save: save ? save.getAttribute('href') : '',
    saveAs: save ? save.getAttribute('download') : '',
  };
})()`

// TestBrowserOrigin pins issue 6's first attack: an SVG in an export,
// previewed and then opened in a tab of its own, ran script as a document
// of the app's origin and replaced the cached app.js. Every member of
// hostile origin.zip is previewed on the Files page, and every object URL
// the page made is then opened in a new tab: no script may run there (the
// title, dialogs, the console and CacheStorage tell), the documents with
// script are shown as text, and the PDF as its text lines with no frame.
func TestBrowserOrigin(t *testing.T) {
	env := startBrowser(t)
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "origin.zip")
	if err := os.WriteFile(zipPath, hostile.Origin(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(env.browser, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorDeny,
	}); err != nil {
		t.Logf("downloads not denied: %v", err)
	}

	tb := env.newTab(t, "en")
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: originRecordJS}); err != nil {
		t.Fatal(err)
	}
	dialogs := originDialogs(t, tb.ctx)
	tb.load(t, "/")
	tb.open(t, []string{zipPath})
	filesClick(t, tb, `nav a[href="/files"]`)

	members := []struct {
		path string
		kind string // the preview's data-kind
		text string // a piece of what its text view must show ("" for none)
	}{
		{hostile.OriginSVG, "text", "<script"},
		{hostile.OriginFakePNG, "text", "<script"},
		{hostile.OriginHTML, "text", "<script>"},
		{hostile.OriginXHTML, "text", "<script>"},
		{hostile.OriginXML, "text", "<h:script>"},
		{hostile.OriginPDF, "pdf", hostile.OriginPDFLines[1]},
		{hostile.OriginPNG, "image", ""},
	}
	opened := map[string]bool{}
	for _, m := range members {
		name := m.path[strings.LastIndexByte(m.path, '/')+1:]
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](originOpenJS(name),
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			tb.shot(t, "origin-timeout")
			t.Fatalf("%s: not found in the tree: %v", name, err)
		}
		got, err := chromedp.Run(tb.ctx, chromedp.Poll[originPreview](
			`(() => { const p = `+originPreviewJS+`; return p && p.name.endsWith(`+jsString(name)+`) && (p.text.length || p.image || p.kind === 'pdf' && p.save) ? p : null })()`,
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
		if err != nil {
			tb.shot(t, "origin-timeout")
			t.Errorf("%s: no preview shown: %v", name, err)
			continue
		}
		if got.Kind != m.kind {
			t.Errorf("%s: got a preview of kind %q, want %q", name, got.Kind, m.kind)
		}
		if m.text != "" && !strings.Contains(strings.Join(got.Text, "\n"), m.text) {
			t.Errorf("%s: got text %q, want it to show %q as text", name, got.Text, m.text)
		}
		if got.Frames != 0 {
			t.Errorf("%s: got %d frames (iframe, embed, object) in the page, want none", name, got.Frames)
		}
		switch m.kind {
		case "image":
			if !strings.HasPrefix(got.Image, "blob:") {
				t.Errorf("%s: got image src %q, want a blob: URL", name, got.Image)
			}
		case "pdf":
			if !slices.Equal(got.Text, hostile.OriginPDFLines) {
				t.Errorf("%s: got lines %q, want %q", name, got.Text, hostile.OriginPDFLines)
			}
			if !strings.HasPrefix(got.Save, "blob:") || got.SaveAs != name {
				t.Errorf("%s: got a download link %q named %q, want a blob: URL named %q", name, got.Save, got.SaveAs, name)
			}
			tb.shot(t, "en-files-pdf-origin")
		default:
			if got.Image != "" || got.Save != "" {
				t.Errorf("%s: got an object URL (image %q, link %q), want none for a document with script", name, got.Image, got.Save)
			}
		}
		// While the preview is shown, its object URLs are live: open each
		// in a tab of its own, as a person could.
		urls, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](originURLsJS))
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range urls {
			if opened[u] {
				continue
			}
			opened[u] = true
			became := originOpenAlone(t, env, name, u)
			t.Logf("%s: %s opened in a new tab: %s", name, u, became)
			if u == got.Save && became != "a download" {
				t.Errorf("%s: the original opened in a new tab became %s, want a download", name, became)
			}
		}
	}
	// The player: the recording whose .wav is SVG bytes gets a URL that
	// only saves them.
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](`goappNav("/recordings?rec=2")`)); err != nil {
		t.Fatal(err)
	}
	src, err := chromedp.Run(tb.ctx, chromedp.Poll[string](
		`(() => { const a = document.querySelector('audio[data-testid=player][data-item="2"]'); return a && a.getAttribute('src') })()`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		tb.shot(t, "origin-timeout")
		t.Fatalf("the player shows no audio for recording 2: %v", err)
	}
	opened[src] = true
	became := originOpenAlone(t, env, hostile.OriginSVGRecording, src)
	t.Logf("player: %s opened in a new tab: %s", src, became)
	if became != "a download" {
		t.Errorf("player: the SVG bytes named %s opened in a new tab became %s, want a download", hostile.OriginSVGRecording, became)
	}

	if len(opened) < 3 {
		t.Errorf("the page made %d object URLs, want at least 3: the real PNG's, the PDF's download, the player's", len(opened))
	}

	// What the scripts would have written, seen from the app's own origin.
	type traces struct {
		Title  string   `json:"title"`
		Caches []string `json:"caches"`
		Stored bool     `json:"stored"`
	}
	tr, err := chromedp.Run(tb.ctx, chromedp.Evaluate[traces](
		`caches.keys().then(k => ({title: document.title, caches: k, stored: localStorage.getItem('POISONED') !== null}))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(tr.Title, hostile.OriginMarker) || slices.Contains(tr.Caches, hostile.OriginMarker) || tr.Stored {
		t.Errorf("a script of the export ran in the app's origin: title %q, caches %q, localStorage written %v", tr.Title, tr.Caches, tr.Stored)
	}
	if d := dialogs(); len(d) > 0 {
		t.Errorf("the app's tab got dialogs %q, want none", d)
	}
	tb.load(t, "/")
	tb.finish(t, nil)
	env.checkTraffic(t, []string{hostile.OriginURI})
}

// originOpenAlone opens u (made while member name was shown) in a new tab, as "Open image in new tab" does,
// and fails t if a script runs there: a changed title, a dialog or a
// console message with hostile.OriginMarker.
func originOpenAlone(t *testing.T, env *browserEnv, name, u string) (became string) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(env.browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 30*time.Second)
	defer cancelTimeout()
	var mu sync.Mutex
	var said []string
	console := chromedp.Console(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		for m, err := range console {
			if err != nil {
				return
			}
			mu.Lock()
			said = append(said, m.Text)
			mu.Unlock()
		}
	})
	dialogs := originDialogs(t, ctx)
	nav, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: u})
	type doc struct {
		Title string `json:"title"`
		Type  string `json:"type"`
	}
	var d doc
	switch {
	case err != nil:
		t.Errorf("%s: %s: navigating a new tab there: %v", name, u, err)
	case nav.IsDownload:
		became = "a download" // application/octet-stream: saved, no document
	case nav.ErrorText != "":
		became = "nothing: " + nav.ErrorText // revoked meanwhile
	default:
		d, err = chromedp.Run(ctx, chromedp.Poll[doc](
			`location.href === `+jsString(u)+` && document.readyState === 'complete' ? {title: document.title, type: document.contentType} : null`,
			chromedp.WithPollingTimeout(30*time.Second)))
		if err != nil {
			t.Errorf("%s: %s: the new tab never loaded: %v", name, u, err)
		}
		became = "a document of type " + d.Type
		if !slices.Contains(originSafeTypes, d.Type) {
			t.Errorf("%s: %s opened alone: rendered as %q, want a raster image, audio or video document (or a download)", name, u, d.Type)
		}
	}
	// A script that ran wrote its marker into the title first; its
	// CacheStorage write is looked for from the app's tab afterwards.
	if strings.Contains(d.Title, hostile.OriginMarker) {
		t.Errorf("%s: %s opened alone: got title %q: a script of the export ran in the app's origin", name, u, d.Title)
	}
	cancelTimeout()
	cancel()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	for _, s := range said {
		if strings.Contains(s, hostile.OriginMarker) {
			t.Errorf("%s: %s opened alone: the console got %q", name, u, s)
		}
	}
	if got := dialogs(); len(got) > 0 {
		t.Errorf("%s: %s opened alone: got dialogs %q", name, u, got)
	}
	return became
}

// originSafeTypes are the documents an object URL may become: media, which
// runs no script.
var originSafeTypes = []string{
	"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/x-icon", "image/vnd.microsoft.icon",
	"audio/wav", "audio/mpeg", "audio/ogg", "audio/flac", "audio/mp4", "audio/aac", "video/mp4",
}

// originDialogs dismisses every dialog of the tab ctx and returns a function
// that lists their messages.
func originDialogs(t *testing.T, ctx context.Context) func() []string {
	var mu sync.Mutex
	var got []string
	opening := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for e, err := range opening {
			if err != nil {
				return
			}
			mu.Lock()
			got = append(got, e.Message)
			mu.Unlock()
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(got)
	}
}
