//go:build !wasm

package seeded

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"strings"
	"testing"

	"exportlens/app/archive"
	"exportlens/app/archive/unarr"
	"exportlens/app/check"
	"exportlens/app/export"
)

// TestAbsenceNeverForeign: taking any one file out of a clean export (the
// person deleted it, the download lost it, a part was not chosen) may leave
// the check without what it needs, never with someone else's data. Every
// file but the audio is taken out in turn, one recording chosen by the seed,
// and each part of an export of several; no verdict may then be "mismatch" and no finding mismatch or likely.
// Seen: without the archive overview, a Takeout's alternate address became
// the account and its primary one "a second account".
func TestAbsenceNeverForeign(t *testing.T) {
	seeds := *seedsFlag
	failed, runs := 0, 0
	for seed := uint64(1); seed <= uint64(seeds) && failed < *maxFail; seed++ {
		clean, err := Generate(seed, None)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		ins, err := clean.Inputs(t.TempDir())
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		tree, err := archive.Open(context.Background(), ins, archive.Options{Unpacker: &unarr.Unpacker{}})
		if errors.Is(err, ErrNoTool) || err != nil && strings.Contains(err.Error(), "7z") && os.Getenv("CI") == "" {
			continue
		}
		if err != nil {
			t.Fatalf("%s: archive.Open: %v", describeRun(clean, nil), err)
		}
		all := tree.Entries
		audio := -1
		var drop []int
		for i, e := range all {
			switch strings.ToLower(path.Ext(e.Path)) {
			case ".wav", ".mp3", ".ogg", ".opus", ".m4a", ".flac":
				if audio < 0 || int(seed)%7 == i%7 {
					audio = i
				}
			default:
				drop = append(drop, i)
			}
		}
		if audio >= 0 {
			drop = append(drop, audio)
		}
		type cut struct {
			what string
			keep func(i int, e *archive.Entry) bool
		}
		var cuts []cut
		for _, i := range drop {
			cuts = append(cuts, cut{all[i].Part + " " + all[i].Path, func(j int, _ *archive.Entry) bool { return j != i }})
		}
		// A whole part not chosen (of a Takeout split into several).
		parts := map[string]bool{}
		for _, e := range all {
			parts[e.Part] = true
		}
		if len(parts) > 1 {
			for part := range parts {
				cuts = append(cuts, cut{"part " + part, func(_ int, e *archive.Entry) bool { return e.Part != part }})
			}
		}
		for _, c := range cuts {
			tree.Entries = nil
			for j, e := range all {
				if c.keep(j, e) {
					tree.Entries = append(tree.Entries, e)
				}
			}
			x, err := export.Load(context.Background(), tree, nil)
			if err != nil {
				t.Fatalf("%s: without %s: export.Load: %v", describeRun(clean, nil), c.what, err)
			}
			rep := check.Run(x, check.Declared{})
			runs++
			if msg := foreignProblem(rep); msg != "" {
				t.Errorf("without %s: %s\n%s", c.what, msg, describeRun(clean, rep))
				failed++
				break
			}
		}
		tree.Entries = all
		tree.Close()
	}
	if runs == 0 {
		t.Fatal("no export was checked")
	}
	t.Logf("%d checks of %d seeds, each without one file or one part", runs, seeds)
}

// foreignProblem says what in rep calls something someone else's.
func foreignProblem(rep *check.Report) string {
	for _, f := range rep.Findings {
		if f.Severity == check.Mismatch || f.Severity == check.Likely {
			return fmt.Sprintf("a %s finding %s (%s)", f.Severity, f.Rule, f.Text("en"))
		}
	}
	if rep.Verdict == check.VerdictMismatch {
		return "verdict mismatch"
	}
	return ""
}
