//go:build !wasm

package main

// Walks the viewer's pages in German and looks for English left over: every
// word a person sees or a screen reader reads (text, aria-label, title,
// placeholder) that belongs to the English side of the UI's strings, of
// the checks' sentences or of the findings' subject phrases, and to none of
// their German sides nor to the export itself.

import (
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"testing"
	"unicode"

	"exportlens/app/check"
	"exportlens/app/ui"
)

// words lower-cases s and splits it into words of letters, three or more.
func words(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
	return slices.DeleteFunc(f, func(w string) bool { return len([]rune(w)) < 3 })
}

// wordSet adds the words of every s to m.
func wordSet(m map[string]bool, s ...string) {
	for _, v := range s {
		for _, w := range words(v) {
			m[w] = true
		}
	}
}

// englishOnly are the words of our English texts (UI strings, the report's
// sentences about fx, subject phrases) that none of our German texts has.
func englishOnly(reps ...*check.Report) map[string]bool {
	en, de := map[string]bool{}, map[string]bool{}
	for _, p := range ui.TextPairs() {
		if p[0] != p[1] {
			wordSet(en, p[0])
		}
		wordSet(de, p[1])
	}
	for _, r := range reps {
		wordSet(en, r.VerdictReason("en"))
		wordSet(de, r.VerdictReason("de"))
		for _, f := range r.Findings {
			wordSet(en, f.Text("en"))
			wordSet(de, f.Text("de"))
			if s, ok := check.SubjectText("en", f.Subject); ok {
				wordSet(en, s)
			}
			if s, ok := check.SubjectText("de", f.Subject); ok {
				wordSet(de, s)
			}
		}
	}
	for _, s := range []string{"voice recordings", "recordings marked not yours", "recordings marked yours", "unrecognized speaker"} {
		wordSet(en, s)
	}
	for w := range de {
		delete(en, w)
	}
	return en
}

