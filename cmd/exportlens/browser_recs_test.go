//go:build !wasm

package main

// Browser tests of the recordings page, the player and the overview's
// timeline: what a person sees and hears, compared with the engine's export
// and report computed natively from the same files.

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/media"
)

// bare lists the audio files no recording stands for: the list shows them
// after the recordings, in Export.Audio order.
func (f *nativeExport) bare() []export.AudioFile {
	held := map[string]bool{}
	for _, r := range f.x.Recordings {
		if r.AudioPath() != "" {
			part := r.AudioPart()
			if part == "" {
				part = r.Src().Part
			}
			held[part+"\x00"+r.AudioPath()] = true
		}
	}
	var out []export.AudioFile
	for _, a := range f.x.Audio {
		if !held[a.Part+"\x00"+a.Path] {
			out = append(out, a)
		}
	}
	return out
}

// flaggedItems are the list items a mismatch or likely finding names: the
// engine's affected recordings and affected audio files (TestAffectedAudio
// checks those against planted.json).
func (f *nativeExport) flaggedItems() []int {
	var out []int
	for _, fd := range f.rep.Findings {
		if fd.Severity != check.Mismatch && fd.Severity != check.Likely {
			continue
		}
		out = append(out, fd.Affected...)
		out = append(out, f.findingBare(fd)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// findingBare lists the items of the audio files a finding names
// (Finding.AffectedAudio): the list shows them after the recordings, in
// the order of bare().
func (f *nativeExport) findingBare(fd check.Finding) []int {
	var out []int
	bare := f.bare()
	for _, a := range fd.AffectedAudio {
		af := f.x.Audio[a]
		for j, b := range bare {
			if b.Part == af.Part && b.Path == af.Path {
				out = append(out, len(f.x.Recordings)+j)
			}
		}
	}
	return out
}

// wavDuration reads an audio member natively and returns its duration.
func (f *nativeExport) wavDuration(t *testing.T, part, p string) time.Duration {
	t.Helper()
	b := f.member(t, part, p)
	info, err := media.Probe(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return info.Duration
}

// recsTab opens a tab in the browser's UTC zone (so that days on the page
// are the UTC days the test computes), loads the app and opens files.
func recsTab(t *testing.T, env *browserEnv, lang string, files []string) *tab {
	t.Helper()
	tb := env.newTab(t, lang)
	if _, err := chromedp.Call(tb.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "UTC"}); err != nil {
		t.Fatal(err)
	}
	tb.load(t, "/")
	tb.open(t, files)
	return tb
}

// recsGo navigates inside the app (go-app's own navigation: the opened
// export stays in memory) and waits for the recordings list.
func recsGo(t *testing.T, tb *tab, url string) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](fmt.Sprintf(`goappNav(%q)`, url))); err != nil {
		t.Fatal(err)
	}
	recsWait(t, tb, `!!document.querySelector('[data-testid=recording-count]')`)
}

// recsWait polls a JS condition.
func recsWait(t *testing.T, tb *tab, cond string) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		tb.shot(t, "recs-timeout")
		t.Fatalf("waiting for %s: %v", cond, err)
	}
}

