//go:build !wasm

package main

// Browser tests of the Files and Transcripts pages and of the evidence
// click-through: what a person sees after clicking an evidence item is
// compared with the file itself, read natively from the fixture.

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"exportlens/app/check"
)

// filesTarget is what the Files view shows of the marked place.
type filesTarget struct {
	URL     string   `json:"url"`  // location.pathname + location.search
	File    string   `json:"file"` // the member's name as shown
	Line    string   `json:"line"` // the marked row's line number cell
	Cells   []string `json:"cells"`
	Marked  string   `json:"marked"`  // the marked cell (CSV) or value (JSON)
	Pointer string   `json:"pointer"` // JSON: the marked node's pointer
	Text    string   `json:"text"`    // text/PDF: the marked line's text
	Page    string   `json:"page"`
}

// filesTargetJS reads the marked place of the Files view.
const filesTargetJS = `(() => {
  const t = document.querySelector('[data-testid=evidence-target]');
  if (!t) return null;
  const q = (s) => { const e = t.querySelector(s); return e ? e.textContent : ''; };
  const name = document.querySelector('[data-testid=file-name]');
  return {
    url: location.pathname + location.search,
    file: name ? name.textContent : '',
    line: t.dataset.line || '',
    page: t.dataset.page || '',
    cells: [...t.querySelectorAll(':scope > td.cell')].map(td => td.textContent),
    marked: q(':scope > td.hit-cell') || q(':scope > .json-value'),
    pointer: t.dataset.pointer || '',
    text: q('.tl-text'),
  };
})()`

// filesWaitTarget waits until the Files view marks a place and returns it,
// as one reading of the page (the mark may go while a new place is read).
func filesWaitTarget(t *testing.T, tb *tab) filesTarget {
	t.Helper()
	got, err := chromedp.Run(tb.ctx, chromedp.Poll[filesTarget](filesTargetJS,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		tb.shot(t, "files-timeout")
		t.Fatalf("no marked place shown: %v", err)
	}
	return got
}

// filesClick clicks the element sel (the app's own links, so the opened
// export stays in memory).
func filesClick(t *testing.T, tb *tab, sel string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		t.Fatalf("clicking %s: %v", sel, err)
	}
}

// filesClickText clicks the first element sel whose text is text, once
// one is there (the Files URLs name members by ID, not by name).
func filesClickText(t *testing.T, tb *tab, sel, text string) {
	t.Helper()
	js := `(() => { const e = [...document.querySelectorAll(` + strconv.Quote(sel) + `)].find(e => e.textContent === ` + strconv.Quote(text) + `); if (!e) return false; e.click(); return true })()`
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](js,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		tb.shot(t, "files-timeout")
		t.Fatalf("no %s reading %q to click: %v", sel, text, err)
	}
}

// urlMemberID is the member ID Files URLs carry: the first 12 hex digits
// of SHA-256 over part, NUL, path.
func urlMemberID(part, path string) string {
	h := sha256.Sum256([]byte(part + "\x00" + path))
	return hex.EncodeToString(h[:])[:12]
}

// filesChoose chooses files through input#open-files on any page and waits
// until cond (a JS expression) holds.
func filesChoose(t *testing.T, tb *tab, files []string, cond string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		tb.shot(t, "files-timeout")
		t.Fatalf("after opening, %s never held: %v", cond, err)
	}
}

// filesEvidence returns the engine's n-th evidence of the first finding of rule.
func filesEvidence(t *testing.T, rep *check.Report, rule check.RuleID) check.Evidence {
	t.Helper()
	for _, f := range rep.Findings {
		if f.Rule == rule && len(f.Evidence) > 0 {
			return f.Evidence[0]
		}
	}
	t.Fatalf("the engine reports no %s finding with evidence", rule)
	return check.Evidence{}
}

// filesMember reads a member of a fixture natively.
func filesMember(t *testing.T, files []string, part, path string) []byte {
	t.Helper()
	return openNative(t, files, check.Declared{}).member(t, part, path)
}

// filesCSVRecord returns the cells of the CSV record that starts on physical
// line n, read with encoding/csv as the parser reads it.
func filesCSVRecord(t *testing.T, data []byte, n int) []string {
	t.Helper()
	r := csv.NewReader(bufio.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))))
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if line, _ := r.FieldPos(0); line == n {
			return rec
		}
	}
	t.Fatalf("no record starts on line %d", n)
	return nil
}

