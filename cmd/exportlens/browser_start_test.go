//go:build !wasm

package main

// BenchmarkBrowserStart: how soon the home page is useful, measured in the
// page in headless chromium with an empty cache: its first paint, when its
// prerendered file inputs work (web/early.js keeps a choice from then on),
// when the Go program runs (go-app removes its loader), the main thread's
// long tasks in between, and from them the total blocking time and the time
// to interactive as Lighthouse defines them (the end of the last long task
// before a quiet window; here 3 s after the app started, with no network
// left to wait for on loopback).

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// startInstrument runs before the page's own scripts: it collects every
// long task from the start, when the wasm is compiled and instantiated
// (instantiateStreaming resolves) and when the loader leaves the page.
const startInstrument = `(() => {
  const s = window.__start = {long: [], app: 0};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) s.long.push([e.startTime, e.duration]);
  }).observe({type: 'longtask', buffered: true});
  const watch = () => {
    if (!s.seen && document.getElementById('app-wasm-loader')) s.seen = true;
    if (s.seen && !s.app && !document.getElementById('app-wasm-loader')) s.app = performance.now();
  };
  const fn = WebAssembly.instantiateStreaming;
  if (fn) WebAssembly.instantiateStreaming = function (...args) {
    return fn.apply(this, args).then((r) => { s.wasmDone = performance.now(); return r; });
  };
  new MutationObserver(watch).observe(document, {subtree: true, childList: true});
})()`

// startResult is what the page measured, in milliseconds since navigation.
const startResult = `(() => {
  const s = window.__start;
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0;
  let tbt = 0, lastEnd = 0, longest = 0;
  for (const [start, d] of s.long) {
    longest = Math.max(longest, d);
    if (start + d <= fcp) continue;
    tbt += Math.max(0, d - 50);
    lastEnd = Math.max(lastEnd, start + d);
  }
  return {fcp, ready: nav.domContentLoadedEventEnd, app: s.app, tbt, longest, long: s.long.length,
    tti: Math.max(fcp, nav.domContentLoadedEventEnd, lastEnd), wasm: s.wasmDone || 0};
})()`

type startMeasure struct {
	FCP     float64 `json:"fcp"`
	Ready   float64 `json:"ready"`
	App     float64 `json:"app"`
	TBT     float64 `json:"tbt"`
	TTI     float64 `json:"tti"`
	Longest float64 `json:"longest"`
	Long    int     `json:"long"`
	Wasm    float64 `json:"wasm"`
}

// BenchmarkBrowserStart loads the home page in a fresh tab per iteration,
// on this machine's CPU and on one slowed down 4× (as Lighthouse's mobile
// run does): cold, the cache and the service worker bypassed (a first
// visit), and warm, after a first load in the same tab (a visit once the
// app is cached, as the service worker keeps it for offline use). Run with
// -benchtime 5x or more; the metrics are averages of the iterations, the
// longest task the largest.
func BenchmarkBrowserStart(b *testing.B) {
	env := startBrowser(b)
	for _, c := range []struct {
		name string
		rate float64
		warm bool
	}{{"cold/cpu=1x", 1, false}, {"cold/cpu=4x", 4, false}, {"warm/cpu=1x", 1, true}, {"warm/cpu=4x", 4, true}} {
		b.Run(c.name, func(b *testing.B) {
			var sum startMeasure
			n := 0
			for b.Loop() {
				m := startOnce(b, env, c.rate, c.warm)
				n++
				sum.FCP += m.FCP
				sum.Ready += m.Ready
				sum.App += m.App
				sum.Wasm += m.Wasm
				sum.TBT += m.TBT
				sum.TTI += m.TTI
				sum.Long += m.Long
				sum.Longest = max(sum.Longest, m.Longest)
			}
			f := float64(n)
			b.ReportMetric(sum.FCP/f, "ms-first-paint")
			b.ReportMetric(sum.Ready/f, "ms-inputs-ready")
			b.ReportMetric(sum.Wasm/f, "ms-wasm-compiled")
			b.ReportMetric(sum.App/f, "ms-app-running")
			b.ReportMetric(sum.TTI/f, "ms-interactive")
			b.ReportMetric(sum.TBT/f, "ms-blocking")
			b.ReportMetric(sum.Longest, "ms-longest-task")
			b.ReportMetric(float64(sum.Long)/f, "long-tasks")
		})
	}
}

func startOnce(b *testing.B, env *browserEnv, rate float64, warm bool) startMeasure {
	b.Helper()
	ctx, cancel := chromedp.NewContext(env.browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 120*time.Second)
	defer cancelTimeout()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		b.Fatal(err)
	}
	if warm {
		if err := chromedp.Do(ctx, chromedp.Navigate(env.base+"/"), chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader"))); err != nil {
			b.Fatalf("the first load: %v", err)
		}
		// The service worker has cached the app once it is active.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
			b.Fatalf("the service worker: %v", err)
		}
	} else {
		if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			b.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate}); err != nil {
		b.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: startInstrument}); err != nil {
		b.Fatal(err)
	}
	// EXPORTLENS_CPUPROFILE=file profiles the load (the wasm's function
	// names need a build without -s -w).
	prof := os.Getenv("EXPORTLENS_CPUPROFILE")
	if prof != "" {
		perfProfileStart(b, ctx)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(env.base+"/"),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")), chromedp.Sleep(3*time.Second)); err != nil {
		b.Fatalf("the home page: %v", err)
	}
	if prof != "" {
		perfProfileStop(b, ctx, prof)
	}
	m, err := chromedp.Run(ctx, chromedp.Evaluate[startMeasure](startResult))
	if err != nil {
		b.Fatal(err)
	}
	if m.App == 0 || m.FCP == 0 {
		b.Fatalf("the page measured no start (%+v)", m)
	}
	return m
}
