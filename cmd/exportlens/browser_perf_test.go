//go:build !wasm

package main

// The browser benchmark opens the generated 1 GB / 10,000-recording export
// (make bench; EXPORTLENS_BIG) in the real app in headless chromium and
// measures, in the page, what the goals name: the time from
// choosing the files to the verdict shown, the wasm memory, and the time
// from clicking a recording to its audio playing.

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// perfInstrument runs in the page before its own scripts. It keeps the Go
// instance's linear memory (wasm_exec.js instantiates through
// WebAssembly.instantiateStreaming or instantiate; Go exports its memory as
// "mem") so the benchmark can read its size. Wasm memory only grows, so its
// size after a step is that step's peak; it is also sampled every 5 ms and
// on every DOM change to show the growth while opening.
const perfInstrument = `(() => {
  const perf = window.__perf = {mem: null, peak: 0, samples: []};
  perf.sample = () => {
    if (!perf.mem) return;
    const n = perf.mem.buffer.byteLength;
    if (n > perf.peak) { perf.peak = n; perf.samples.push([Math.round(performance.now()), n]); }
  };
  const keep = (r) => {
    const inst = r && (r.instance || r);
    if (inst && inst.exports && inst.exports.mem) perf.mem = inst.exports.mem;
    return r;
  };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const fn = WebAssembly[name];
    if (fn) WebAssembly[name] = function (...args) { return fn.apply(this, args).then(keep); };
  }
  setInterval(perf.sample, 5);
})()`

// perfArmOpen records t0 when input#open-files fires 'change' (a capture
// listener on window runs before the app's own) and t1 when the verdict
// element with its data-verdict appears.
const perfArmOpen = `(() => {
  const perf = window.__perf;
  perf.open = {t0: 0, t1: 0, verdict: ''};
  perf.sample();
  perf.startMem = perf.mem ? perf.mem.buffer.byteLength : 0;
  window.addEventListener('change', (e) => {
    if (e.target && e.target.id === 'open-files') perf.open.t0 = performance.now();
  }, {capture: true, once: true});
  const seen = () => {
    perf.sample();
    const v = document.querySelector('[data-testid=verdict][data-verdict]');
    if (v && perf.open.t0 && !perf.open.t1) {
      perf.open.t1 = performance.now();
      perf.open.verdict = v.dataset.verdict;
      perf.open.mem = perf.mem ? perf.mem.buffer.byteLength : 0;
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(seen);
  obs.observe(document.documentElement, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict']});
  return true;
})()`

// perfArmPlay records t0 when a recording row is clicked and t1 when the
// player's <audio> fires 'playing'. A player without autoplay is started
// with play() as soon as it has a source, as a person pressing play would;
// src says when the source arrived.
const perfArmPlay = `(() => {
  const perf = window.__perf;
  perf.play = {t0: 0, src: 0, t1: 0, error: ''};
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('[data-testid=recording]')) perf.play.t0 = performance.now();
  }, {capture: true, once: true});
  document.addEventListener('playing', (e) => {
    if (e.target.dataset && e.target.dataset.testid === 'player' && !perf.play.t1) perf.play.t1 = performance.now();
  }, {capture: true});
  document.addEventListener('error', (e) => {
    if (e.target.dataset && e.target.dataset.testid === 'player') perf.play.error = String(e.target.error && e.target.error.message);
  }, {capture: true});
  const check = () => {
    const a = document.querySelector('audio[data-testid=player]');
    if (!a || !a.getAttribute('src') || !perf.play.t0 || perf.play.src) return;
    perf.play.src = performance.now();
    if (a.paused && !a.autoplay) a.play().catch((err) => { perf.play.error = String(err); });
    obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document.documentElement, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
  return true;
})()`

type perfOpen struct {
	T0      float64 `json:"t0"`
	T1      float64 `json:"t1"`
	Verdict string  `json:"verdict"`
	Mem     float64 `json:"mem"` // wasm memory bytes when the verdict appeared
}