func recsEval[T any](t *testing.T, tb *tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// recsRows returns the data-index of every recording row in the DOM.
func recsRows(t *testing.T, tb *tab) []int {
	t.Helper()
	return recsEval[[]int](t, tb, `[...document.querySelectorAll('[data-testid=recording]')].map(e => +e.dataset.index)`)
}

// recsShown waits until the count says shown recordings pass the filters.
func recsShown(t *testing.T, tb *tab, shown int) {
	t.Helper()
	recsWait(t, tb, fmt.Sprintf(`(() => { const c = document.querySelector('[data-testid=recording-count]'); return c && +c.dataset.shown === %d && document.querySelectorAll('[data-testid=recording]').length === %d })()`, shown, min(shown, 22)))
}

// recsSet sets a field's value as a person's input would, and fires the
// event go-app listens to.
func recsSet(t *testing.T, tb *tab, testid, value, event string) {
	t.Helper()
	recsEval[any](t, tb, fmt.Sprintf(`(() => { const e = document.querySelector('[data-testid=%s]'); e.value = %q; e.dispatchEvent(new Event(%q, {bubbles: true})); })()`, testid, value, event))
}

// audioState is what the page's <audio data-testid=player> reports; before
// the first recording is chosen there is none, and no sound.
type audioState struct {
	Src        string  `json:"src"`
	ReadyState int     `json:"readyState"`
	Paused     bool    `json:"paused"`
	Ended      bool    `json:"ended"`
	Duration   float64 `json:"duration"`
	Rate       float64 `json:"rate"`
	Item       int     `json:"item"`      // the player's item
	AudioItem  int     `json:"audioItem"` // the item the audio's source belongs to
	Transcript string  `json:"transcript"`
}

// audioStateJS evaluates to the player's audioState.
const audioStateJS = `(() => { const a = document.querySelector('audio[data-testid=player]'); const p = document.querySelector('aside.player[data-item]');
	const tx = document.querySelector('[data-testid=player-transcript]');
	return a ? {src: a.src || '', readyState: a.readyState, paused: a.paused, ended: a.ended, duration: isFinite(a.duration) ? a.duration : 0, rate: a.playbackRate,
		item: p ? +p.dataset.item : -1, audioItem: a.dataset.item ? +a.dataset.item : -1, transcript: tx ? tx.textContent : ''}
		: {src: '', paused: true, item: p ? +p.dataset.item : -1, audioItem: -1, transcript: tx ? tx.textContent : ''} })()`

func recsAudio(t *testing.T, tb *tab) audioState {
	t.Helper()
	return recsEval[audioState](t, tb, audioStateJS)
}

// recsPlaying waits until item k plays: the player shows k, its audio's
// source is k's, ready, and playing or played to its end (a two-second clip
// may end between two polls on a slow machine). It returns the state it saw;
// on a timeout it says what the page shows instead.
func recsPlaying(t *testing.T, tb *tab, k int) audioState {
	t.Helper()
	cond := fmt.Sprintf(`(() => { const s = %s;
		return s.item === %d && s.audioItem === %d && s.src.startsWith('blob:') && s.readyState >= 2 && (!s.paused || s.ended) ? s : null })()`, audioStateJS, k, k)
	got, err := chromedp.Run(tb.ctx, chromedp.Poll[audioState](cond,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		tb.shot(t, "recs-timeout")
		state, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(() => { const s = %s; const a = document.querySelector('audio[data-testid=player]') || {};
			const b = document.querySelector('[data-testid=player-toggle]');
			return JSON.stringify(Object.assign(s, {networkState: a.networkState, currentTime: a.currentTime, autoplay: a.autoplay, error: a.error && a.error.code,
				toggle: b && b.textContent, focus: document.activeElement && document.activeElement.outerHTML.slice(0, 120)})) })()`, audioStateJS)))
		t.Fatalf("waiting for item %d to play: %v; the page shows %s", k, err, state)
	}
	return got
}

// recsSpaceToggles presses the space bar, waits until the audio and the
// play/pause button's label (▶ when paused, ❙❙ when playing, in either
// language) have both changed, and checks that the Next button did not
// move with the label.
func recsSpaceToggles(t *testing.T, tb *tab) {
	t.Helper()
	const nextAt = `document.querySelector('[data-testid=player-next]').getBoundingClientRect().left`
	x0 := recsEval[float64](t, tb, nextAt)
	before := recsAudio(t, tb).Paused
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	glyph := "▶"
	if before {
		glyph = "❙❙"
	}
	recsWait(t, tb, fmt.Sprintf(`(() => { const a = document.querySelector('audio[data-testid=player]'); const b = document.querySelector('[data-testid=player-toggle]');
		return !!a && !!b && a.paused === %v && b.textContent.includes(%q) })()`, !before, glyph))
	if x1 := recsEval[float64](t, tb, nextAt); x1 != x0 {
		t.Errorf("the Next button moved from x=%v to x=%v when play/pause changed its label", x0, x1)
	}
}

// checkDuration waits until the page's audio of item k reports the file's
// duration within 50 ms: an MP3 without a Xing header has an estimate first,
// which the browser may correct (durationchange).
func (f *nativeExport) checkDuration(t *testing.T, tb *tab, k int) {
	t.Helper()
	var part, p string
	if k < len(f.x.Recordings) {
		r := f.x.Recordings[k]
		part, p = r.AudioPart(), r.AudioPath()
	} else {
		a := f.bare()[k-len(f.x.Recordings)]
		part, p = a.Part, a.Path
	}
	want := f.wavDuration(t, part, p).Seconds()
	cond := fmt.Sprintf(`(() => { const s = %s; return s.audioItem === %d && Math.abs(s.duration - %v) <= 0.050 })()`, audioStateJS, k, want)
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		got := recsAudio(t, tb)
		t.Errorf("item %d: got a duration of %.3f s (audio of item %d), want %.3f s (the file's, within 50 ms): %v", k, got.Duration, got.AudioItem, want, err)
	}
}

func TestBrowserRecordings(t *testing.T) {
	env := startBrowser(t)
	fx := openNative(t, fixtureFiles(t, "amazon-foreign"), check.Declared{})
	secret := secrets(fx.rep)
	total := len(fx.x.Recordings) + len(fx.bare())
	if total != 15 {
		t.Fatalf("amazon-foreign: got %d recordings and bare audio files natively, want 15 (planted.json)", total)
	}
	tb := recsTab(t, env, "en", fx.files)

	// The overview's timeline counts every recording with a time, per day.
	recsWait(t, tb, `!!document.querySelector('[data-testid=timeline][data-complete=true]')`)
	perDay := recsEval[map[string]int](t, tb, `Object.fromEntries([...document.querySelectorAll('[data-testid=timeline-day]')].map(e => [e.dataset.day, +e.dataset.count]))`)
	wantDay := map[string]int{}
	for _, r := range fx.x.Recordings {
		if !r.Time.IsZero() {
			wantDay[r.Time.UTC().Format("2006-01-02")]++
		}
	}
	for d, n := range wantDay {
		if perDay[d] != n {
			t.Errorf("timeline %s: got %d recordings, want %d", d, perDay[d], n)
		}
	}
	foreign := recsEval[[]string](t, tb, `[...document.querySelectorAll('[data-testid=timeline-series][data-foreign=true]')].map(e => e.textContent)`)
	if !slices.ContainsFunc(foreign, func(s string) bool { return strings.Contains(s, "G070RQ0000000099") }) {
		t.Errorf("timeline legend: got foreign series %q, want the unregistered device G070RQ0000000099 marked", foreign)
	}
	tb.shot(t, "en-recs-overview")

	// The list: every recording of the export, the 2 stray WAVs included.
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`a[href="/recordings"]`))); err != nil {
		t.Fatal(err)
	}
	recsShown(t, tb, total)
	if got := recsRows(t, tb); len(got) != total {
		t.Errorf("list: got %d rows, want %d", len(got), total)
	}
	// The search, the player and the keys are tested on every recording,
	// those hidden as someone else's too (TestBrowserProtect tests that).
	protectLiftAll(t, tb)

	t.Run("flagged only", func(t *testing.T) {
		want := fx.flaggedItems()
		if len(want) != 9 {
			t.Errorf("engine: got %d flagged items, want 9 (2+3+2+2 records of the mismatch and likely findings)", len(want))
		}
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=filter-flagged]`))); err != nil {
			t.Fatal(err)
		}
		recsShown(t, tb, len(want))
		got := recsRows(t, tb)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("flagged rows: got %v, want %v (the engine's affected recordings)", got, want)
		}
		badges := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=recording] [data-testid=recording-flag]').length`)
		if badges != len(want) {
			t.Errorf("flagged rows: got %d warning badges, want %d", badges, len(want))
		}
		tb.shot(t, "en-recs-flagged")
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=filter-flagged]`))); err != nil {
			t.Fatal(err)
		}
		recsShown(t, tb, total)
	})

	t.Run("search", func(t *testing.T) {
		for _, word := range []string{"coffee", "Timer", "wie"} {
			var want []int
			for i, r := range fx.x.Recordings {
				if strings.Contains(strings.ToLower(r.Transcript().Text+"\x00"+r.Response().Text), strings.ToLower(word)) {
					want = append(want, i)
				}
			}
			if len(want) == 0 {
				t.Fatalf("%q: no transcript has it", word)
			}
			if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS(`[data-testid=recording-search]`), word)); err != nil {
				t.Fatal(err)
			}
			recsShown(t, tb, len(want))
			if got := recsRows(t, tb); !slices.Equal(got, want) {
				t.Errorf("search %q: got rows %v, want %v", word, got, want)
			}
			recsSet(t, tb, "recording-search", "", "input")
			recsShown(t, tb, total)
		}
	})

	t.Run("device", func(t *testing.T) {
		const serial = "G070RQ0000000099"
		var want []int
		for i, r := range fx.x.Recordings {
			if r.Device().Text == serial {
				want = append(want, i)
			}
		}
		value := recsEval[string](t, tb, `[...document.querySelectorAll('[data-testid=filter-device] option')].find(o => o.textContent.includes('`+serial+`')).value`)
		recsSet(t, tb, "filter-device", value, "change")
		recsShown(t, tb, len(want))
		if got := recsRows(t, tb); !slices.Equal(got, want) {
			t.Errorf("device %s: got rows %v, want %v", serial, got, want)
		}
		recsSet(t, tb, "filter-device", "all", "change")
		recsShown(t, tb, total)
	})

	t.Run("date range", func(t *testing.T) {
		from, to := "2023-10-03", "2023-10-04"
		var want []int
		for i, r := range fx.x.Recordings {
			if d := r.Time.UTC().Format("2006-01-02"); !r.Time.IsZero() && d >= from && d <= to {
				want = append(want, i)
			}
		}
		recsSet(t, tb, "filter-from", from, "change")
		recsSet(t, tb, "filter-to", to, "change")
		recsShown(t, tb, len(want))
		if got := recsRows(t, tb); !slices.Equal(got, want) {
			t.Errorf("%s to %s: got rows %v, want %v", from, to, got, want)
		}
		recsSet(t, tb, "filter-from", "", "change")
		recsSet(t, tb, "filter-to", "", "change")
		recsShown(t, tb, total)
	})

	t.Run("player", func(t *testing.T) {
		start := time.Now()
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording][data-index="0"]`))); err != nil {
			t.Fatal(err)
		}
		got := recsPlaying(t, tb, 0)
		t.Logf("click to playing: %v (with the test's polling)", time.Since(start))
		fx.checkDuration(t, tb, 0)
		if want := fx.x.Recordings[0].Transcript().Text; got.Transcript != want {
			t.Errorf("player transcript: got %q, want %q", got.Transcript, want)
		}
		tb.shot(t, "en-recs-playing")

		// Speed: the chosen rate carries over to the next recording.
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`button.speed[data-rate="0.75"]`))); err != nil {
			t.Fatal(err)
		}
		// Keyboard, with the focus on the list (where a click on a row
		// leaves it): j next, k previous.
		if got := recsEval[string](t, tb, `document.activeElement.id`); got != "recording-list" {
			t.Errorf("after clicking a row, focus is on %q, want the list", got)
		}
		if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.ID("recording-list")), chromedp.KeyEvent("j")); err != nil {
			t.Fatal(err)
		}
		got = recsPlaying(t, tb, 1)
		if want := fx.x.Recordings[1].Transcript().Text; got.Transcript != want {
			t.Errorf("after j: got transcript %q, want %q", got.Transcript, want)
		}
		if got.Rate != 0.75 {
			t.Errorf("after j: got playbackRate %v, want 0.75 (chosen before)", got.Rate)
		}
		fx.checkDuration(t, tb, 1)
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("k")); err != nil {
			t.Fatal(err)
		}
		recsPlaying(t, tb, 0)
		// Space plays and pauses.
		recsSpaceToggles(t, tb)
		recsSpaceToggles(t, tb)
		// The buttons do the same.
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=player-next]`))); err != nil {
			t.Fatal(err)
		}
		recsPlaying(t, tb, 1)
	})

	t.Run("finding", func(t *testing.T) {
		for i, fd := range fx.rep.Findings {
			want := append(slices.Clone(fd.Affected), fx.findingBare(fd)...)
			slices.Sort(want)
			recsGo(t, tb, fmt.Sprintf("/recordings?finding=%d", i))
			recsWait(t, tb, fmt.Sprintf(`!!document.querySelector('[data-testid=finding-filter][data-finding="%d"]')`, i))
			recsShown(t, tb, len(want))
			got := recsRows(t, tb)
			if !slices.Equal(got, want) {
				t.Errorf("?finding=%d (%s): got rows %v, want %v", i, fd.Rule, got, want)
			}
			if fd.Records > 0 && len(got) != fd.Records {
				t.Errorf("?finding=%d (%s): got %d rows, want the finding's %d records", i, fd.Rule, len(got), fd.Records)
			}
			chip := recsEval[string](t, tb, `(document.querySelector('[data-testid=finding-filter]') || {}).textContent || ''`)
			if !strings.Contains(chip, fd.Text("en")) || !strings.Contains(chip, "show all") {
				t.Errorf("?finding=%d: got chip %q, want the finding's title and “show all”", i, chip)
			}
			if fd.Rule == "unreferenced-recording" {
				tb.shot(t, "en-recs-finding-unreferenced")
			}
		}
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=finding-filter-clear]`))); err != nil {
			t.Fatal(err)
		}
		recsShown(t, tb, total)
		if n := recsEval[int](t, tb, `document.querySelectorAll('[data-testid=finding-filter]').length`); n != 0 {
			t.Errorf("after show all: got %d finding chips, want none", n)
		}
	})

	t.Run("rec link to a stray audio file", func(t *testing.T) {
		k := total - 1
		recsGo(t, tb, fmt.Sprintf("/recordings?rec=%d", k))
		recsWait(t, tb, fmt.Sprintf(`(() => { const r = document.querySelector('[data-testid=recording][data-index="%d"]'); return !!r && r.getAttribute('aria-selected') === 'true' })()`, k))
		recsWait(t, tb, fmt.Sprintf(`(() => { const a = document.querySelector('audio[data-testid=player]'); return !!a && a.dataset.item === '%d' && a.readyState >= 2 })()`, k))
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=player-toggle]`))); err != nil {
			t.Fatal(err)
		}
		recsPlaying(t, tb, k)
		fx.checkDuration(t, tb, k)
		tb.shot(t, "en-recs-stray")
	})
	tb.finish(t, secret)

	t.Run("german", func(t *testing.T) {
		de := recsTab(t, env, "de", fx.files)
		recsWait(t, de, `!!document.querySelector('[data-testid=timeline][data-complete=true]')`)
		de.shot(t, "de-recs-overview")
		protectLiftAll(t, de) // the finding's recordings are hidden, as someone else's
		recsGo(t, de, "/recordings?finding=1")
		recsWait(t, de, `!!document.querySelector('[data-testid=finding-filter][data-finding="1"]')`)
		recsShown(t, de, fx.rep.Findings[1].Records)
		if err := chromedp.Do(de.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording]`))); err != nil {
			t.Fatal(err)
		}
		recsPlaying(t, de, fx.rep.Findings[1].Affected[0])
		recsSpaceToggles(t, de) // the German labels differ more in length
		recsSpaceToggles(t, de)
		text := recsEval[string](t, de, `document.querySelector('main').textContent`)
		for _, want := range []string{"Gefiltert nach Befund", "alle zeigen", "Aufnahmen", "Geschwindigkeit", "Transkript", "Antwort"} {
			if !strings.Contains(text, want) {
				t.Errorf("German page: got no %q", want)
			}
		}
		de.shot(t, "de-recs-playing")
		de.finish(t, secret)
	})
	env.checkTraffic(t, secret)
}

