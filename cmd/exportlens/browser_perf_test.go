//go:build !wasm

package main

// The browser benchmarks open each generated export (make bench;
// EXPORTLENS_BIG, benchShapes) in the real app in headless chromium and
// measure, in the page, what issue 9 names: the time from choosing the
// files to the verdict shown, the wasm memory, the time from clicking a
// recording to its audio playing, the longest main-thread task and
// heartbeat gap while opening, the app's own stage timings when it marks
// them, and how soon Cancel answers; each time also as a multiple of the
// floor (floorJS) measured in the same tab.

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
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// perfInstrument runs in the page before its own scripts. It keeps the Go
// instance's linear memory (wasm_exec.js instantiates through
// WebAssembly.instantiateStreaming or instantiate; Go exports its memory as
// "mem") so the benchmark can read its size. Wasm memory only grows, so its
// size after a step is that step's peak; it is also sampled every 5 ms and
// on every DOM change to show the growth while opening. It collects the
// page's long tasks (over 50 ms, as the browser reports them) from the
// start, and offers a heartbeat (beatStart, beatStop): a MessageChannel
// ticker, which a busy main thread delays as it delays a click, and an
// animation-frame ticker, each keeping its longest gap.
const perfInstrument = `(() => {
  const perf = window.__perf = {mem: null, peak: 0, samples: [], long: [], beat: null};
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
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.long.push([e.startTime, e.duration]);
    }).observe({type: 'longtask', buffered: true});
  } catch (e) { perf.longUnsupported = String(e); }
  perf.beatStart = () => {
    const now = performance.now();
    const b = perf.beat = {on: true, task: 0, frame: 0, lastTask: now, lastFrame: 0};
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      const t = performance.now();
      b.task = Math.max(b.task, t - b.lastTask);
      b.lastTask = t;
      if (b.on) ch.port2.postMessage(0);
    };
    ch.port2.postMessage(0);
    const frame = (t) => {
      if (b.lastFrame) b.frame = Math.max(b.frame, t - b.lastFrame);
      b.lastFrame = t;
      if (b.on) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  perf.beatStop = () => { if (perf.beat) perf.beat.on = false; };
})()`

// perfArmOpen records t0 when input#open-files fires 'change' (a capture
// listener on window runs before the app's own), keeps the chosen Files
// for the floor and starts the heartbeat; t1 is when the verdict element
// with its data-verdict appears, which stops the heartbeat.
const perfArmOpen = `(() => {
  const perf = window.__perf;
  perf.open = {t0: 0, t1: 0, verdict: ''};
  perf.sample();
  perf.startMem = perf.mem ? perf.mem.buffer.byteLength : 0;
  window.addEventListener('change', (e) => {
    if (!e.target || e.target.id !== 'open-files') return;
    perf.open.t0 = performance.now();
    perf.files = Array.from(e.target.files);
    perf.beatStart();
  }, {capture: true, once: true});
  const seen = () => {
    perf.sample();
    const v = document.querySelector('[data-testid=verdict][data-verdict]');
    if (v && perf.open.t0 && !perf.open.t1) {
      perf.open.t1 = performance.now();
      perf.beatStop();
      perf.open.verdict = v.dataset.verdict;
      perf.open.mem = perf.mem ? perf.mem.buffer.byteLength : 0;
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(seen);
  obs.observe(document.documentElement, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict']});
  return true;
})()`

// perfOpenResult is what the page measured of one open: the longest long
// task that overlapped it, the heartbeat's longest gaps, and the app's
// "exportlens:" performance.measure entries (none until the app marks its
// stages); each long task also with when it began after the choice and the
// stage it overlapped most.
const perfOpenResult = `(() => {
  const perf = window.__perf, o = perf.open;
  const long = perf.long.filter(([s, d]) => s + d > o.t0 && s < o.t1);
  const stages = {}, spans = [];
  for (const e of performance.getEntriesByType('measure')) {
    if (!e.name.startsWith('exportlens:')) continue;
    const name = e.name.slice('exportlens:'.length);
    stages[name] = (stages[name] || 0) + e.duration;
    spans.push([name, e.startTime, e.startTime + e.duration]);
  }
  const tasks = long.map(([s, d]) => {
    let best = '', most = 0;
    for (const [name, a, b] of spans) {
      const over = Math.min(b, s + d) - Math.max(a, s);
      if (over > most) { best = name; most = over; }
    }
    return {at: Math.round(s - o.t0), ms: Math.round(d), stage: best};
  });
  return {longest: Math.max(0, ...long.map(([, d]) => d)), longCount: long.length, longUnsupported: perf.longUnsupported || '',
    beatTask: perf.beat ? perf.beat.task : 0, beatFrame: perf.beat ? perf.beat.frame : 0, stages, tasks};
})()`

