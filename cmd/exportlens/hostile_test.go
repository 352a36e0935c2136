//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"exportlens/app/archive"
	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/cmd/mkexport/hostile"
)

// Members of the hostile archives that the checker reads (see package hostile).
const (
	voiceHistoryCSV  = "Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv"
	voiceProfilesCSV = "Alexa.VoiceProfiles/datasets/Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv"
	activityJSON     = "Takeout/My Activity/Assistant/MyActivity.json"
	budgetSpent      = "the export's memory budget is spent"
)

// profileRead checks that the small voice profiles table beside a bomb was
// read: the rest of the export stays usable.
func profileRead(t *testing.T, rep check.Report) {
	t.Helper()
	for _, p := range rep.Claim.VoiceProfiles {
		if p.ID == "amzn1.actor.person.oid.A1ANNAPROFILE1" {
			return
		}
	}
	t.Errorf("got voice profiles %+v, want the one of the table beside the bomb", rep.Claim.VoiceProfiles)
}

// hostileProblem is a problem the report must hold: where, and words of the reason.
type hostileProblem struct{ part, path, reason string }

type hostileCase struct {
	file string
	// unreadable: nothing can be listed, so the command exits 2 and says
	// why on stderr, naming the file; reason is what it must say.
	unreadable bool
	reason     string
	problems   []hostileProblem // otherwise: the report's problems must include these
	// gap names what the engine does not report yet; the case checks what
	// it can and is skipped with that reason, so the gap stays visible.
	gap   string
	extra func(t *testing.T, rep check.Report)
}

