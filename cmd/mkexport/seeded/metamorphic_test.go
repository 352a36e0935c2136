//go:build !wasm

package seeded

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"exportlens/app/archive"
	"exportlens/app/archive/unarr"
	"exportlens/app/check"
	"exportlens/app/export"
)

var (
	seedFlag  = flag.Int64("seed", -1, "run only this seed of TestMetamorphic")
	seedsFlag = flag.Int("seeds", 200, "how many seeds TestMetamorphic runs (from 1)")
	maxFail   = flag.Int("maxfail", 20, "stop TestMetamorphic after this many failing seeds")
)

// TestMain lets the test binary serve as the unpacker's child (7z), as
// cmd/exportlens does.
func TestMain(m *testing.M) {
	if unarr.IsChild() {
		unarr.ChildMain()
		return
	}
	os.Exit(m.Run())
}

// wantRule is the rule a planted kind must raise.
var wantRule = map[Kind][]check.RuleID{
	ForeignCustomer:    {check.RuleForeignCustomer},
	UnregisteredDevice: {check.RuleUnregisteredDevice},
	UnknownProfile:     {check.RuleUnknownVoiceProfile},
	StrayWAV:           {check.RuleUnreferencedRecording},
	ForeignOverview:    {check.RuleIdentityConflict, check.RuleForeignPart},
	ForeignProfile:     {check.RuleIdentityConflict, check.RuleForeignPart},
	Unrecognized:       {check.RuleUnrecognizedSpeaker},
	StrayMP3:           {check.RuleUnreferencedRecording},
	StrangerPart:       {check.RuleForeignPart, check.RuleIdentityConflict},
}

// TestMetamorphic: a clean export stays consistent through every
// transformation the generator applies (split parts, re-spelled and
// reordered columns, BOM, CRLF, documentation rows, footers, double
// encoding, padded and lower-case IDs, containers, overview markup, record
// order), and the same export with one foreign value planted is flagged by
// the right rule with evidence at the planted place.
func TestMetamorphic(t *testing.T) {
	first, last := uint64(1), uint64(*seedsFlag)
	if *seedFlag >= 0 {
		first, last = uint64(*seedFlag), uint64(*seedFlag)
	}
	start := time.Now()
	failed, skipped := 0, 0
	ran := map[string]int{} // what was exercised, for the log: containers and planted kinds
	for seed := first; seed <= last && failed < *maxFail; seed++ {
		clean, err := Generate(seed, None)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		rep, err := runCheck(t, clean)
		if errors.Is(err, ErrNoTool) {
			if os.Getenv("CI") != "" {
				t.Fatalf("seed %d: %v (make tools installs it)", seed, err)
			}
			skipped++
			continue
		}
		ran[clean.Vendor+" in "+string(clean.Container)]++
		if err != nil {
			t.Errorf("%s: %v", describeRun(clean, nil), err)
			failed++
			continue
		}
		if msg := cleanProblem(rep); msg != "" {
			t.Errorf("clean export: %s\n%s", msg, describeRun(clean, rep))
			failed++
			continue
		}

		kind := KindFor(seed, clean.Vendor)
		dirty, err := Generate(seed, kind)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		ran["planted "+string(kind)]++
		rep, err = runCheck(t, dirty)
		if err != nil {
			t.Errorf("%s: %v", describeRun(dirty, nil), err)
			failed++
			continue
		}
		if msg := plantProblem(dirty, rep); msg != "" {
			t.Errorf("planted %s: %s\n%s", kind, msg, describeRun(dirty, rep))
			failed++
		}
	}
	t.Logf("seeds %d–%d in %v; %d skipped (a 7z without the 7z tool)", first, last, time.Since(start).Round(time.Millisecond), skipped)
	for _, k := range slices.Sorted(maps.Keys(ran)) {
		t.Logf("  %4d × %s", ran[k], k)
	}
}

// runCheck opens ex through the real pipeline: archive.Open, export.Load,
// check.Run, with nothing declared.
func runCheck(t *testing.T, ex *Export) (*check.Report, error) {
	ins, err := ex.Inputs(t.TempDir())
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	tree, err := archive.Open(ctx, ins, archive.Options{Unpacker: &unarr.Unpacker{}})
	if err != nil {
		return nil, fmt.Errorf("archive.Open: %w", err)
	}
	defer tree.Close()
	x, err := export.Load(ctx, tree, nil)
	if err != nil {
		return nil, fmt.Errorf("export.Load: %w", err)
	}
	return check.Run(x, check.Declared{}), nil
}

func cleanProblem(rep *check.Report) string {
	if rep.Verdict != check.VerdictConsistent {
		return fmt.Sprintf("verdict %s, want %s", rep.Verdict, check.VerdictConsistent)
	}
	for _, f := range rep.Findings {
		if f.Severity == check.Mismatch || f.Severity == check.Likely {
			return fmt.Sprintf("a %s finding %s", f.Severity, f.Rule)
		}
	}
	return ""
}

func plantProblem(ex *Export, rep *check.Report) string {
	p := ex.Plant
	if p.Kind == ForeignCustomer && ex.NoCustomerID {
		// No customer ID is the claim's: a second one in the voice
		// history proves no one's in particular, but "consistent" would
		// call two customers' records one account's.
		if rep.Verdict == check.VerdictConsistent {
			return "verdict consistent although the voice history names two customer IDs and the export claims neither"
		}
		return ""
	}
	if rep.Verdict != check.VerdictMismatch {
		return fmt.Sprintf("verdict %s, want %s", rep.Verdict, check.VerdictMismatch)
	}
	part, path := ex.Where(p.Part, p.Path)
	want := fmt.Sprintf("%s %s", part, path)
	if p.Line > 0 {
		want += fmt.Sprintf(" line %d", p.Line)
	}
	if p.Pointer != "" {
		want += " " + p.Pointer
	}
	rules := wantRule[p.Kind]
	for _, f := range rep.Findings {
		if !slices.Contains(rules, f.Rule) || f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		for _, e := range f.Evidence {
			if e.Part == part && e.Path == path && (p.Line == 0 || e.Line == p.Line) && (p.Pointer == "" || e.Pointer == p.Pointer || strings.HasPrefix(e.Pointer, p.Pointer+"/")) {
				return ""
			}
		}
		return fmt.Sprintf("%s found, but no evidence at %s", f.Rule, want)
	}
	return fmt.Sprintf("no %s finding (mismatch or likely) with evidence at %s", fmt.Sprint(rules), want)
}

// describeRun is what a failing seed prints: how to rerun it, what was
// done to the export, and what the check said.
func describeRun(ex *Export, rep *check.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "seed %d (go test ./cmd/mkexport/seeded/ -run TestMetamorphic -seed %d)\n", ex.Seed, ex.Seed)
	for _, s := range ex.Steps {
		fmt.Fprintf(&b, "  step: %s\n", s)
	}
	if ex.Plant != nil {
		fmt.Fprintf(&b, "  plant: %+v\n", *ex.Plant)
	}
	if rep == nil {
		return b.String()
	}
	fmt.Fprintf(&b, "  verdict: %s\n", rep.Verdict)
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "  finding: %s %s %q subject %q records %d\n", f.Severity, f.Rule, f.Title, f.Subject, f.Records)
		for _, e := range f.Evidence {
			fmt.Fprintf(&b, "    at %s %s line %d %s %s=%q\n", e.Part, e.Path, e.Line, e.Pointer, e.Field, e.Value)
		}
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(&b, "  problem: %s %s: %s\n", p.Part, p.Path, p.Reason)
	}
	return b.String()
}
