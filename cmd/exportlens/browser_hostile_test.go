//go:build !wasm

package main

// The hostile browser tests open every archive of package hostile in the
// real viewer and watch that the page never dies and keeps answering; and
// they make the wasm really die (out of memory) to see the watchdog
// (web/watchdog.js) say so.

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"exportlens/app/check"
	"exportlens/cmd/mkexport/hostile"
)

// hostileMaxGap is the longest the page may go without running a task while
// it opens a hostile input: the 100 ms, past which a click or a
// keystroke feels ignored.
const hostileMaxGap = 100 * time.Millisecond

// hostileAttempts is how many fresh tabs may try an input for a gap within
// hostileMaxGap.
const hostileAttempts = 3

// hostileKnownSlow names the inputs whose opening still holds the page's
// thread longer than hostileMaxGap, and why. Every input's gap is measured,
// logged against hostileMaxGap and asserted against hostileMarkGap.
//
// Measured on this 2-core machine shared with five other builds (best of 3
// tabs, `CI=1 go test -run 'TestBrowserHostile$'`, six runs): every other
// input 27-95 ms once check.Run, the recordings index and export.Load yield
// and archive.Yield sleeps again after a garbage collection's mark (a busy
// machine adds tens of ms to any input). Before, on main: high-ratio.zip
// 551-898 ms, rows-4gib.zip 317-478, rows-1m.zip 276-302, zeros.zip 153-188,
// nested-deep.zip 95-102 (those two were listed here, now 40-70 ms).
//
// The three left are the budget's biggest exports: it keeps 36,000-40,000
// recordings, 105-111 MiB of live heap (about 2.8 KB and 60 pointers a
// record; measured natively with runtime.ReadMemStats after a GC). Go's wasm
// finishes a garbage collection's mark before it gives the thread back to
// the browser, 60-90 ms in one piece in a Chromium CPU profile
// (gcBgMarkWorker in idle mode), and no yield can split a mark. A smaller
// Recording (sources as indexes, not strings) is the fix.
var hostileKnownSlow = map[string]string{
	"high-ratio.zip": "GC mark of 108 MiB (39,558 recordings): 83-142 ms at best, 125-180 on a busy machine",
	"rows-4gib.zip":  "GC mark of 105 MiB (36,563 recordings): 69-123 ms at best, 110-133 on a busy machine",
	"rows-1m.zip":    "GC mark of 106 MiB (37,810 recordings): 62-100 ms at best, 125 on a busy machine",
}

// hostileMarkGap is the ceiling the test asserts for every input: below
// every gap the inputs had before the pipeline yielded (276-898 ms), so a
// page that stops yielding fails. hostileMaxGap stays the target, logged
// for each input over it: on 2026-12-02 the same build (main at 1bbd6b8)
// that had met it for every input but the three known ones gave best-of-3
// gaps of 133 ms (folders.zip), 145 ms (origin.zip) and 97-156 ms
// (idents.zip) on an idle machine, so a 100 ms assertion fails or passes
// with the host's load, not with the code.
const hostileMarkGap = 250 * time.Millisecond

// hostileProbe runs in the page before its own scripts. It ticks on
// setTimeout(0) (a task, as a click's handler is) and on animation frames,
// and records the longest gap between ticks since the last reset; it also
// keeps the Go instance's linear memory ("mem") and import object, to read
// its size and, in TestBrowserWasmStopped only, to use it up.
const hostileProbe = `(() => {
  const p = window.__probe = {task: 0, frame: 0, lastTask: 0, lastFrame: 0, mem: null, imports: null};
  p.reset = () => { const now = performance.now(); p.task = 0; p.frame = 0; p.lastTask = now; p.lastFrame = now; };
  const task = () => { const now = performance.now(); p.task = Math.max(p.task, now - p.lastTask); p.lastTask = now; setTimeout(task, 0); };
  const frame = (now) => { p.frame = Math.max(p.frame, now - p.lastFrame); p.lastFrame = now; requestAnimationFrame(frame); };
  p.reset();
  setTimeout(task, 0);
  requestAnimationFrame(frame);
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const fn = WebAssembly[name];
    if (!fn) continue;
    WebAssembly[name] = function (source, imports) {
      return fn.apply(this, arguments).then((r) => {
        const inst = r && (r.instance || r);
        if (inst && inst.exports && inst.exports.mem) { p.mem = inst.exports.mem; p.imports = imports; }
        return r;
      });
    };
  }
})()`

