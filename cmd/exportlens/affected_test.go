//go:build !wasm

package main

import (
	"path"
	"slices"
	"strings"
	"testing"

	"exportlens/app/check"
)

// TestAffectedAudio: a planted stray audio file's finding names, in
// AffectedAudio, exactly the audio files it counts that no recording stands
// for: the planted file among them, every one unreferenced and in the
// finding's folder, and with the recordings it affects as many as the
// records planted.json gives. The viewer lists a finding's rows from these
// (no guess from rule names or folders).
func TestAffectedAudio(t *testing.T) {
	tested := 0
	for _, name := range loadFixtures(t) {
		p := readPlanted(t, name)
		for _, pl := range p.Planted {
			if pl.Rule != string(check.RuleUnreferencedRecording) {
				continue
			}
			t.Run(name, func(t *testing.T) {
				fx := openNative(t, fixtureFiles(t, name), p.Declared)
				var f *check.Finding
				for i := range fx.rep.Findings {
					if g := &fx.rep.Findings[i]; g.Rule == check.RuleUnreferencedRecording && strings.EqualFold(g.Subject, pl.Subject) {
						f = g
					}
				}
				if f == nil {
					t.Fatalf("no %s finding about %s", pl.Rule, pl.Subject)
				}
				var paths []string
				for _, a := range f.AffectedAudio {
					af := fx.x.Audio[a]
					paths = append(paths, af.Path)
					if af.Referenced || path.Dir(af.Path)+"/" != f.Subject {
						t.Errorf("%s: referenced %v, or not in %s", af.Path, af.Referenced, f.Subject)
					}
				}
				if !slices.Contains(paths, pl.Path) {
					t.Errorf("AffectedAudio %q lacks the planted %s", paths, pl.Path)
				}
				if n := len(f.AffectedAudio) + len(f.Affected); n != pl.Records || n != f.Records {
					t.Errorf("%d audio files and %d recordings affected; planted %d records, the finding counts %d", len(f.AffectedAudio), len(f.Affected), pl.Records, f.Records)
				}
			})
			tested++
		}
	}
	if tested == 0 {
		t.Fatal("no fixture plants a stray audio file")
	}
}