type perfPlay struct {
	T0    float64 `json:"t0"`
	Src   float64 `json:"src"`
	T1    float64 `json:"t1"`
	Error string  `json:"error"`
}

// BenchmarkBrowserOpenBig opens the big export through input#open-files in
// a fresh page per iteration (wasm memory never shrinks, so each iteration
// needs its own instance) and plays its first recording.
func BenchmarkBrowserOpenBig(b *testing.B) {
	files := bigInputs(b)
	env := startBrowser(b)
	var toVerdict, toAudio, toSrc, peak, start float64
	n := 0
	// ns/op is the whole scenario (a fresh tab, loading the app, opening,
	// playing): with the default -benchtime that is one or two iterations.
	// The metrics that matter are measured in the page and reported below.
	for b.Loop() {
		ctx, cancel := chromedp.NewContext(env.browser)
		ctx, cancelTimeout := context.WithTimeout(ctx, 180*time.Second)
		m := perfOpenAndPlay(b, env, ctx, files)
		cancelTimeout()
		cancel()
		toVerdict += m.open.T1 - m.open.T0
		toSrc += m.play.Src - m.play.T0
		toAudio += m.play.T1 - m.play.T0
		peak = max(peak, m.peak)
		start = max(start, m.start)
		n++
	}
	// Memory in MiB (2^20 bytes), as wasm pages count it.
	b.ReportMetric(toVerdict/float64(n), "ms-to-verdict")
	b.ReportMetric(peak/(1<<20), "MB-wasm-peak")
	b.ReportMetric(start/(1<<20), "MB-wasm-start")
	b.ReportMetric(toSrc/float64(n), "ms-click-to-src")
	b.ReportMetric(toAudio/float64(n), "ms-click-to-audio")
}

type perfMeasure struct {
	open        perfOpen
	play        perfPlay
	peak, start float64 // bytes of wasm memory
}