// hostileGap is what the probe measured, in milliseconds.
type hostileGap struct {
	Task  float64 `json:"task"`
	Frame float64 `json:"frame"`
	Mem   float64 `json:"mem"`
}

// hostileOutcome is how an open ended.
type hostileOutcome struct {
	Verdict  string   `json:"verdict"`
	Failed   bool     `json:"failed"`
	Canceled bool     `json:"canceled"`
	Stopped  string   `json:"stopped"` // the watchdog's overlay text, if shown
	Messages []string `json:"messages"`
}

// hostileOutcomeJS is an outcome once the page shows one for the open in
// progress: what the open before left on the page is marked data-stale
// (hostileMarkStale) and window.__probe.file names the open's first file,
// so that the verdict of the export opened before does not count.
const hostileOutcomeJS = `(() => {
  const q = (s) => document.querySelector(s + ':not([data-stale])');
  const opened = q('[data-testid=opened]');
  const fresh = !opened || opened.textContent.includes(window.__probe.file || '');
  const v = fresh && q('[data-testid=verdict][data-verdict]');
  const stopped = q('[data-testid=wasm-stopped]');
  const out = {verdict: v ? v.dataset.verdict : '', failed: !!q('[data-testid=open-failed]'),
    canceled: !!q('[data-testid=open-canceled]'), stopped: stopped ? stopped.innerText : '',
    messages: [...document.querySelectorAll('[data-testid=open-error]:not([data-stale]) > p, [data-testid=open-failed]:not([data-stale]) p')].map(e => e.textContent)};
  return (out.verdict || out.failed || out.canceled || out.stopped) ? out : null;
})()`

// hostileTab is a tab with the probe installed and every console line kept.
type hostileTab struct {
	*tab
	mu      sync.Mutex
	console []string
}

func newHostileTab(t *testing.T, env *browserEnv, lang string) *hostileTab {
	t.Helper()
	ht := &hostileTab{tab: env.newTab(t, lang)}
	console := chromedp.Console(ht.ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			ht.mu.Lock()
			ht.console = append(ht.console, fmt.Sprintf("%s: %s", m.Type, m.Text))
			ht.mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ht.ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: hostileProbe}); err != nil {
		t.Fatal(err)
	}
	ht.load(t, "/")
	return ht
}

// died returns the console lines that say the Go program ended.
func (ht *hostileTab) died() []string {
	ht.mu.Lock()
	defer ht.mu.Unlock()
	var out []string
	for _, l := range ht.console {
		if strings.Contains(l, "fatal error") || strings.Contains(l, "exit code") ||
			strings.Contains(l, "Go program has already exited") || strings.Contains(l, "panic:") {
			out = append(out, l)
		}
	}
	return out
}

