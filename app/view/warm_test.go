package view

import (
	"context"
	"errors"
	"testing"

	"exportlens/app/check"
)

// The warm-up's export is read whole and judged as an export with one
// recording of another account is: a warm-up that read nothing, stopped at
// a problem or found nothing would warm neither the checks' findings nor
// the overview's.
func TestWarm(t *testing.T) {
	s, ix, err := Warm(context.Background(), 300)
	if err != nil {
		t.Fatal(err)
	}
	x := s.Export
	if n := len(x.Recordings); n != 300 {
		t.Fatalf("%d recordings, want 300", n)
	}
	for i, r := range x.Recordings {
		if r.AudioPath() == "" || r.Device().Empty() || r.Time.IsZero() {
			t.Fatalf("recording %d: audio %q, device %q, time %v: the row was not read whole", i, r.AudioPath(), r.Device().Text, r.Time)
		}
	}
	if len(x.Problems) != 0 || len(x.Devices) != 3 || len(x.CustomerIDs) != 1 || len(x.VoiceProfiles) != 1 {
		t.Errorf("problems %v, %d devices, %d customer IDs, %d profiles; want none, 3, 1, 1", x.Problems, len(x.Devices), len(x.CustomerIDs), len(x.VoiceProfiles))
	}
	if v := s.Report.Verdict; v != check.VerdictMismatch {
		t.Errorf("verdict %q, want %q: %+v", v, check.VerdictMismatch, s.Report.Findings)
	}
	// The one foreign row, and only it, is what the mismatches point at.
	mismatches := 0
	for _, f := range s.Report.Findings {
		if f.Severity != check.Mismatch {
			continue
		}
		mismatches++
		if (f.Subject != "AWARMOTHER0002" && f.Subject != "GWARM00000000009") || f.Records != 1 {
			t.Errorf("a mismatch (%s) names %q in %d records, want the planted row's customer or device in 1", f.Rule, f.Subject, f.Records)
		}
	}
	if mismatches == 0 {
		t.Error("no mismatch finding: the findings' code is not warmed")
	}
	if ix == nil || !ix.Indexes(s.Export, s.Report, s.Tree) {
		t.Error("Warm returned no index of its session")
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Warm(ctx, 300); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled warm-up: got %v, want context.Canceled", err)
	}
}