// perfArmPlay records t0 when a recording row is clicked and t1 when the
// player's <audio> fires 'playing'. A player without autoplay is started
// with play() as soon as it has a source, as a person pressing play would;
// src says when the source arrived.
const perfArmPlay = `(() => {
  const perf = window.__perf;
  perf.play = {t0: 0, src: 0, t1: 0, error: ''};
  window.addEventListener('click', (e) => { // before any listener of the page
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

// perfTasks is perfOpenResult's answer, in milliseconds.
type perfTasks struct {
	Longest         float64            `json:"longest"`
	LongCount       int                `json:"longCount"`
	LongUnsupported string             `json:"longUnsupported"`
	BeatTask        float64            `json:"beatTask"`
	BeatFrame       float64            `json:"beatFrame"`
	Stages          map[string]float64 `json:"stages"`
	Tasks           []perfLongTask     `json:"tasks"`
}

// perfLongTask is one long task of an open: when it began after the
// choice, how long it took, and the stage it overlapped most.
type perfLongTask struct {
	At    float64 `json:"at"`
	MS    float64 `json:"ms"`
	Stage string  `json:"stage"`
}

type perfPlay struct {
	T0    float64 `json:"t0"`
	Src   float64 `json:"src"`
	T1    float64 `json:"t1"`
	Error string  `json:"error"`
}

// perfFloor is floorJS's answer.
type perfFloor struct {
	MS      float64 `json:"ms"`
	Entries int     `json:"entries"`
}

// BenchmarkBrowserOpenBig opens each generated export through
// input#open-files in a fresh tab per iteration (wasm memory never
// shrinks, so each iteration needs its own instance), plays its first
// recording (stored, or deflated in the deflated shape) and then reads the
// floor in the same tab. Run it with -benchtime 3x or more: ns/op is the
// whole scenario (a fresh tab, loading the app, opening, playing); the
// metrics that matter are measured in the page and reported as averages,
// the memory and the longest task as the largest of the iterations.
func BenchmarkBrowserOpenBig(b *testing.B) {
	env := startBrowser(b)
	eachShape(b, func(b *testing.B, s benchShape) {
		native, err := zipDirectoryEntries(s.Files)
		if err != nil {
			b.Fatal(err)
		}
		var sum perfSums
		for b.Loop() {
			ctx, cancel := chromedp.NewContext(env.browser)
			ctx, cancelTimeout := context.WithTimeout(ctx, 300*time.Second)
			m := perfOpenAndPlay(b, env, ctx, s.Files)
			cancelTimeout()
			cancel()
			if m.floor.Entries != native {
				b.Fatalf("floor: the page counted %d entries, archive/zip %d", m.floor.Entries, native)
			}
			if s.Verdict != "" && m.open.Verdict != s.Verdict {
				b.Errorf("verdict %q, want %q (planted.json)", m.open.Verdict, s.Verdict)
			}
			sum.add(m)
		}
		sum.report(b)
	})
}

// perfSums adds up the iterations of one shape.
type perfSums struct {
	n                                       int
	verdict, floor, src, audio, beat, frame float64
	xVerdict, xAudio, audioFloor, xAudioF   float64
	longest, peak, start                    float64
	stages                                  map[string]float64
}

func (s *perfSums) add(m perfMeasure) {
	s.n++
	s.verdict += m.open.T1 - m.open.T0
	s.floor += m.floor.MS
	s.xVerdict += (m.open.T1 - m.open.T0) / m.floor.MS
	s.src += m.play.Src - m.play.T0
	s.audio += m.play.T1 - m.play.T0
	s.xAudio += (m.play.T1 - m.play.T0) / m.floor.MS
	s.audioFloor += m.audioFloor
	s.xAudioF += (m.play.T1 - m.play.T0) / m.audioFloor
	s.beat = max(s.beat, m.tasks.BeatTask)
	s.frame = max(s.frame, m.tasks.BeatFrame)
	s.longest = max(s.longest, m.tasks.Longest)
	s.peak = max(s.peak, m.peak)
	s.start = max(s.start, m.start)
	for k, v := range m.tasks.Stages {
		if s.stages == nil {
			s.stages = map[string]float64{}
		}
		s.stages[k] += v
	}
}

// report gives the averages (times) and the largest values (memory, the
// longest task and gaps) as metrics; memory in MiB (2^20 bytes), as wasm
// pages count it.
func (s *perfSums) report(b *testing.B) {
	n := float64(s.n)
	b.ReportMetric(s.verdict/n, "ms-to-verdict")
	b.ReportMetric(s.floor/n, "ms-floor")
	b.ReportMetric(s.xVerdict/n, "x-floor-verdict")
	b.ReportMetric(s.peak/(1<<20), "MB-wasm-peak")
	b.ReportMetric(s.start/(1<<20), "MB-wasm-start")
	b.ReportMetric(s.src/n, "ms-click-to-src")
	b.ReportMetric(s.audio/n, "ms-click-to-audio")
	b.ReportMetric(s.xAudio/n, "x-floor-audio")
	b.ReportMetric(s.audioFloor/n, "ms-audio-floor")
	b.ReportMetric(s.xAudioF/n, "x-audio-floor")
	b.ReportMetric(s.longest, "ms-longest-task")
	b.ReportMetric(s.beat, "ms-heartbeat-gap")
	b.ReportMetric(s.frame, "ms-frame-gap")
	for k, v := range s.stages {
		b.ReportMetric(v/n, "ms-stage-"+k)
	}
}

type perfMeasure struct {
	open        perfOpen
	tasks       perfTasks
	play        perfPlay
	floor       perfFloor
	peak, start float64 // bytes of wasm memory
	audioFloor  float64 // ms, perfAudioFloor
}

// perfConsole fails tb for console errors of the tab ctx and logs the
// messages starting with "PERF " (a println left in the app while
// profiling) when the returned function is called.
func perfConsole(tb testing.TB, ctx context.Context) (flush func()) {
	var mu sync.Mutex
	var lines []string
	console := chromedp.Console(ctx)
	go func() {
		for msg, err := range console {
			if err != nil {
				return
			}
			mu.Lock()
			switch {
			case msg.Type == chromedp.ConsoleError || msg.IsException():
				lines = append(lines, "error: "+msg.Text)
			case strings.HasPrefix(msg.Text, "PERF "):
				lines = append(lines, msg.Text)
			}
			mu.Unlock()
		}
	}()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		for _, l := range lines {
			if strings.HasPrefix(l, "error: ") {
				tb.Error(l)
			} else {
				tb.Log(l)
			}
		}
	}
}

// perfLoad loads the app instrumented (perfInstrument, floorJS) in the
// tab ctx and waits until it has started and warmed up (ui.startWarm: a
// person takes longer than that to choose the files; the early-pick test
// covers the person who is faster).
func perfLoad(tb testing.TB, env *browserEnv, ctx context.Context) {
	tb.Helper()
	for _, src := range []string{perfInstrument, floorJS} {
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(env.base+"/"),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader"))); err != nil {
		tb.Fatalf("the app did not start: %v", err)
	}
	if os.Getenv("EXPORTLENS_COLD") != "" {
		return // measure the open of a page that has not warmed up
	}
	warm, err := chromedp.Run(ctx, chromedp.Poll[float64](`(performance.getEntriesByName('exportlens:warm')[0] || {}).duration`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		tb.Fatalf("the app did not warm up: %v", err)
	}
	tb.Logf("warmed up in %.0f ms", warm)
}

// perfAudioFloorJS plays a 3 s WAV made in the page, from a blob: URL, in a
// new <audio> five times and returns each time from setting its source to
// 'playing': what the browser itself needs to start a sound in this tab.
const perfAudioFloorJS = `(async () => {
  const n = 16000 * 3, buf = new ArrayBuffer(44 + 2 * n), d = new DataView(buf);
  const w = (o, t) => { for (let i = 0; i < t.length; i++) d.setUint8(o + i, t.charCodeAt(i)); };
  w(0, 'RIFF'); d.setUint32(4, 36 + 2 * n, true); w(8, 'WAVEfmt '); d.setUint32(16, 16, true); d.setUint16(20, 1, true); d.setUint16(22, 1, true);
  d.setUint32(24, 16000, true); d.setUint32(28, 32000, true); d.setUint16(32, 2, true); d.setUint16(34, 16, true); w(36, 'data'); d.setUint32(40, 2 * n, true);
  for (let i = 0; i < n; i++) d.setInt16(44 + 2 * i, Math.round(8000 * Math.sin(i / 10)), true);
  const out = [];
  for (let i = 0; i < 5; i++) {
    const u = URL.createObjectURL(new Blob([buf], {type: 'audio/wav'}));
    const a = new Audio();
    const playing = new Promise((res, rej) => { a.addEventListener('playing', res, {once: true}); a.addEventListener('error', () => rej(a.error), {once: true}); });
    const t0 = performance.now();
    a.src = u;
    a.play().catch(() => {});
    await playing;
    out.push(performance.now() - t0);
    a.pause(); a.removeAttribute('src'); a.load(); URL.revokeObjectURL(u);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
})()`

// perfAudioFloor is the median of perfAudioFloorJS's five times, in ms: the
// floor of click to audio, measured in the same tab before the click.
func perfAudioFloor(tb testing.TB, ctx context.Context) float64 {
	tb.Helper()
	ts, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](perfAudioFloorJS, chromedp.EvalAwaitPromise))
	if err != nil || len(ts) == 0 {
		tb.Fatalf("the audio floor: %v", err)
	}
	slices.Sort(ts)
	return ts[len(ts)/2]
}

// perfReadFloor runs floorJS on the files chosen last, three times, and
// returns the fastest run: the floor is what reading can do at best.
func perfReadFloor(tb testing.TB, ctx context.Context) perfFloor {
	tb.Helper()
	var best perfFloor
	for i := range 3 {
		f, err := chromedp.Run(ctx, chromedp.Evaluate[perfFloor](`window.__floor(window.__perf.files)`, chromedp.EvalAwaitPromise))
		if err != nil {
			tb.Fatalf("floor: %v", err)
		}
		if i == 0 || f.MS < best.MS {
			best = f
		}
	}
	return best
}

// perfOpenAndPlay loads the app in the tab ctx, opens files, waits for the
// verdict, goes to the recordings and plays the first one, then reads the
// floor of the same files.
func perfOpenAndPlay(tb testing.TB, env *browserEnv, ctx context.Context, files []string) perfMeasure {
	tb.Helper()
	var m perfMeasure
	defer perfConsole(tb, ctx)()
	perfLoad(tb, env, ctx)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](perfArmOpen)); err != nil {
		tb.Fatal(err)
	}
	profile := os.Getenv("EXPORTLENS_CPUPROFILE")
	if profile != "" {
		perfProfileStart(tb, ctx)
	}
	before := perfThread(tb, ctx)
	trace := perfTraceStart(tb, ctx)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
		tb.Fatal(err)
	}
	open, err := chromedp.Run(ctx, chromedp.Poll[perfOpen](`window.__perf.open.t1 && window.__perf.open`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(240*time.Second)))
	if err != nil {
		shot(tb, ctx, env.shots, "perf-timeout")
		tb.Fatalf("no verdict shown: %v", err)
	}
	thread := perfThread(tb, ctx)
	trace.stop(tb, ctx)
	if profile != "" {
		perfProfileStop(tb, ctx, profile)
	}
	m.open = open
	tasks, err := chromedp.Run(ctx, chromedp.Evaluate[perfTasks](perfOpenResult))
	if err != nil {
		tb.Fatal(err)
	}
	if tasks.LongUnsupported != "" {
		tb.Logf("no long tasks observed: %s", tasks.LongUnsupported)
	}
	m.tasks = tasks
	tb.Logf("verdict %q after %.0f ms (t0 %.0f), wasm memory then %.1f MB; %d long tasks, the longest %.0f ms; heartbeat gap %.0f ms, frame gap %.0f ms",
		open.Verdict, open.T1-open.T0, open.T0, open.Mem/(1<<20), tasks.LongCount, tasks.Longest, tasks.BeatTask, tasks.BeatFrame)
	if len(tasks.Stages) > 0 {
		tb.Logf("the app's stages (ms): %v", tasks.Stages)
	}
	tb.Logf("the renderer's main thread from the choice to a moment after the verdict (ms): %s", thread.since(before))
	if len(tasks.Tasks) > 0 {
		var b strings.Builder
		for _, t := range tasks.Tasks {
			fmt.Fprintf(&b, " %.0f ms at %.0f (%s);", t.MS, t.At, cmp.Or(t.Stage, "no stage"))
		}
		tb.Logf("long tasks:%s", strings.TrimSuffix(b.String(), ";"))
	}

	// The recordings, reached through the app's link so the export stays open.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a[href="/recordings"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=recording]`))); err != nil {
		tb.Fatalf("recordings: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](perfArmPlay)); err != nil {
		tb.Fatal(err)
	}
	m.audioFloor = perfAudioFloor(tb, ctx)
	// EXPORTLENS_CLICKPROFILE names a file for the CPU profile of the click
	// until the audio plays.
	cprof := os.Getenv("EXPORTLENS_CLICKPROFILE")
	if cprof != "" {
		perfProfileStart(tb, ctx)
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
	if cprof != "" {
		perfProfileStop(tb, ctx, cprof)
	}
	tb.Logf("audio source after %.0f ms, playing after %.0f ms; a bare <audio> of the tab plays after %.1f ms", play.Src-play.T0, play.T1-play.T0, m.audioFloor)

	// The app's own measures of the click: making the audio's URL (reading
	// its header, or inflating it) and until the player has it.
	if st, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`(() => {
  const out = {};
  for (const e of performance.getEntriesByType('measure')) if (e.name.startsWith('exportlens:audio')) out[e.name.slice(11)] = e.duration;
  return out;
})()`)); err == nil && len(st) > 0 {
		tb.Logf("the app's audio stages (ms): %v", st)
	}

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
	m.floor = perfReadFloor(tb, ctx)
	tb.Logf("floor: %d entries in %.1f ms; verdict %.1f× that", m.floor.Entries, m.floor.MS, (open.T1-open.T0)/m.floor.MS)
	return m
}

// perfThreadTimes are the renderer main thread's cumulative times
// (Performance.getMetrics, seconds): all its tasks, and of them layout and
// style. (Its ScriptDuration is not used: it counted 278 ms where a trace
// of the same opening had 434 ms in v8.callFunction, the wasm's own time.)
type perfThreadTimes struct{ task, layout, style float64 }

func perfThread(tb testing.TB, ctx context.Context) perfThreadTimes {
	tb.Helper()
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		tb.Fatal(err)
	}
	res, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		tb.Fatal(err)
	}
	var t perfThreadTimes
	for _, m := range res.Metrics {
		switch m.Name {
		case "TaskDuration":
			t.task = m.Value
		case "LayoutDuration":
			t.layout = m.Value
		case "RecalcStyleDuration":
			t.style = m.Value
		}
	}
	return t
}

// since is what the thread spent between before and t, in ms.
func (t perfThreadTimes) since(before perfThreadTimes) string {
	ms := func(a, b float64) float64 { return 1000 * (a - b) }
	return fmt.Sprintf("busy %.0f, of it layout %.0f and style %.0f", ms(t.task, before.task), ms(t.layout, before.layout), ms(t.style, before.style))
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