// openAndMeasure chooses files, waits for the open to end (a verdict, a
// failure, a cancel or the watchdog), and returns the outcome with the
// longest gaps the probe saw meanwhile.
func (ht *hostileTab) openAndMeasure(t *testing.T, files []string, timeout time.Duration) (hostileOutcome, hostileGap, time.Duration) {
	t.Helper()
	if _, err := chromedp.Run(ht.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(window.__probe.reset(), window.__probe.file = %s, document.querySelectorAll('[data-testid=verdict], [data-testid=open-failed], [data-testid=open-canceled], [data-testid=open-error], [data-testid=opened]').forEach((e) => { e.dataset.stale = '1' }), true)`, jsString(filepath.Base(files[0]))))); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := chromedp.Do(ht.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
		t.Fatal(err)
	}
	out, err := chromedp.Run(ht.ctx, chromedp.Poll[hostileOutcome](hostileOutcomeJS,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	took := time.Since(start)
	if err != nil {
		ht.shot(t, "hostile-timeout-"+filepath.Base(files[0]))
		t.Fatalf("the open did not end within %v: %v", timeout, err)
	}
	gap, err := chromedp.Run(ht.ctx, chromedp.Evaluate[hostileGap](
		`({task: window.__probe.task, frame: window.__probe.frame, mem: window.__probe.mem ? window.__probe.mem.buffer.byteLength : 0})`))
	if err != nil {
		t.Fatal(err)
	}
	return out, gap, took
}

// TestBrowserHostile opens every hostile archive in the viewer: the page
// never dies (no watchdog, no fatal error in the console), a message names
// the file when `exportlens check` has something to say about it, the page
// gives the command's verdict or, where the command reads nothing, says
// nothing could be read; the page answers within
// hostileMarkGap throughout (hostileMaxGap is the target, logged), and a
// normal export opens in the same tab afterwards.
func TestBrowserHostile(t *testing.T) {
	env := startBrowser(t)
	dir := t.TempDir()
	normal := fixtureFiles(t, "amazon-clean")
	normalRep := engineReport(t, normal)
	var summary []string
	for _, a := range hostile.Archives() {
		t.Run(a.Name, func(t *testing.T) {
			p := filepath.Join(dir, a.Name)
			if err := os.WriteFile(p, a.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			native := hostileCommand(t, p)
			// Other processes share the two cores: a gap can be theirs. Up
			// to hostileAttempts fresh tabs; the shortest gap counts.
			var ht *hostileTab
			var gaps []string
			best := math.Inf(1)
			limit := float64(hostileMaxGap.Milliseconds())
			for attempt := 1; attempt <= hostileAttempts && best > limit; attempt++ {
				ht = newHostileTab(t, env, "en")
				out, gap, took := ht.openAndMeasure(t, []string{p}, 90*time.Second)
				gaps = append(gaps, fmt.Sprintf("%.0f", gap.Task))
				best = min(best, gap.Task)
				t.Logf("%s attempt %d: %.0f ms to the outcome, longest task gap %.0f ms, frame gap %.0f ms, wasm memory %.0f MiB",
					a.Name, attempt, float64(took.Milliseconds()), gap.Task, gap.Frame, gap.Mem/(1<<20))
				if attempt > 1 {
					continue // the outcome was checked the first time
				}
				ht.shot(t, "hostile-"+a.Name)
				if out.Stopped != "" || len(ht.died()) > 0 {
					t.Fatalf("the page died: overlay %q, console %q", out.Stopped, ht.died())
				}
				switch {
				case native.unreadable && !out.Failed:
					t.Errorf("got verdict %q, want the failure the command reports (%v)", out.Verdict, native.err)
				case !native.unreadable && out.Verdict != native.verdict:
					t.Errorf("got verdict %q (messages %q), want the command's %q", out.Verdict, out.Messages, native.verdict)
				}
				if native.problems > 0 || native.unreadable {
					// "“NAME…” could not be read: REASON." or "… needs a look: REASON."
					named := false
					for _, m := range out.Messages {
						_, reason, ok := strings.Cut(m, ": ")
						named = named || (strings.Contains(m, a.Name) && ok && len(reason) > 3)
					}
					if !named {
						t.Errorf("got messages %q, want one naming %s and the reason (the command reports %d problems, err %v)",
							out.Messages, a.Name, native.problems, native.err)
					}
				}
			}
			summary = append(summary, fmt.Sprintf("%-24s longest task gap %s ms", a.Name, strings.Join(gaps, ", ")))
			// The 100 ms target is logged; the test fails above the ceiling
			// (timing on a shared VM varies by half: see hostileMarkGap).
			if best > limit {
				why, known := hostileKnownSlow[a.Name]
				if !known {
					why = "over the target on this run (attempts: " + strings.Join(gaps, ", ") + " ms)"
				}
				t.Logf("gap over the target: %s held the page %.0f ms at best (target %.0f ms): %s", a.Name, best, limit, why)
				summary = append(summary, fmt.Sprintf("%-24s OVER THE %.0f ms TARGET", a.Name, limit))
			}
			if best > float64(hostileMarkGap.Milliseconds()) {
				t.Errorf("the page did not answer for %.0f ms at best (attempts: %s ms) while opening %s, want at most %v",
					best, strings.Join(gaps, ", "), a.Name, hostileMarkGap)
			}
			// The rest of the app: a normal export opens in the same tab. Its
			// gap is the yardstick of what the app's own rendering costs.
			normalOut, normalGap, _ := ht.openAndMeasure(t, normal, 60*time.Second)
			t.Logf("%-24s amazon-clean afterwards: longest task gap %4.0f ms", a.Name, normalGap.Task)
			if normalOut.Verdict != normalRep.Verdict {
				t.Errorf("opening amazon-clean afterwards: got %+v, want verdict %q", normalOut, normalRep.Verdict)
			}
			if d := ht.died(); len(d) > 0 {
				t.Errorf("the page died afterwards: %q", d)
			}
		})
	}
	t.Logf("hostile inputs in the viewer:\n%s", strings.Join(summary, "\n"))
}

// hostileResult is what `exportlens check` makes of an input: the viewer,
// which runs the same pipeline (app/view), must say the same.
type hostileResult struct {
	unreadable bool   // exit 2: nothing could be read
	verdict    string // else the report's verdict
	problems   int    // and the files it could not read
	err        error  // what the command said on exit 2
}

func hostileCommand(t *testing.T, path string) hostileResult {
	t.Helper()
	var out, errb bytes.Buffer
	if code := runCheck([]string{"--json", path}, &out, &errb); code == check.ExitUnreadable {
		return hostileResult{unreadable: true, err: errors.New(strings.TrimSpace(errb.String()))}
	}
	var r check.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("exportlens check %s: the report is not JSON: %v", path, err)
	}
	return hostileResult{verdict: r.Verdict, problems: len(r.Problems)}
}

// TestBrowserHostileCancel opens an export that takes seconds of CPU to
// open within every limit (manyMembers: 60,000 recordings, each a member
// of its own) and clicks Cancel while it is listed or loaded: reading a
// file that the page holds never waits for the browser, so this needs the
// pipeline to yield. The notice must show within a second of the click, no
// verdict afterwards, and a normal export opens. (The million-row table
// this test opened before is now stopped by the memory budget in about a
// second; an open slowed by a slow disk is TestBrowserOpenCancel's.)
func TestBrowserHostileCancel(t *testing.T) {
	env := startBrowser(t)
	p := filepath.Join(t.TempDir(), "many-members.zip")
	if err := os.WriteFile(p, manyMembers(t), 0o644); err != nil {
		t.Fatal(err)
	}
	normal := fixtureFiles(t, "amazon-clean")
	normalRep := engineReport(t, normal)
	ht := newHostileTab(t, env, "en")
	ht.demosShown(t) // they move the Cancel button when they appear
	if _, err := chromedp.Run(ht.ctx, chromedp.Evaluate[bool](`(window.__probe.reset(), true)`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ht.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), []string{p})); err != nil {
		t.Fatal(err)
	}
	// Into the CPU-bound part: a sixth of the members listed.
	into := fmt.Sprintf(`(() => { const e = document.querySelector('[data-testid=open-progress]'); return !!e && +e.dataset.entries >= %d })()`, cancelMembers/6)
	if _, err := chromedp.Run(ht.ctx, chromedp.Poll[bool](into,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		if out, _ := chromedp.Run(ht.ctx, chromedp.Evaluate[*hostileOutcome](hostileOutcomeJS)); out != nil {
			t.Fatalf("the open ended before Cancel could be clicked: %+v (console %q): the input is too small to test Cancel", *out, ht.died())
		}
		t.Fatalf("no progress with %d entries shown: %v", cancelMembers/6, err)
	}
	if out, _ := chromedp.Run(ht.ctx, chromedp.Evaluate[*hostileOutcome](hostileOutcomeJS)); out != nil {
		if out.Stopped != "" {
			t.Fatalf("the page died before Cancel could be clicked: %q, console %q", out.Stopped, ht.died())
		}
		t.Fatalf("the open ended before Cancel could be clicked: %+v (the input is too small to test Cancel)", *out)
	}
	clicked := time.Now()
	if err := chromedp.Do(ht.ctx, chromedp.Click(chromedp.CSS("[data-testid=open-cancel]"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ht.ctx, chromedp.Poll[bool](`!!document.querySelector('[data-testid=open-canceled]')`,
		chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("no cancelled notice: %v", err)
	}
	took := time.Since(clicked)
	gap, err := chromedp.Run(ht.ctx, chromedp.Evaluate[hostileGap](`({task: window.__probe.task, frame: window.__probe.frame, mem: window.__probe.mem ? window.__probe.mem.buffer.byteLength : 0})`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cancelled %v after the click; longest task gap %.0f ms, frame gap %.0f ms, wasm memory %.0f MiB",
		took.Round(time.Millisecond), gap.Task, gap.Frame, gap.Mem/(1<<20))
	if took > time.Second {
		t.Errorf("the cancelled notice came %v after the click, want within 1 s", took)
	}
	// Long enough for the parse to have ended, had it gone on.
	if err := chromedp.Do(ht.ctx, chromedp.Sleep(3*time.Second)); err != nil {
		t.Fatal(err)
	}
	if v, _ := chromedp.Run(ht.ctx, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid=verdict]').length`)); v != 0 {
		t.Errorf("got %d verdicts after Cancel, want none", v)
	}
	if d := ht.died(); len(d) > 0 {
		t.Fatalf("the page died: %q", d)
	}
	if got := ht.open(t, normal); got != normalRep.Verdict {
		t.Errorf("opening after the cancel: got verdict %q, want %q", got, normalRep.Verdict)
	}
}

