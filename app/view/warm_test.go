package view

import (
	"context"
	"errors"
	"testing"

	"exportlens/app/check"
)

// The warm-up's export is read whole and judged as a clean export is: a
// warm-up that read nothing, or stopped at a problem, would warm nothing.
func TestWarm(t *testing.T) {
	s, err := warm(context.Background(), 300)
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
	if v := s.Report.Verdict; v != check.VerdictConsistent {
		t.Errorf("verdict %q, want %q: %+v", v, check.VerdictConsistent, s.Report.Findings)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Warm(ctx, 300); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled warm-up: got %v, want context.Canceled", err)
	}
}
