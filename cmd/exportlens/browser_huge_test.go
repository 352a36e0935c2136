//go:build !wasm

package main

// TestBrowserHuge opens an export of 100,000 recordings in the viewer and
// plays its last one: the count, not the bytes, is what it is about (the
// WAVs are 2 kB each). The export comes from cmd/mkexport -big and is
// generated once into testdata/big/ (never committed).

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"exportlens/app/check"
	"exportlens/app/export"
)

// hugeRecordings is how many recordings the huge export holds.
const hugeRecordings = 100_000

// hugeDir is where the huge export is kept between runs (gitignored).
const hugeDir = "../../testdata/big/100k"

// hugeFreeze is the longest the page may go without running a task while
// it opens the huge export before the test calls it frozen. The target is
// TestBrowserHostile's 100 ms; the budget's biggest exports pause longer
// (a garbage collection's mark, see hostileKnownSlow), so this only catches
// a page that stops yielding.
const hugeFreeze = 2 * time.Second

// hugeInputs returns the input files of the huge export, generating it
// first when no earlier run left it (about 6 s; mkexport needs espeak-ng).
func hugeInputs(t *testing.T) []string {
	t.Helper()
	done := filepath.Join(hugeDir, ".done")
	if _, err := os.Stat(done); err != nil {
		os.RemoveAll(hugeDir)
		start := time.Now()
		gen := exec.Command("go", "run", "../mkexport", "-big", "-recordings", fmt.Sprint(hugeRecordings), "-size", "200MB", "-out", hugeDir)
		if out, err := gen.CombinedOutput(); err != nil {
			t.Fatalf("mkexport: %v\n%s", err, out)
		}
		if err := os.WriteFile(done, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("generated %s in %v", hugeDir, time.Since(start).Round(time.Millisecond))
	}
	return inputFiles(t, hugeDir, "remove it to generate it again")
}

func TestBrowserHuge(t *testing.T) {
	if testing.Short() {
		t.Skip("opens an export of 100,000 recordings")
	}
	needBuild(t)
	files := hugeInputs(t)
	fx := openNative(t, files, check.Declared{})
	total := len(fx.x.Recordings) + len(fx.bare())
	if total != hugeRecordings {
		t.Fatalf("engine: got %d recordings and audio files, want %d", total, hugeRecordings)
	}
	// The memory budget (export.DefaultBudget) holds a part of the voice
	// history; the audio of the rows after the stop is then referenced by
	// nothing read, which is no sign of someone else's recordings.
	budget := slices.ContainsFunc(fx.x.Problems, func(p export.Problem) bool { return p.Kind == "budget" })
	t.Logf("engine: %d of %d voice-history rows read (budget spent: %v), %d audio files without a record read",
		len(fx.x.Recordings), hugeRecordings, budget, len(fx.bare()))
	for _, f := range fx.rep.Findings {
		if f.Rule == "unreferenced-recording" && f.Severity != check.Unknown {
			t.Errorf("engine: got %s %s %q (%d records), want 'cannot tell' when the voice history was read only in part", f.Severity, f.Rule, f.Subject, f.Records)
		}
	}
	env := startBrowser(t)
	ht := newHostileTab(t, env, "en")
	if _, err := chromedp.Call(ht.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "UTC"}); err != nil {
		t.Fatal(err)
	}
	// EXPORTLENS_CPUPROFILE=FILE profiles the opening (as for
	// BenchmarkBrowserOpenBig; build the wasm without -s for Go names).
	profile := os.Getenv("EXPORTLENS_CPUPROFILE")
	if profile != "" {
		perfProfileStart(t, ht.ctx)
	}
	out, gap, took := ht.openAndMeasure(t, files, 120*time.Second)
	if profile != "" {
		perfProfileStop(t, ht.ctx, profile)
	}
	t.Logf("%d recordings: chosen to outcome %v, longest task gap %.0f ms, frame gap %.0f ms, wasm memory %.1f MiB",
		hugeRecordings, took.Round(time.Millisecond), gap.Task, gap.Frame, gap.Mem/(1<<20))
	if died := ht.died(); len(died) > 0 || out.Stopped != "" {
		t.Fatalf("the app stopped: %q %v", out.Stopped, died)
	}
	if out.Verdict != fx.rep.Verdict {
		t.Fatalf("verdict: got %q (failed %v, messages %q), want %q (the engine's)", out.Verdict, out.Failed, out.Messages, fx.rep.Verdict)
	}
	if got, want := openShownFindings(t, ht.tab), openReportFindings(fx.rep); !slices.Equal(got, want) {
		t.Errorf("findings:\n got  %v\n want %v (the engine's)", got, want)
	}
	if budget && openText(t, ht.tab, "[data-testid=open-problems]") == "" {
		t.Error("the page does not say that the voice history was read only in part")
	}
	if g := time.Duration(gap.Task * float64(time.Millisecond)); g > hugeFreeze {
		t.Errorf("opening: the page ran no task for %v, want at most %v", g, hugeFreeze)
	}
	// The timeline has a bar per day of the recordings read (hundreds),
	// mounted a chunk a frame (timelineView.grow) until every one is there.
	recsWait(t, ht.tab, `!!document.querySelector('[data-testid=timeline][data-complete=true]')`)
	if n, want := recsEval[int](t, ht.tab, `document.querySelectorAll('[data-testid=timeline-day]').length`), hugeBars(fx); n != want {
		t.Errorf("timeline: got %d bars, want %d", n, want)
	}
	ht.shot(t, "en-huge-overview")

	recsGo(t, ht.tab, "/recordings")
	recsShown(t, ht.tab, total)
	protectLiftAll(t, ht.tab) // every 37th row is from an unregistered device
	last := total - 1
	recsEval[any](t, ht.tab, `document.getElementById('recording-list').scrollTop = 1e9`)
	row := fmt.Sprintf(`[data-testid=recording][data-index="%d"]`, last)
	recsWait(t, ht.tab, fmt.Sprintf(`!!document.querySelector('%s')`, row))
	if n := len(recsRows(t, ht.tab)); n >= 100 {
		t.Errorf("end of a list of %d: got %d rows in the DOM, want fewer than 100", total, n)
	}
	start := time.Now()
	if err := chromedp.Do(ht.ctx, chromedp.Click(chromedp.CSS(row))); err != nil {
		t.Fatal(err)
	}
	got := recsPlaying(t, ht.tab, last)
	t.Logf("last recording (item %d): click to playing %v (with the test's polling), readyState %d",
		last, time.Since(start).Round(time.Millisecond), got.ReadyState)
	fx.checkDuration(t, ht.tab, last)
	if last < len(fx.x.Recordings) {
		if want := fx.x.Recordings[last].Transcript().Text; want != "" && got.Transcript != want {
			t.Errorf("player transcript: got %q, want %q (the last record's)", got.Transcript, want)
		}
	}
	peak := recsEval[float64](t, ht.tab, `window.__probe.mem ? window.__probe.mem.buffer.byteLength : 0`)
	t.Logf("wasm memory after playing: %.1f MiB", peak/(1<<20))
	ht.shot(t, "en-huge-playing")
	ht.finish(t, secrets(fx.rep))
}

// hugeBars is how many bars the timeline of x has: a bar per day (UTC, as
// the test's tab) from the first recording's to the last's, grouped into
// bars of several days beyond 400 days (timelineMaxBars).
func hugeBars(fx *nativeExport) int {
	var lo, hi time.Time
	for _, r := range fx.x.Recordings {
		if r.Time.IsZero() {
			continue
		}
		if lo.IsZero() || r.Time.Before(lo) {
			lo = r.Time
		}
		if r.Time.After(hi) {
			hi = r.Time
		}
	}
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	span := int(day(hi).Sub(day(lo)).Hours()/24) + 1
	per := (span + 399) / 400
	return (span + per - 1) / per
}