// TestBrowserWasmStopped makes the Go program die for real and checks that
// the page says so, in German, with a working reload button.
//
// How it dies, honestly: the test takes the Go instance's linear memory
// (through the probe, which wraps WebAssembly.instantiate* from the test's
// side, as the benchmark does; the app has no hook for this) and grows it
// from JavaScript until the browser refuses more, as a browser that grants
// little memory would. Go does not know of the pages it did not ask for: its
// next heap growth asks the browser for more, is refused, and the runtime
// ends with "fatal error: out of memory" through runtime.wasmExit, exactly
// the path of the dead page. The probe then refreshes wasm_exec.js's
// view of the grown memory (its own import, runtime.resetMemoryDataView, as
// Go calls it after every growth of its own), so that nothing but the
// refused growth can fail.
//
// The memory is taken once the app has warmed up (ui.startWarm), and the
// export opened is manyMembers': the heap the warm-up left holds a small
// export without growing, and the warm-up itself must not be what dies.
func TestBrowserWasmStopped(t *testing.T) {
	env := startBrowser(t)
	p := filepath.Join(t.TempDir(), "Alexa.zip")
	if err := os.WriteFile(p, manyMembers(t), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []string{p}
	rep := engineReport(t, files)
	ht := newHostileTab(t, env, "de")
	if _, err := chromedp.Run(ht.ctx, chromedp.Poll[bool](`performance.getEntriesByName('exportlens:warm').length > 0`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the app did not warm up: %v", err)
	}
	grown, err := chromedp.Run(ht.ctx, chromedp.Evaluate[float64](`(() => {
		const p = window.__probe;
		if (!p.mem) return -1;
		for (let step = 65536; step >= 1;) {
			try { p.mem.grow(step); } catch (e) { step = step >> 1; }
		}
		p.imports.gojs['runtime.resetMemoryDataView'](0);
		return p.mem.buffer.byteLength;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if grown < 0 {
		t.Fatal("the Go wasm memory was not found (WebAssembly.instantiate* not called?)")
	}
	t.Logf("wasm memory grown to %.0f MiB, all the browser grants", grown/(1<<20))
	if err := chromedp.Do(ht.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ht.ctx, chromedp.Poll[string](
		`(() => { const e = document.querySelector('[data-testid=wasm-stopped]'); return e && e.innerText })()`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		ht.shot(t, "de-wasm-stopped-missing")
		t.Fatalf("no overlay after the wasm died (console: %q): %v", ht.died(), err)
	}
	ht.shot(t, "de-wasm-stopped")
	if d := ht.died(); !strings.Contains(strings.Join(d, "\n"), "fatal error: out of memory") {
		t.Errorf("console: got %q, want Go's \"fatal error: out of memory\"", d)
	}
	for _, want := range []string{"ExportLens wurde beendet", "Neu laden", "Zuletzt geöffnet: „" + filepath.Base(files[0])} {
		if !strings.Contains(text, want) {
			t.Errorf("overlay: got %q, want %q in it", text, want)
		}
	}
	info, err := chromedp.Run(ht.ctx, chromedp.Evaluate[[]string](`(() => {
		const box = document.querySelector('[data-testid=wasm-stopped]');
		const b = box.querySelector('button[data-testid=wasm-reload]');
		return [box.parentElement.tagName, box.dataset.reason, b ? b.type : '', document.activeElement === b ? 'focused' : 'not focused'];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"BODY", "exit code 2", "button", "focused"}; strings.Join(info, "|") != strings.Join(want, "|") {
		t.Errorf("overlay: got parent, reason, button, focus %q, want %q", info, want)
	}
	// The reload button starts the app afresh: it opens the export again.
	if err := chromedp.Do(ht.ctx, chromedp.Click(chromedp.CSS("button[data-testid=wasm-reload]"))); err != nil {
		t.Fatal(err)
	}
	// The old document goes away under a poll that started in it: retry.
	started := `!document.querySelector('[data-testid=wasm-stopped]') && !document.getElementById('app-wasm-loader') && !!document.querySelector('input#open-files')`
	for deadline := time.Now().Add(60 * time.Second); ; {
		_, err := chromedp.Run(ht.ctx, chromedp.Poll[bool](started,
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the app did not start again after Reload: %v", err)
		}
		time.Sleep(100 * time.Millisecond) // the old document is being replaced
	}
	if got := ht.open(t, files); got != rep.Verdict {
		t.Errorf("after Reload: got verdict %q, want %q", got, rep.Verdict)
	}
}

// manyMembers is an Amazon-like export whose opening is slow on the CPU and
// still within every limit: a voice profile, and cancelMembers recordings,
// each a tiny stored member in a folder of its own day, with a voice
// history row naming it. Listing, loading and checking them take seconds in
// the viewer; nothing waits for the disk (the file is cached in the page).
func manyMembers(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, method uint16, data []byte) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	var csv strings.Builder
	csv.WriteString("Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n")
	wav := []byte("RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x80\x3e\x00\x00\x02\x00\x10\x00data\x00\x00\x00\x00")
	base := time.Date(2023, 1, 1, 7, 0, 0, 0, time.UTC)
	for i := range cancelMembers {
		at := base.Add(time.Duration(i) * 17 * time.Minute)
		audio := fmt.Sprintf("Alexa.VoiceHistory/audio/%s/utt-%06d.wav", at.Format("2006-01-02"), i)
		fmt.Fprintf(&csv, "%s,A1B2C3D4E5F6G7,G070RQ%010d,A3S5BH2HU6VAYF,Kitchen,UTT-%06d,\"Alexa, what time is it?\",It is seven.,amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,%s\n",
			at.Format("2006-01-02T15:04:05.000Z"), i%7, i, audio)
		add(audio, zip.Store, wav)
	}
	add(voiceHistoryCSV, zip.Deflate, []byte(csv.String()))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cancelMembers is how many recordings manyMembers holds.
const cancelMembers = 30_000
