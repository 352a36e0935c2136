//go:build !wasm

package main

// TestBrowserCannotStart: when the app cannot start, the page says why
// and what to do, in the browser's language, instead of a loading note
// and a spinner that never end (web/early.js): a browser without
// WebAssembly (turned off by a setting, a policy or Lockdown Mode; here
// removed before the page's scripts run), and app.wasm failing to load.

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

type noStart struct {
	Message  string   `json:"message"`
	Role     string   `json:"role"`
	Loader   bool     `json:"loader"`
	Notes    []string `json:"notes"`
	Disabled bool     `json:"disabled"`
}

const noStartJS = `(() => {
  const m = document.querySelector('[data-testid=early-fail]');
  const inputs = [...document.querySelectorAll('input[type=file]')];
  return {message: m && !m.hidden ? m.textContent : '', role: m ? m.getAttribute('role') || '' : '',
    loader: !!document.getElementById('app-wasm-loader'),
    notes: [...document.querySelectorAll('[data-testid=open-loading]')].map(e => e.textContent),
    disabled: inputs.length > 0 && inputs.every(i => i.disabled)};
})()`

func TestBrowserCannotStart(t *testing.T) {
	env := startBrowser(t)
	words := map[string]struct{ noWasm, failed, note string }{
		"en": {"ExportLens cannot start in this browser: it needs WebAssembly", "ExportLens could not be loaded (", "not available: see the message below"},
		"de": {"ExportLens kann in diesem Browser nicht starten: Es braucht WebAssembly", "ExportLens ließ sich nicht laden (", "nicht verfügbar – siehe Hinweis unten"},
	}
	load := func(t *testing.T, lang, path string, noWasm bool) noStart {
		t.Helper()
		tb := env.newTab(t, lang)
		if _, err := chromedp.Call(tb.ctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
			t.Fatal(err)
		}
		if noWasm {
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument,
				page.AddScriptToEvaluateOnNewDocumentParams{Source: `delete globalThis.WebAssembly`}); err != nil {
				t.Fatal(err)
			}
		}
		if err := chromedp.Do(tb.ctx, chromedp.Navigate(env.base+path),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=early-fail]`))); err != nil {
			t.Fatalf("%s %s: no message that the app cannot start: %v", lang, path, err)
		}
		s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[noStart](noStartJS))
		if err != nil {
			t.Fatal(err)
		}
		tb.shot(t, "nostart-"+lang+strings.ReplaceAll(path, "/", "-"))
		return s
	}
	for _, lang := range []string{"en", "de"} {
		w := words[lang]
		for _, path := range []string{"/", "/help"} {
			s := load(t, lang, path, true)
			if !strings.HasPrefix(s.Message, w.noWasm) || s.Role != "alert" || s.Loader {
				t.Errorf("%s %s without WebAssembly: message %q (role %q), loader still there %v; want %q…, an alert, no loader",
					lang, path, s.Message, s.Role, s.Loader, w.noWasm)
			}
			if path == "/" && (len(s.Notes) != 2 || s.Notes[0] != w.note || s.Notes[1] != w.note || !s.Disabled) {
				t.Errorf("%s without WebAssembly: the pickers say %q (turned off: %v), want %q twice, turned off", lang, s.Notes, s.Disabled, w.note)
			}
		}
	}
	env.wasmFail.Store(true)
	t.Cleanup(func() { env.wasmFail.Store(false) })
	for _, lang := range []string{"en", "de"} {
		w := words[lang]
		s := load(t, lang, "/", false)
		// The browser's reason is in the brackets (Chromium names the
		// HTTP status).
		if !strings.HasPrefix(s.Message, w.failed) || strings.HasPrefix(s.Message, w.failed+")") || s.Loader || !s.Disabled {
			t.Errorf("%s, app.wasm answered 503: message %q, loader still there %v, pickers off %v; want %q<reason>)…, no loader, pickers off",
				lang, s.Message, s.Loader, s.Disabled, w.failed)
		}
		if len(s.Notes) != 2 || s.Notes[0] != w.note {
			t.Errorf("%s, app.wasm answered 503: the pickers say %q, want %q", lang, s.Notes, w.note)
		}
	}
}