// perfOpenAndPlay loads the app in the tab ctx, opens files, waits for the
// verdict, goes to the recordings and plays the first one.
func perfOpenAndPlay(tb testing.TB, env *browserEnv, ctx context.Context, files []string) perfMeasure {
	tb.Helper()
	var m perfMeasure
	// Console errors fail the run; messages starting with "PERF " (a
	// println left in the app while profiling) are logged.
	var consoleMu sync.Mutex
	var consoleLog []string
	console := chromedp.Console(ctx)
	go func() {
		for msg, err := range console {
			if err != nil {
				return
			}
			consoleMu.Lock()
			switch {
			case msg.Type == chromedp.ConsoleError || msg.IsException():
				consoleLog = append(consoleLog, "error: "+msg.Text)
			case strings.HasPrefix(msg.Text, "PERF "):
				consoleLog = append(consoleLog, msg.Text)
			}
			consoleMu.Unlock()
		}
	}()
	defer func() {
		consoleMu.Lock()
		defer consoleMu.Unlock()
		for _, l := range consoleLog {
			if strings.HasPrefix(l, "error: ") {
				tb.Error(l)
			} else {
				tb.Log(l)
			}
		}
	}()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: perfInstrument}); err != nil {
		tb.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(env.base+"/"),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader"))); err != nil {
		tb.Fatalf("the app did not start: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](perfArmOpen)); err != nil {
		tb.Fatal(err)
	}
	profile := os.Getenv("EXPORTLENS_CPUPROFILE")
	if profile != "" {
		perfProfileStart(tb, ctx)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
		tb.Fatal(err)
	}
	open, err := chromedp.Run(ctx, chromedp.Poll[perfOpen](`window.__perf.open.t1 && window.__perf.open`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(120*time.Second)))
	if err != nil {
		shot(tb, ctx, env.shots, "perf-timeout")
		tb.Fatalf("no verdict shown: %v", err)
	}
	if profile != "" {
		perfProfileStop(tb, ctx, profile)
	}
	m.open = open
	tb.Logf("verdict %q after %.0f ms (t0 %.0f), wasm memory then %.1f MB", open.Verdict, open.T1-open.T0, open.T0, open.Mem/(1<<20))

	// The recordings, reached through the app's link so the export stays open.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a[href="/recordings"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=recording]`))); err != nil {
		tb.Fatalf("recordings: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](perfArmPlay)); err != nil {
		tb.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=recording]`))); err != nil {
		tb.Fatal(err)
	}
	play, err := chromedp.Run(ctx, chromedp.Poll[perfPlay](`(window.__perf.play.t1 || window.__perf.play.error) && window.__perf.play`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		shot(tb, ctx, env.shots, "perf-noaudio")
		tb.Fatalf("no audio played: %v", err)
	}
	if play.Error != "" {
		tb.Fatalf("the player failed: %s", play.Error)
	}
	m.play = play
	tb.Logf("audio source after %.0f ms, playing after %.0f ms", play.Src-play.T0, play.T1-play.T0)

	mem, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Peak    float64     `json:"peak"`
		Start   float64     `json:"start"`
		Samples [][]float64 `json:"samples"`
	}](`(window.__perf.sample(), {peak: window.__perf.peak, start: window.__perf.startMem, samples: window.__perf.samples})`))
	if err != nil {
		tb.Fatal(err)
	}
	if mem.Peak == 0 {
		tb.Fatal("the Go wasm memory was not found (WebAssembly.instantiate* not called?)")
	}
	m.peak, m.start = mem.Peak, mem.Start
	tb.Logf("wasm memory: %.1f MB before opening, peak %.1f MB; growth %v", mem.Start/(1<<20), mem.Peak/(1<<20), mem.Samples)
	shot(tb, ctx, env.shots, "perf-big-player")
	return m
}

// perfProfileStart starts chromium's sampling profiler (JS and wasm). For
// Go function names, build the wasm without -ldflags=-s (its name section).
func perfProfileStart(tb testing.TB, ctx context.Context) {
	tb.Helper()
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		tb.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200}); err != nil {
		tb.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
		tb.Fatal(err)
	}
}

// perfProfileStop writes the profile to path (DevTools opens it as a
// .cpuprofile) and logs the functions with the most samples, on top of the
// stack (self) and anywhere on it (cum).
func perfProfileStop(tb testing.TB, ctx context.Context, path string) {
	tb.Helper()
	res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	if err != nil || res.Profile == nil {
		tb.Fatalf("stopping the profiler: %v", err)
	}
	p := res.Profile
	raw, err := json.Marshal(p)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		tb.Fatal(err)
	}
	parent := map[int64]int64{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	self, cum := map[string]int{}, map[string]int{}
	for _, id := range p.Samples {
		seen := map[string]bool{}
		for cur, first := id, true; ; first = false {
			n := byID[cur]
			if n == nil {
				break
			}
			name := n.CallFrame.FunctionName
			if name == "" {
				name = "(anonymous " + n.CallFrame.URL + ")"
			}
			if first {
				self[name]++
			}
			if !seen[name] {
				seen[name] = true
				cum[name]++
			}
			up, ok := parent[cur]
			if !ok {
				break
			}
			cur = up
		}
	}
	total := len(p.Samples)
	var summary strings.Builder
	top := func(m map[string]int, label string) {
		names := make([]string, 0, len(m))
		for k := range m {
			names = append(names, k)
		}
		slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
		fmt.Fprintf(&summary, "%s (%d samples of 0.2 ms):\n", label, total)
		for _, k := range names[:min(len(names), 60)] {
			fmt.Fprintf(&summary, "  %5.1f%%  %s\n", 100*float64(m[k])/float64(max(total, 1)), k)
		}
	}
	top(self, "self")
	top(cum, "cum")
	if err := os.WriteFile(path+".txt", []byte(summary.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("profile: %s (DevTools), top functions in %s.txt", path, path)
}
