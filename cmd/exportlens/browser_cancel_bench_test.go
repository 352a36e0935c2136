//go:build !wasm

package main

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// perfCancelAfter is when, after the files were chosen, the benchmark
// clicks Cancel: well inside the opening of the big exports.
const perfCancelAfter = 300 * time.Millisecond

// perfArmCancel records when the files are chosen (t0), when the mouse
// button went down on Cancel (click: the event's own time stamp, taken
// when the browser received it, so a busy main thread's delay in handling
// it counts), when the cancelled notice appeared (t1) and when the progress
// went away (gone); and a verdict, should the open end first.
const perfArmCancel = `(() => {
  const perf = window.__perf;
  const c = perf.cancel = {t0: 0, click: 0, t1: 0, gone: 0, verdict: '', verdictAt: 0};
  window.addEventListener('change', (e) => {
    if (!e.target || e.target.id !== 'open-files') return;
    c.t0 = performance.now();
    perf.files = Array.from(e.target.files);
  }, {capture: true, once: true});
  document.addEventListener('mousedown', (e) => {
    if (!c.click && e.target.closest && e.target.closest('[data-testid=open-cancel]')) c.click = e.timeStamp;
  }, {capture: true});
  const seen = () => {
    const now = performance.now();
    const v = document.querySelector('[data-testid=verdict][data-verdict]');
    if (v && !c.verdict) { c.verdict = v.dataset.verdict; c.verdictAt = now; }
    if (!c.click) return;
    if (!c.gone && !document.querySelector('[data-testid=open-progress]')) c.gone = now;
    if (!c.t1 && document.querySelector('[data-testid=open-canceled]')) c.t1 = now;
  };
  new MutationObserver(seen).observe(document.documentElement, {subtree: true, childList: true, attributes: true});
  return true;
})()`

// perfCancelTarget is where the Cancel button is once perfCancelAfter has
// passed since the files were chosen; ended when a verdict came first.
const perfCancelTarget = `(() => {
  const c = window.__perf.cancel;
  if (c.verdict) return {ended: true, at: c.verdictAt - c.t0};
  const b = document.querySelector('[data-testid=open-cancel]');
  if (!b || !c.t0 || performance.now() - c.t0 < %d) return null;
  const r = b.getBoundingClientRect();
  return {x: r.x + r.width / 2, y: r.y + r.height / 2, at: performance.now() - c.t0};
})()`

type perfCancel struct {
	T0        float64 `json:"t0"`
	Click     float64 `json:"click"`
	T1        float64 `json:"t1"`
	Gone      float64 `json:"gone"`
	Verdict   string  `json:"verdict"`
	VerdictAt float64 `json:"verdictAt"`
}

// BenchmarkBrowserCancel starts opening each generated export in a fresh
// tab, clicks Cancel perfCancelAfter later and measures, in the page, the
// time from the mouse press to the cancelled notice (ms-cancel) and to the
// progress gone (ms-cancel-progress), and as a multiple of the floor read
// in the same tab afterwards. Exports that open before the click report
// no cancel metric (the log says so); the biggest ones are the point.
func BenchmarkBrowserCancel(b *testing.B) {
	env := startBrowser(b)
	eachShape(b, func(b *testing.B, s benchShape) {
		var sum, gone, clickedAt, floor, x float64
		n, ended := 0, 0
		for b.Loop() {
			ctx, cancel := chromedp.NewContext(env.browser)
			ctx, cancelTimeout := context.WithTimeout(ctx, 120*time.Second)
			c, f, ok := perfOpenAndCancel(b, env, ctx, s.Files)
			cancelTimeout()
			cancel()
			if !ok {
				ended++
				continue
			}
			n++
			sum += c.T1 - c.Click
			gone += c.Gone - c.Click
			clickedAt += c.Click - c.T0
			floor += f.MS
			x += (c.T1 - c.Click) / f.MS
		}
		if n == 0 {
			b.Logf("every open (%d) ended before Cancel could be clicked: nothing to measure", ended)
			return
		}
		if ended > 0 {
			b.Logf("%d of %d opens ended before Cancel could be clicked", ended, ended+n)
		}
		k := float64(n)
		b.ReportMetric(sum/k, "ms-cancel")
		b.ReportMetric(gone/k, "ms-cancel-progress")
		b.ReportMetric(clickedAt/k, "ms-clicked-at")
		b.ReportMetric(floor/k, "ms-floor")
		b.ReportMetric(x/k, "x-floor-cancel")
	})
}

// perfOpenAndCancel loads the app in ctx, chooses files, clicks Cancel
// after perfCancelAfter and waits for the cancelled notice; ok is false
// when the open ended first. It then reads the floor of the files.
func perfOpenAndCancel(tb testing.TB, env *browserEnv, ctx context.Context, files []string) (perfCancel, perfFloor, bool) {
	tb.Helper()
	defer perfConsole(tb, ctx)()
	perfLoad(tb, env, ctx)
	// The demo buttons move the Cancel button when they appear.
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("button[data-demo]"))); err != nil {
		tb.Fatalf("no demo buttons shown: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](perfArmCancel)); err != nil {
		tb.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
		tb.Fatal(err)
	}
	type target struct {
		X, Y, At float64
		Ended    bool
	}
	js := fmt.Sprintf(perfCancelTarget, perfCancelAfter.Milliseconds())
	at, err := chromedp.Run(ctx, chromedp.Poll[target](js,
		chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		shot(tb, ctx, env.shots, "perf-cancel-noprogress")
		tb.Fatalf("no Cancel button while opening: %v", err)
	}
	if at.Ended {
		tb.Logf("the open ended %.0f ms after choosing, before Cancel", at.At)
		return perfCancel{}, perfFloor{}, false
	}
	clicked := time.Now()
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(at.X, at.Y)); err != nil {
		tb.Fatal(err)
	}
	c, err := chromedp.Run(ctx, chromedp.Poll[perfCancel](`(() => { const c = window.__perf.cancel; return (c.t1 && c.gone || c.verdict) ? c : null })()`,
		chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		shot(tb, ctx, env.shots, "perf-cancel-timeout")
		tb.Fatalf("no cancelled notice %v after the click: %v", time.Since(clicked).Round(time.Millisecond), err)
	}
	if c.Click == 0 || c.T1 == 0 {
		tb.Logf("the open ended (verdict %q, %.0f ms after choosing) before the click at %.0f ms was handled", c.Verdict, c.VerdictAt-c.T0, at.At)
		return perfCancel{}, perfFloor{}, false
	}
	if c.Verdict != "" {
		tb.Errorf("a verdict (%q) was shown after Cancel", c.Verdict)
	}
	tb.Logf("Cancel pressed %.0f ms after choosing; the notice %.0f ms later, the progress gone after %.0f ms (%v on the test's clock)",
		c.Click-c.T0, c.T1-c.Click, c.Gone-c.Click, time.Since(clicked).Round(time.Millisecond))
	return c, perfReadFloor(tb, ctx), true
}