// exportWords are the words of everything the export holds: its names,
// the text of its text-like members, its records and what the report
// quotes of it. The pages show these as they are, in whatever language.
func exportWords(t *testing.T, n *nativeExport) map[string]bool {
	t.Helper()
	m := map[string]bool{}
	for _, e := range n.tree.Entries {
		wordSet(m, e.Part, e.Path)
		switch strings.ToLower(path.Ext(e.Path)) {
		case ".csv", ".json", ".html", ".txt", ".htm":
		default:
			continue
		}
		if e.Size > 4<<20 {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		wordSet(m, string(b))
	}
	for _, r := range n.x.Recordings {
		wordSet(m, r.Transcript().Text, r.Response().Text, r.DeviceName().Text, r.PersonName().Text, r.ID)
	}
	for _, l := range n.x.Transcripts {
		wordSet(m, l.Text)
	}
	for _, f := range n.rep.Findings {
		if _, ours := check.SubjectText("en", f.Subject); !ours {
			wordSet(m, f.Subject)
		}
		for _, e := range f.Evidence {
			wordSet(m, e.Value, e.Field, e.Pointer, e.Path, e.Part)
		}
	}
	wordSet(m, n.rep.Claim.Names...)
	wordSet(m, n.rep.Claim.Emails...)
	for _, d := range n.rep.Claim.Devices {
		wordSet(m, d.Name, d.Type)
	}
	for _, p := range n.rep.Claim.VoiceProfiles {
		wordSet(m, p.Name)
	}
	return m
}

// visibleTextJS lists what the page shows and reads out: every visible
// text node, and the aria-label, title and placeholder of visible elements.
// The language menu names each language in itself ("English"); a folded
// "Details" (the reader's own English words about a file, on demand) is
// not shown until opened.
const visibleTextJS = `(() => {
  const out = [];
  // checkVisibility: a closed <details> keeps its content laid out but
  // hidden (content-visibility), which getClientRects does not tell.
  const seen = (e) => !!e && e.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const p = n.parentElement;
    if (!p || p.closest('script, style, #lang-select') || !n.textContent.trim()) continue;
    if (seen(p) || p.closest('.visually-hidden')) out.push(n.textContent.trim());
  }
  for (const e of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!seen(e) || e.closest('#lang-select')) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) if (e.getAttribute(a)) out.push(e.getAttribute(a));
  }
  out.push(document.title);
  return out;
})()`

// TestBrowserGerman opens fixtures in a German browser, walks the overview,
// the recordings with one chosen, the transcripts and the files with one
// shown, and fails for every English word it finds, with the text it is in.
func TestBrowserGerman(t *testing.T) {
	env := startBrowser(t)
	for _, name := range []string{"amazon-2018", "amazon-foreign", "takeout-unrecognized", "unrelated", "amazon-real", "amazon-messy", "takeout-parts", "takeout-de"} {
		t.Run(name, func(t *testing.T) {
			n := openNative(t, fixtureFiles(t, name), check.Declared{})
			english := englishOnly(n.rep)
			export := exportWords(t, n)
			tb := a11yTab(t, env, "de", "Europe/Berlin")
			found := map[string]string{} // word -> the text it was seen in, and where
			seen := 0
			look := func(where string) {
				t.Helper()
				texts := recsEval[[]string](t, tb, visibleTextJS)
				if len(texts) < 10 {
					t.Errorf("%s: only %d texts seen, want the page's many", where, len(texts))
				}
				seen += len(texts)
				for _, s := range texts {
					for _, w := range words(s) {
						if english[w] && !export[w] && found[w] == "" {
							found[w] = where + ": " + s
						}
					}
				}
			}
			look("home")
			tb.open(t, n.files)
			look("overview")
			// "I own no voice-assistant device" gives the findings whose
			// subject is a phrase of ours ("voice recordings").
			if n.rep.Summary.Recordings > 0 {
				noDevices := openNative(t, n.files, check.Declared{NoDevices: true})
				phrase := ""
				for _, f := range noDevices.rep.Findings {
					if _, ours := check.SubjectText("en", f.Subject); ours {
						phrase = f.Subject
					}
				}
				recsEval[any](t, tb, `document.getElementById('about-nodevices').click()`)
				recsWait(t, tb, fmt.Sprintf(`(() => { const fs = [...document.querySelectorAll('[data-testid=finding]')];
  return fs.length === %d && (%q === '' || fs.some(f => f.dataset.subject === %q)) })()`, len(noDevices.rep.Findings), phrase, phrase))
				for w := range englishOnly(noDevices.rep) {
					english[w] = true
				}
				look("overview, no device declared")
				tb.shot(t, "de-walk-"+name+"-nodevices")
			}
			tb.shot(t, "de-walk-"+name+"-overview")
			a11yNav(t, tb, "/recordings")
			look("recordings")
			if recsEval[int](t, tb, `document.querySelectorAll('[data-testid=recording]').length`) > 0 {
				recsEval[any](t, tb, `document.querySelector('[data-testid=recording]').click()`)
				recsWait(t, tb, `!!document.querySelector('.player:not(.player-idle)')`)
				look("recording chosen")
			}
			// What is hidden to protect someone else, shown on request: the
			// notice that says so, the transcripts and answers.
			if recsEval[bool](t, tb, `!!document.querySelector('[data-testid=lift-all]')`) {
				recsEval[any](t, tb, `document.querySelector('[data-testid=lift-all]').click()`)
				recsWait(t, tb, `!document.querySelector('[data-testid=lift-all]') && !document.querySelector('[data-testid=recording][data-hidden=true]')`)
				look("recordings, everything shown")
			}
			tb.shot(t, "de-walk-"+name+"-recordings")
			a11yNav(t, tb, "/transcripts")
			look("transcripts")
			tb.shot(t, "de-walk-"+name+"-transcripts")
			// The transcript PDF, as text on the Files page.
			if recsEval[bool](t, tb, `!!document.querySelector('[data-testid=transcript-original]')`) {
				recsEval[any](t, tb, `document.querySelector('[data-testid=transcript-original]').click()`)
				recsWait(t, tb, `location.pathname === '/files' && !!document.querySelector('[data-testid=file-name]') && `+urlPreviewDoneJS)
				look("the transcript PDF")
				tb.shot(t, "de-walk-"+name+"-pdf")
			}
			a11yNav(t, tb, "/files")
			look("files")
			if recsEval[int](t, tb, `document.querySelectorAll('[data-testid=tree-file] a').length`) > 0 {
				recsEval[any](t, tb, `document.querySelector('[data-testid=tree-file] a').click()`)
				recsWait(t, tb, `!!document.querySelector('[data-testid=file-name]') && `+urlPreviewDoneJS)
				look("a file")
			}
			tb.shot(t, "de-walk-"+name+"-files")
			keys := make([]string, 0, len(found))
			for w := range found {
				keys = append(keys, w)
			}
			slices.Sort(keys)
			for _, w := range keys {
				t.Errorf("English word %q on a German page, %s", w, found[w])
			}
			t.Logf("%d English-only words of ours checked against %d texts of the German pages", len(english), seen)
			tb.finish(t, secrets(n.rep))
		})
	}
}