// TestBrowserRecordingsBig opens a generated export of 10,000 recordings:
// the list counts all of them while the DOM holds a window of rows, and
// scrolling moves that window.
func TestBrowserRecordingsBig(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a 10,000-recording export")
	}
	const n = 10000
	dir := t.TempDir()
	gen := exec.Command("go", "run", "../mkexport", "-big", "-recordings", fmt.Sprint(n), "-size", "50MB", "-out", dir)
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("mkexport: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "input", "*"))
	if len(files) == 0 {
		t.Fatal("mkexport wrote no input")
	}
	env := startBrowser(t)
	fx := openNative(t, files, check.Declared{})
	tb := env.newTab(t, "en")
	if _, err := chromedp.Call(tb.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "UTC"}); err != nil {
		t.Fatal(err)
	}
	tb.load(t, "/")
	start := time.Now()
	tb.open(t, files)
	t.Logf("10,000 recordings: file chosen to verdict %v", time.Since(start))
	tb.shot(t, "en-recs-big-overview")
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`a[href="/recordings"]`))); err != nil {
		t.Fatal(err)
	}
	total := len(fx.x.Recordings) + len(fx.bare())
	if total != n {
		t.Fatalf("engine: got %d recordings, want %d", total, n)
	}
	recsShown(t, tb, n)
	protectLiftAll(t, tb) // every 100th row is from an unregistered device: hidden
	rows := recsRows(t, tb)
	if len(rows) >= 100 || rows[0] != 0 {
		t.Errorf("top of a list of %d: got %d rows in the DOM starting at %d, want fewer than 100 from 0", n, len(rows), rows[0])
	}
	// Scroll half way: the rows in the DOM are the ones there.
	recsEval[any](t, tb, `document.getElementById('recording-list').scrollTop = 5000 * 56`)
	recsWait(t, tb, `[...document.querySelectorAll('[data-testid=recording]')].some(e => +e.dataset.index === 5000)`)
	rows = recsRows(t, tb)
	if len(rows) >= 100 {
		t.Errorf("half way: got %d rows in the DOM, want fewer than 100", len(rows))
	}
	visible := recsEval[[]int](t, tb, `(() => { const l = document.getElementById('recording-list').getBoundingClientRect();
		return [...document.querySelectorAll('[data-testid=recording]')].filter(e => { const r = e.getBoundingClientRect(); return r.bottom > l.top + 1 && r.top < l.bottom - 1 }).map(e => +e.dataset.index) })()`)
	if len(visible) == 0 || visible[0] != 5000 {
		t.Errorf("half way: got rows %v in view, want them to start at 5000", visible)
	}
	start = time.Now()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording][data-index="5001"]`))); err != nil {
		t.Fatal(err)
	}
	recsPlaying(t, tb, 5001)
	t.Logf("10,000 recordings: click to playing %v (with the test's polling)", time.Since(start))
	fx.checkDuration(t, tb, 5001)
	tb.shot(t, "en-recs-big")
	tb.finish(t, secrets(fx.rep))
}

// TestBrowserPlaysEachKind plays a recording of every kind of export the
// fixtures hold — WAVs of the 2018 single ZIP (no voice history), WAVs
// referenced by an Amazon voice history, Takeout MP3s joined by audioFiles
// (two parts, German names) — and compares each duration with the file's.
func TestBrowserPlaysEachKind(t *testing.T) {
	env := startBrowser(t)
	var allSecrets []string
	for _, name := range []string{"amazon-2018", "amazon-clean", "takeout-clean", "takeout-de"} {
		t.Run(name, func(t *testing.T) {
			fx := openNative(t, fixtureFiles(t, name), check.Declared{})
			secret := secrets(fx.rep)
			allSecrets = append(allSecrets, secret...)
			// The first recording that has its audio, by the engine.
			k := slices.IndexFunc(fx.x.Recordings, func(r export.Recording) bool { return r.AudioPath() != "" })
			if k < 0 {
				t.Fatalf("%s: no recording with audio", name)
			}
			tb := recsTab(t, env, "en", fx.files)
			recsGo(t, tb, "/recordings")
			protectLiftAll(t, tb) // the 2018 demo's recordings are hidden, as someone else's
			row := fmt.Sprintf(`[data-testid=recording][data-index="%d"]`, k)
			recsWait(t, tb, fmt.Sprintf(`!!document.querySelector('%s')`, row))
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(row))); err != nil {
				t.Fatal(err)
			}
			got := recsPlaying(t, tb, k)
			fx.checkDuration(t, tb, k)
			if !strings.Contains(got.Transcript, fx.x.Recordings[k].Transcript().Text) {
				t.Errorf("player transcript: got %q, want it to hold %q", got.Transcript, fx.x.Recordings[k].Transcript().Text)
			}
			tb.shot(t, "en-"+name+"-playing")
			tb.finish(t, secret)
		})
	}
	env.checkTraffic(t, allSecrets)
}
