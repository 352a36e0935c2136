//go:build !wasm

package main

// EXPORTLENS_TRACE=file makes BenchmarkBrowserOpenBig record a Chrome trace
// of each opening (the Tracing domain: the timeline's and V8's wasm
// events), write it to file (DevTools and Perfetto open it) and log what
// the renderer's main thread did: the time in each kind of event, and the
// wasm functions V8 compiled on it as they first ran (wasm.CompileLazy).

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

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// perfTrace collects one trace's events.
type perfTrace struct {
	path   string
	mu     sync.Mutex
	events []json.RawMessage
	done   chan struct{}
}

// traceEvent is what the summary reads of a trace event.
type traceEvent struct {
	Name string  `json:"name"`
	Ph   string  `json:"ph"`
	Pid  int64   `json:"pid"`
	Tid  int64   `json:"tid"`
	Dur  float64 `json:"dur"` // µs
	Args struct {
		Name string `json:"name"`
	} `json:"args"`
}

// perfTraceStart starts a trace when EXPORTLENS_TRACE is set (nil otherwise).
func perfTraceStart(tb testing.TB, ctx context.Context) *perfTrace {
	tb.Helper()
	path := os.Getenv("EXPORTLENS_TRACE")
	if path == "" {
		return nil
	}
	t := &perfTrace{path: path, done: make(chan struct{})}
	var once sync.Once
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			t.mu.Lock()
			for _, v := range e.Value {
				if b, err := json.Marshal(v); err == nil {
					t.events = append(t.events, b)
				}
			}
			t.mu.Unlock()
		case *tracing.EventTracingComplete:
			once.Do(func() { close(t.done) })
		}
	}); err != nil {
		tb.Fatal(err)
	}
	cats := []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "blink", "toplevel"}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{IncludedCategories: cats}}); err != nil {
		tb.Fatal(err)
	}
	return t
}

// stop ends the trace, writes it and logs its summary.
func (t *perfTrace) stop(tb testing.TB, ctx context.Context) {
	tb.Helper()
	if t == nil {
		return
	}
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		tb.Fatal(err)
	}
	<-t.done
	t.mu.Lock()
	defer t.mu.Unlock()
	raw, err := json.Marshal(t.events)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(t.path, raw, 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("trace: %s; the renderer's main thread: %s", t.path, summarizeTrace(t.events))
}

// summarizeTrace names the main thread's biggest kinds of event (their
// summed durations, nested ones included) and its lazy compilations.
func summarizeTrace(events []json.RawMessage) string {
	evs := make([]traceEvent, 0, len(events))
	main := map[[2]int64]bool{}
	for _, raw := range events {
		var e traceEvent
		if json.Unmarshal(raw, &e) != nil {
			continue
		}
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			main[[2]int64{e.Pid, e.Tid}] = true
		}
		evs = append(evs, e)
	}
	sum, count := map[string]float64{}, map[string]int{}
	for _, e := range evs {
		if e.Ph == "X" && main[[2]int64{e.Pid, e.Tid}] {
			sum[e.Name] += e.Dur / 1000
			count[e.Name]++
		}
	}
	names := make([]string, 0, len(sum))
	for n := range sum {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(sum[b], sum[a]), strings.Compare(a, b)) })
	var b strings.Builder
	fmt.Fprintf(&b, "%d wasm functions compiled as they first ran, %.0f ms;", count["wasm.CompileLazy"], sum["wasm.CompileLazy"])
	for _, n := range names[:min(len(names), 12)] {
		fmt.Fprintf(&b, " %s %.0f ms (%d),", n, sum[n], count[n])
	}
	return strings.TrimSuffix(b.String(), ",")
}