// filesCheckURL checks that the view's URL names the place and nothing else.
func filesCheckURL(t *testing.T, got string, ev check.Evidence, secret []string) url.Values {
	t.Helper()
	u, err := url.Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Path != "/files" || q.Get("m") != urlMemberID(ev.Part, ev.Path) || q.Has("part") || q.Has("path") || q.Has("pointer") || q.Has("field") {
		t.Errorf("URL: got %s, want /files naming the member %s!%s by its ID %s, and no names", got, ev.Part, ev.Path, urlMemberID(ev.Part, ev.Path))
	}
	for _, s := range append(secret, ev.Value) {
		if s == "" {
			continue // evidence of a transcript line has no value
		}
		if strings.Contains(got, s) || strings.Contains(got, url.QueryEscape(s)) || strings.Contains(got, url.PathEscape(s)) {
			t.Errorf("URL: got %q, a value from the export, in %s", s, got)
		}
	}
	return q
}

func TestBrowserFiles(t *testing.T) {
	env := startBrowser(t)
	var allSecrets []string
	for _, lang := range []string{"en", "de"} {
		t.Run(lang+"/csv-evidence", func(t *testing.T) {
			files := fixtureFiles(t, "amazon-foreign")
			rep := engineReport(t, files)
			secret := secrets(rep)
			allSecrets = append(allSecrets, secret...)
			ev := filesEvidence(t, rep, "unregistered-device")
			want := filesCSVRecord(t, filesMember(t, files, ev.Part, ev.Path), ev.Line)

			tb := env.newTab(t, lang)
			tb.load(t, "/")
			tb.open(t, files)
			// The marked row is compared cell by cell: what the foreign
			// record says is hidden until the protection is lifted.
			protectLiftAll(t, tb)
			filesClick(t, tb, `header nav a[href="/"]`)
			filesClick(t, tb, `[data-testid=finding][data-rule="unregistered-device"] [data-testid=evidence] a`)
			got := filesWaitTarget(t, tb)
			filesCheckCSV(t, got, ev, want)
			q := filesCheckURL(t, got.URL, ev, secret)
			if q.Get("line") != strconv.Itoa(ev.Line) {
				t.Errorf("URL: got line %q, want %d", q.Get("line"), ev.Line)
			}
			tb.shot(t, lang+"-files-csv")

			// The same URL in a fresh page: once the export is opened again
			// (on that page), the same view shows.
			tb.load(t, got.URL)
			filesChoose(t, tb, files, `!!document.querySelector('[data-testid=evidence-target]')`)
			// Opened again: protected again, and lifted with the
			// preview's own control.
			if n := recsEval[int](t, tb, `document.querySelectorAll('.file-preview [data-testid=cell-hidden]').length`); n == 0 {
				t.Error("opened again: no cell of the foreign records is hidden")
			}
			filesClick(t, tb, `.file-preview [data-testid=lift-all]`)
			recsWait(t, tb, `!document.querySelector('[data-testid=cell-hidden]') && !!document.querySelector('[data-testid=evidence-target]')`)
			again := filesWaitTarget(t, tb)
			filesCheckCSV(t, again, ev, want)
			if again.URL != got.URL {
				t.Errorf("after reopening: got URL %s, want %s", again.URL, got.URL)
			}
			tb.finish(t, secret)
		})

		t.Run(lang+"/json-evidence", func(t *testing.T) {
			files := fixtureFiles(t, "takeout-unrecognized")
			rep := engineReport(t, files)
			secret := secrets(rep)
			allSecrets = append(allSecrets, secret...)
			ev := filesEvidence(t, rep, "unrecognized-speaker")

			tb := env.newTab(t, lang)
			tb.load(t, "/")
			tb.open(t, files)
			filesClick(t, tb, `[data-testid=finding][data-rule="unrecognized-speaker"] [data-testid=evidence] a`)
			got := filesWaitTarget(t, tb)
			if got.Pointer != ev.Pointer {
				t.Errorf("marked node: got pointer %q, want %q", got.Pointer, ev.Pointer)
			}
			if got.Marked != "From unrecognized speaker" || got.Marked != ev.Value {
				t.Errorf("marked node: got value %q, want %q (the engine's %q)", got.Marked, "From unrecognized speaker", ev.Value)
			}
			q := filesCheckURL(t, got.URL, ev, secret)
			if q.Get("ev") == "" {
				t.Errorf("URL: got %s, want the evidence item's position (ev=) in place of its pointer", got.URL)
			}
			tb.shot(t, lang+"-files-json")
			tb.finish(t, secret)
		})

		t.Run(lang+"/transcripts-and-pdf", func(t *testing.T) {
			files := fixtureFiles(t, "amazon-2018")
			rep := engineReport(t, files)
			secret := secrets(rep)
			allSecrets = append(allSecrets, secret...)
			lines := openNative(t, files, check.Declared{}).x.Transcripts

			tb := env.newTab(t, lang)
			tb.load(t, "/")
			tb.open(t, files)
			protectLiftAll(t, tb) // the PDF's lines are the stranger's: hidden until then
			filesClick(t, tb, `nav a[href="/transcripts"]`)
			type shownLine struct {
				Text    string `json:"text"`
				Matched string `json:"matched"`
				Play    string `json:"play"`
			}
			if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelectorAll('[data-testid=transcript-line]').length > 0`,
				chromedp.WithPollingTimeout(30*time.Second))); err != nil {
				t.Fatalf("no transcript lines shown: %v", err)
			}
			shown, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]shownLine](
				`[...document.querySelectorAll('[data-testid=transcript-line]')].map(r => ({text: r.querySelector('.tx-text').textContent, matched: r.dataset.matched, play: (r.querySelector('[data-testid=transcript-recording]') || {}).getAttribute?.('href') || ''}))`))
			if err != nil {
				t.Fatal(err)
			}
			matched := 0
			for _, l := range shown {
				if l.Matched == "true" {
					matched++
				}
			}
			if len(shown) != 13 || matched != 12 {
				t.Errorf("got %d lines with %d matched, want 13 with 12 matched and 1 not", len(shown), matched)
			}
			for i := range min(len(shown), len(lines)) {
				wantPlay := ""
				if lines[i].Recording >= 0 {
					wantPlay = "/recordings?rec=" + strconv.Itoa(lines[i].Recording)
				}
				if shown[i].Text != lines[i].Text || shown[i].Matched != strconv.FormatBool(lines[i].Recording >= 0) || shown[i].Play != wantPlay {
					t.Errorf("line %d: got %+v, want %q matched=%v play %q", i, shown[i], lines[i].Text, lines[i].Recording >= 0, wantPlay)
				}
			}
			tb.shot(t, lang+"-transcripts")

			// The original PDF: its text lines, and the original to save
			// (a blob: URL with a download name), never a frame that
			// renders it (its links would navigate the app away).
			filesClick(t, tb, `[data-testid=transcript-original]`)
			type pdfView struct {
				Lines  int    `json:"lines"`
				Save   string `json:"save"`
				SaveAs string `json:"saveAs"`
				Frames int    `json:"frames"`
			}
			view, err := chromedp.Run(tb.ctx, chromedp.Poll[pdfView](
				`(() => { const a = document.querySelector('a[data-testid=pdf-save]'); const n = document.querySelectorAll('.pdf-lines tr').length;
				  return a && n ? {lines: n, save: a.getAttribute('href'), saveAs: a.getAttribute('download'), frames: document.querySelectorAll('iframe, embed, object').length} : null })()`,
				chromedp.WithPollingTimeout(30*time.Second)))
			if err != nil {
				t.Fatalf("no PDF text with a link to save the original: %v", err)
			}
			if !strings.HasPrefix(view.Save, "blob:") || !strings.HasSuffix(view.SaveAs, ".pdf") || view.Frames != 0 || view.Lines < len(lines) {
				t.Errorf("PDF view: got %+v, want a blob: URL saved as a .pdf, no frame, and at least the %d transcript lines", view, len(lines))
			}
			tb.shot(t, lang+"-files-pdf")

			// A PDF evidence item marks the line on its page.
			tb.load(t, "/")
			tb.open(t, files)
			protectLiftAll(t, tb)
			filesClick(t, tb, `header nav a[href="/"]`)
			ev := filesEvidence(t, rep, "transcript-mismatch")
			filesClick(t, tb, `[data-testid=finding][data-rule="transcript-mismatch"] [data-testid=evidence] a`)
			got := filesWaitTarget(t, tb)
			// The evidence names the place only (no transcript words in a
			// report); the words at that place are the engine's line there.
			wantText := ""
			for _, l := range lines {
				if l.Src.Page == ev.Page && l.Src.Line == ev.Line {
					wantText = l.Text
				}
			}
			if wantText == "" || got.Page != strconv.Itoa(ev.Page) || got.Line != strconv.Itoa(ev.Line) || !strings.Contains(got.Text, wantText) {
				t.Errorf("marked PDF line: got page %s line %s %q, want page %d line %d containing %q", got.Page, got.Line, got.Text, ev.Page, ev.Line, wantText)
			}
			filesCheckURL(t, got.URL, ev, append(secret, wantText))
			// Leave the PDF view, so that all its loads are recorded before
			// they are looked at.
			tb.load(t, "/")
			tb.finish(t, secret)
		})
	}

	t.Run("en/text-image-audio", func(t *testing.T) {
		files := fixtureFiles(t, "unrelated")
		rep := engineReport(t, files)
		secret := secrets(rep)
		allSecrets = append(allSecrets, secret...)
		notes := strings.Split(strings.TrimSuffix(string(filesMember(t, files, "holiday.zip", "notes.txt")), "\n"), "\n")

		tb := env.newTab(t, "en")
		tb.load(t, "/")
		tb.open(t, files)
		filesClick(t, tb, `nav a[href="/files"]`)
		filesClickText(t, tb, `[data-testid=tree-file] a`, "notes.txt")
		shown, err := chromedp.Run(tb.ctx, chromedp.Poll[[]string](
			`(() => { const l = [...document.querySelectorAll('.text-lines .tl .tl-text')]; return l.length ? l.map(e => e.textContent) : null })()`,
			chromedp.WithPollingTimeout(30*time.Second)))
		if err != nil {
			t.Fatalf("no text lines: %v", err)
		}
		if !slices.Equal(shown, notes) {
			t.Errorf("notes.txt: got lines %q, want %q", shown, notes)
		}
		// Clicking a line number names the line in the URL and marks it.
		filesClick(t, tb, `.tl[data-line="2"] .ln-link`)
		got := filesWaitTarget(t, tb)
		if got.Text != notes[1] || !strings.Contains(got.URL, "line=2") {
			t.Errorf("line 2: got %q at %s, want %q with line=2 in the URL", got.Text, got.URL, notes[1])
		}
		tb.shot(t, "en-files-text")

		// The folder of the photos is closed until the person opens it.
		if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](
			`[...document.querySelectorAll('.tree-toggle')].find(b => b.querySelector('.tree-name').textContent === 'Urlaub').click() || true`)); err != nil {
			t.Fatal(err)
		}
		filesClickText(t, tb, `[data-testid=tree-file] a`, "IMG_0001.png")
		width, err := chromedp.Run(tb.ctx, chromedp.Poll[int](
			`(() => { const i = document.querySelector('img.preview-image'); return i && i.src.startsWith('blob:') && i.complete && i.naturalWidth })()`,
			chromedp.WithPollingTimeout(30*time.Second)))
		if err != nil || width <= 0 {
			t.Errorf("image: got width %d (%v), want it shown from a blob: URL", width, err)
		}
		tb.finish(t, secret)
	})

	t.Run("en/audio", func(t *testing.T) {
		files := fixtureFiles(t, "amazon-2018")
		rep := engineReport(t, files)
		secret := secrets(rep)
		tb := env.newTab(t, "en")
		tb.load(t, "/")
		tb.open(t, files)
		protectLiftAll(t, tb) // the stranger's WAVs do not play until then
		filesClick(t, tb, `header nav a[href="/"]`)
		filesClick(t, tb, `[data-testid=finding][data-rule="recordings-without-device"] [data-testid=evidence] a`)
		dur, err := chromedp.Run(tb.ctx, chromedp.Poll[float64](
			`(() => { const a = document.querySelector('audio[data-testid=file-audio]'); return a && a.src.startsWith('blob:') && a.readyState >= 1 && a.duration })()`,
			chromedp.WithPollingTimeout(30*time.Second)))
		if err != nil || dur <= 0 {
			t.Errorf("audio: got duration %v (%v), want the WAV loaded from a blob: URL", dur, err)
		}
		tb.shot(t, "en-files-audio")
		tb.load(t, "/")
		tb.finish(t, secret)
	})
	env.checkTraffic(t, allSecrets)
}

// filesCheckCSV compares the marked row with the CSV's record on that line.
func filesCheckCSV(t *testing.T, got filesTarget, ev check.Evidence, want []string) {
	t.Helper()
	if !strings.HasSuffix(got.File, ev.Path) {
		t.Errorf("file view: got %q, want %s", got.File, ev.Path)
	}
	if got.Line != strconv.Itoa(ev.Line) {
		t.Errorf("marked row: got line %q, want %d", got.Line, ev.Line)
	}
	if strings.Join(got.Cells, "\x1f") != strings.Join(want, "\x1f") {
		t.Errorf("marked row: got cells %q, want the CSV's line %d: %q", got.Cells, ev.Line, want)
	}
	if got.Marked != ev.Value {
		t.Errorf("marked cell: got %q, want %q", got.Marked, ev.Value)
	}
}