func hostileCases() []hostileCase {
	// The chain down to the first archive past MaxDepth.
	depth := archive.DefaultLimits().MaxDepth
	deepPart := "nested-deep.zip"
	for i := 1; i <= depth; i++ {
		deepPart += fmt.Sprintf("!level%02d.zip", i)
	}
	return []hostileCase{
		{file: "overlap.zip", unreadable: true, reason: "entries overlap: a zip bomb"},
		{file: "zeros.zip", problems: []hostileProblem{{"zeros.zip", voiceHistoryCSV, "a line is longer than"}}},
		{file: "traversal.zip", problems: []hostileProblem{
			{"traversal.zip", "etc/passwd", `names this member "../../etc/passwd"`},
			{"traversal.zip", "abs/path", `names this member "/abs/path"`},
			{"traversal.zip", "win/x", "never used as a path"},
		}},
		{file: "truncated.zip", unreadable: true, reason: "the archive is truncated or damaged"},
		{file: "lying.zip", problems: []hostileProblem{
			{"lying.zip", voiceHistoryCSV, "size is larger than declared"},
			// Data shorter than declared: archive/zip says io.ErrUnexpectedEOF,
			// the same as for a cut stream, so it is reported as damage.
			{"lying.zip", voiceProfilesCSV, "the archive is truncated or damaged"},
		}},
		{file: "nested-deep.zip", problems: []hostileProblem{{deepPart, fmt.Sprintf("level%02d.zip", depth+1), "archives nested too deep"}}},
		{file: "idents.zip", extra: checkIdents},
		// Its attack is on the viewer (browser_origin_test.go); the command reads it as an export.
		{file: "origin.zip"},
		{file: "high-ratio.zip", problems: []hostileProblem{
			{"high-ratio.zip", voiceHistoryCSV, "rows: " + budgetSpent},
			{"high-ratio.zip", activityJSON, "records: " + budgetSpent},
		}, extra: profileRead},
		{file: "rows-4gib.zip", problems: []hostileProblem{{"rows-4gib.zip", voiceHistoryCSV, "rows: " + budgetSpent}},
			extra: func(t *testing.T, rep check.Report) {
				profileRead(t, rep)
				if rep.Summary.Recordings == 0 {
					t.Errorf("got no recordings, want those read before the budget was spent")
				}
			}},
		{file: "rows-1m.zip", problems: []hostileProblem{{"rows-1m.zip", voiceHistoryCSV, "rows: " + budgetSpent}}, extra: profileRead},
		{file: "long-record.zip", problems: []hostileProblem{
			{"long-record.zip", voiceHistoryCSV, "a record is longer than 1048576 bytes"},
			{"long-record.zip", activityJSON, "a record is longer than 1048576 bytes"},
		}, extra: profileRead},
		// A password-protected ZIP: one problem for all its members (not
		// one per member and one more per member tried), and the verdict
		// cannot tell, naming it.
		{file: "encrypted.zip", problems: []hostileProblem{{"encrypted.zip", "", "7 members are encrypted (password-protected)"}},
			extra: func(t *testing.T, rep check.Report) {
				if len(rep.Problems) != 1 || rep.Verdict != check.VerdictUnknown {
					t.Errorf("got verdict %s and problems %+v, want cannot tell and the one problem", rep.Verdict, rep.Problems)
				}
			}},
		{file: "deep-json.zip", problems: []hostileProblem{{"deep-json.zip", activityJSON, "exceeded max depth"}}, extra: profileRead},
		{file: "42.zip", extra: func(t *testing.T, rep check.Report) {
			// The nested archives open depth first until their budget is
			// spent (where depends on the budget); the first that does
			// not fit is named, the rest is one problem, not one each.
			var first, rest bool
			for _, p := range rep.Problems {
				if !strings.HasPrefix(p.Part, "42.zip!lib 0.zip!") {
					continue
				}
				first = first || strings.HasPrefix(p.Path, "page ") && strings.Contains(p.Reason, "nested archive too large to unpack in memory")
				rest = rest || p.Path == "" && strings.Contains(p.Reason, "more nested archives (first in "+p.Part+") were not opened")
			}
			if !first || !rest || len(rep.Problems) > 10 {
				t.Errorf("got problems %+v, want the first nested archive over the budget and one for the rest", rep.Problems)
			}
		}},
		// 200,000 folders: more entries than the memory set aside for
		// listing holds; the first are listed, one problem names the
		// archive. The viewer's test is TestBrowserFolders.
		{file: "folders.zip", extra: func(t *testing.T, rep check.Report) {
			for _, p := range rep.Problems {
				var n int
				if p.Part != "folders.zip" || p.Path != "" {
					continue
				}
				want := fmt.Sprintf(" of %d entries are listed: the memory set aside for one export is spent", hostile.FolderCount)
				if _, err := fmt.Sscanf(p.Reason, "only the first %d of", &n); err == nil && strings.HasSuffix(p.Reason, want) {
					if n < hostile.FolderCount/2 || n >= hostile.FolderCount {
						t.Errorf("got %q, want most of the %d entries listed, not all", p.Reason, hostile.FolderCount)
					}
					return
				}
			}
			t.Errorf("got problems %+v, want folders.zip listed in part: the memory for its entries is spent", rep.Problems)
		}},
		{file: "duplicate.zip", problems: []hostileProblem{
			{"duplicate.zip", voiceProfilesCSV, "more than one member with this name"},
		},
			extra: func(t *testing.T, rep check.Report) {
				// Both copies are read: the stranger's profile in the second is not hidden.
				var got []string
				for _, p := range rep.Claim.VoiceProfiles {
					got = append(got, p.ID)
				}
				for _, id := range []string{"amzn1.actor.person.oid.A1ANNAPROFILE1", "amzn1.actor.person.oid.A9STRANGERPRF9"} {
					if !strings.Contains(strings.Join(got, " "), id) {
						t.Errorf("got voice profiles %q, want %s from both copies", got, id)
					}
				}
			}},
	}
}

func TestHostileArchives(t *testing.T) {
	dir := t.TempDir()
	if err := hostile.Write(dir); err != nil {
		t.Fatal(err)
	}
	cases := map[string]hostileCase{}
	for _, tc := range hostileCases() {
		cases[tc.file] = tc
	}
	for _, a := range hostile.Archives() {
		tc, ok := cases[a.Name]
		if !ok {
			t.Errorf("%s (%s) has no case here", a.Name, a.What)
			continue
		}
		t.Run(a.Name, func(t *testing.T) {
			path := filepath.Join(dir, a.Name)
			var stdout, stderr bytes.Buffer
			code := runCheck([]string{"--json", path}, &stdout, &stderr)
			if tc.unreadable {
				if code != 2 {
					t.Fatalf("got exit %d, want 2 (nothing readable); stdout %.300q", code, stdout.String())
				}
				wantSays(t, "stderr", stderr.String(), a.Name, tc.reason)
				stderr.Reset()
				if code := runCheck([]string{path}, io.Discard, &stderr); code != 2 {
					t.Errorf("text: got exit %d, want 2", code)
				}
				wantSays(t, "text stderr", stderr.String(), a.Name, tc.reason)
				return
			}
			if code == 2 {
				t.Fatalf("got exit 2, want 0, 1 or 3 (a report); stderr %q", stderr.String())
			}
			var rep check.Report
			if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
				t.Fatalf("the JSON report does not parse: %v", err)
			}
			for _, w := range tc.problems {
				if !hasProblem(rep.Problems, w) {
					t.Errorf("got problems %+v, want one at %s!%s saying %q", rep.Problems, w.part, w.path, w.reason)
				}
			}
			stdout.Reset()
			if code := runCheck([]string{path}, &stdout, io.Discard); code == 2 {
				t.Errorf("text: got exit 2, want 0, 1 or 3 (a report)")
			}
			text := stdout.String()
			for _, w := range tc.problems {
				name := w.part + "!" + w.path
				if w.path == "" {
					name = w.part // a problem of the whole part
				}
				wantSays(t, "text report", text, name+": ", w.reason)
			}
			if tc.extra != nil {
				tc.extra(t, rep)
			}
			if tc.gap != "" {
				t.Skip("not reported yet: " + tc.gap)
			}
		})
	}
}

