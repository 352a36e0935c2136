//go:build !js

package main

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"exportlens/app/check"
)

// Browser tests of shared views (issue 12): a link copied on a page,
// opened in a browser context of its own (nothing shared: no storage, no
// cache, no service worker), says to open the export, and once it is open
// shows the same view; the link holds nothing from the export.

// shareLink clicks "Copy a link to this view" and returns the link the
// field then shows (headless browsers may refuse the clipboard: the field
// is what a person copies from then).
func shareLink(t *testing.T, tb *tab) string {
	t.Helper()
	filesClick(t, tb, `[data-testid=share-copy]`)
	recsWait(t, tb, `(() => { const s = document.querySelector('[data-testid=share-status]'); return !!s && s.textContent !== '' })()`)
	link := recsEval[string](t, tb, `document.querySelector('[data-testid=share-link]').value`)
	if !strings.HasPrefix(link, tb.env.base+"/") {
		t.Fatalf("got the link %q, want one on %s", link, tb.env.base)
	}
	return link
}

// sharedOpen opens link in a fresh browser context, checks the page says
// to open the export first, and opens files there.
func sharedOpen(t *testing.T, env *browserEnv, lang, link string, files []string) *tab {
	t.Helper()
	tb := env.newTab(t, lang, chromedp.WithNewBrowserContext())
	tb.load(t, strings.TrimPrefix(link, env.base))
	recsWait(t, tb, `!!document.querySelector('[data-testid=share-landing]')`)
	tb.shot(t, "share-landing-"+lang)
	if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
		t.Fatal(err)
	}
	return tb
}

// recordingsViewJS is what the Recordings page shows: its address, the
// filters' states, the count, the selected row, the player's item.
const recordingsViewJS = `(() => {
  const q = s => document.querySelector(s);
  const sel = q('[data-testid=recording][aria-selected=true]');
  const player = q('aside.player[data-item]');
  const chip = q('[data-testid=finding-filter]');
  return [location.pathname + location.search,
    'device=' + q('[data-testid=filter-device]').value,
    'profile=' + q('[data-testid=filter-profile]').value,
    'flagged=' + q('[data-testid=filter-flagged]').checked,
    'shown=' + q('[data-testid=recording-count]').dataset.shown,
    'selected=' + (sel ? sel.dataset.index : ''),
    'player=' + (player ? player.dataset.item : ''),
    'finding=' + (chip ? chip.dataset.finding || '' : '')].join(' ');
})()`

func TestBrowserSharedView(t *testing.T) {
	env := startBrowser(t)
	for _, lang := range []string{"en", "de"} {
		t.Run(lang+"/recordings", func(t *testing.T) {
			files := fixtureFiles(t, "amazon-foreign")
			n := openNative(t, files, check.Declared{})
			tb := recsTab(t, env, lang, files)
			// A person's way there: a finding's recordings, flagged only,
			// the second one chosen, presenter mode on.
			filesClick(t, tb, `[data-testid=affected-recordings]`)
			recsWait(t, tb, `!!document.querySelector('[data-testid=recording-count]') && !!document.querySelector('[data-testid=finding-filter][data-finding]')`)
			filesClick(t, tb, `[data-testid=filter-flagged]`)
			recsWait(t, tb, `document.querySelector('[data-testid=filter-flagged]').checked`)
			recsWait(t, tb, `document.querySelectorAll('[data-testid=recording]').length >= 2`)
			filesClick(t, tb, `[data-testid=recording]:nth-child(2)`)
			recsWait(t, tb, `!!document.querySelector('[data-testid=recording][aria-selected=true]') && !!document.querySelector('aside.player[data-item]')`)
			filesClick(t, tb, `[data-testid=present-toggle]`)
			recsWait(t, tb, `!!document.querySelector('[data-testid=present-badge]')`)
			want := recsEval[string](t, tb, recordingsViewJS)
			link := shareLink(t, tb)
			tb.shot(t, "share-copied-"+lang)
			u, err := url.Parse(link)
			if err != nil {
				t.Fatal(err)
			}
			if u.Query().Get("present") != "1" || u.Query().Get("flagged") != "1" || u.Query().Get("rec") == "" || u.Query().Get("finding") == "" {
				t.Errorf("link %s: want the finding, flagged, the recording and presenter mode in it", link)
			}
			for _, s := range n.exportWords() {
				if strings.Contains(strings.ToLower(link), s) || strings.Contains(strings.ToLower(link), strings.ToLower(url.QueryEscape(s))) {
					t.Errorf("link %s holds %q from the export", link, s)
				}
			}
			tb.finish(t, secrets(n.rep))

			fresh := sharedOpen(t, env, lang, link, files)
			recsWait(t, fresh, `!!document.querySelector('[data-testid=recording-count]') && !!document.querySelector('aside.player[data-item]')`)
			if !recsEval[bool](t, fresh, `!!document.querySelector('[data-testid=present-badge]')`) {
				t.Error("the link asked for presenter mode; the page is not in it")
			}
			got := recsEval[string](t, fresh, recordingsViewJS)
			// The view, not the address: the page writes back only what
			// the person changes.
			_, got, _ = strings.Cut(got, " ")
			_, want, _ = strings.Cut(want, " ")
			if got != want {
				t.Errorf("the shared link shows\n %s\nwant\n %s", got, want)
			}
			fresh.shot(t, "share-reopened-"+lang)
			fresh.finish(t, secrets(n.rep))
		})
		t.Run(lang+"/files", func(t *testing.T) {
			files := fixtureFiles(t, "amazon-2018")
			n := openNative(t, files, check.Declared{})
			tb := recsTab(t, env, lang, files)
			// The device registrations' evidence: a file and a line.
			recsWait(t, tb, `(() => { const a = [...document.querySelectorAll('[data-testid=evidence] a')].find(a => a.textContent.includes('registration.csv')); if (!a) return false; a.click(); return true })()`)
			recsWait(t, tb, `!!document.querySelector('[data-testid=evidence-target]')`)
			want := recsEval[string](t, tb, `location.pathname + location.search + ' ' + document.querySelector('[data-testid=file-name]').textContent + ' ' + document.querySelector('[data-testid=evidence-target]').textContent`)
			link := shareLink(t, tb)
			if u, _ := url.Parse(link); u.Query().Get("present") != "" {
				t.Errorf("link %s asks for presenter mode, which is off", link)
			}
			tb.finish(t, secrets(n.rep))

			fresh := sharedOpen(t, env, lang, link, files)
			if _, err := chromedp.Run(fresh.ctx, chromedp.Poll[bool](`!!document.querySelector('[data-testid=evidence-target]')`,
				chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
				fresh.shot(t, "share-files-timeout")
				t.Fatalf("the shared link did not land on the evidence: %v", err)
			}
			got := recsEval[string](t, fresh, `location.pathname + location.search + ' ' + document.querySelector('[data-testid=file-name]').textContent + ' ' + document.querySelector('[data-testid=evidence-target]').textContent`)
			if got != want {
				t.Errorf("the shared link shows\n %s\nwant\n %s", got, want)
			}
			if recsEval[bool](t, fresh, `!!document.querySelector('[data-testid=present-badge]')`) {
				t.Error("presenter mode is on: the link did not ask for it")
			}
			fresh.finish(t, secrets(n.rep))
		})
	}
}