// wantSays checks that out names the file and gives the reason.
func wantSays(t *testing.T, what, out, name, reason string) {
	t.Helper()
	if !strings.Contains(out, name) || !strings.Contains(out, reason) {
		t.Errorf("%s: got %q, want it to name %s and say %q", what, out, name, reason)
	}
}

func hasProblem(ps []check.Problem, w hostileProblem) bool {
	for _, p := range ps {
		if p.Part == w.part && p.Path == w.path && strings.Contains(p.Reason, w.reason) {
			return true
		}
	}
	return false
}

// BenchmarkHostile runs the whole command over each hostile archive and
// reports its peak heap as peak-MB: a bomb must not cost memory.
func BenchmarkHostile(b *testing.B) {
	dir := b.TempDir()
	if err := hostile.Write(dir); err != nil {
		b.Fatal(err)
	}
	for _, a := range hostile.Archives() {
		b.Run(a.Name, func(b *testing.B) {
			path := filepath.Join(dir, a.Name)
			var peak uint64
			b.ReportAllocs()
			for b.Loop() {
				runtime.GC()
				stop := watchHeap(&peak)
				runCheck([]string{"--json", path}, io.Discard, io.Discard)
				stop()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}

// TestHostileMemory opens, loads and checks every hostile archive as the
// viewer does and measures the heap: what the export keeps after a
// collection stays within Limits.MaxMemory (with room for the tree and the
// report), and the peak, garbage included, below the 256 MiB that issue 6
// sets for the browser. Before the budgets rows-1m.zip peaked at 3.2 GB and
// rows-4gib.zip ran out of memory. It runs under the memory limit the
// viewer opens with (browser.PaceBackstop): without one, the peak was up to
// the collector's timing (176-275 MiB for the same archive).
func TestHostileMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads gigabytes of inflated data")
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(browser.PaceBackstop))
	lim := archive.DefaultLimits()
	// Beyond the budget: the tree, room reserved in the records slice (the
	// budget charges records, not capacity), the test's own bytes.
	const slack = 24 << 20
	for _, a := range hostile.Archives() {
		t.Run(a.Name, func(t *testing.T) {
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			var peak uint64
			stop := watchHeap(&peak)
			start := time.Now()
			in := []archive.Input{{Name: a.Name, R: bytes.NewReader(a.Data), Size: int64(len(a.Data))}}
			tree, err := archive.Open(context.Background(), in, archive.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer tree.Close()
			x, err := export.Load(context.Background(), tree, nil)
			if err != nil {
				t.Fatal(err)
			}
			rep := check.Run(x, check.Declared{})
			took := time.Since(start)
			stop()
			runtime.GC()
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			kept := int64(after.HeapAlloc) - int64(before.HeapAlloc)
			grew := int64(peak) - int64(before.HeapAlloc)
			t.Logf("%v, %d recordings, kept %d MiB, peak +%d MiB", took.Round(time.Millisecond), rep.Summary.Recordings, kept>>20, grew>>20)
			if kept > lim.MaxMemory+slack {
				t.Errorf("kept %d MiB after loading, want at most the budget of %d MiB and %d MiB", kept>>20, lim.MaxMemory>>20, slack>>20)
			}
			if grew > 256<<20 {
				t.Errorf("the heap grew by %d MiB at its peak, want less than 256 MiB", grew>>20)
			}
			if took > 20*time.Second {
				t.Errorf("took %v, want a few seconds at most", took)
			}
			runtime.KeepAlive(x)
		})
	}
}
