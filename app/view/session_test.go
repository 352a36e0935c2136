package view

import (
	"errors"
	"slices"
	"testing"

	"exportlens/app/check"
	"exportlens/app/export"
)

// TestJudge: a session judged has the report with the inputs as given, the
// overview's tables of that report, the flagged recordings of its mismatch
// and likely findings, and is loaded; the facts the person declared reach
// the checks. A check that panics fails the session with an error naming
// the first input, and leaves no report.
func TestJudge(t *testing.T) {
	x, _ := openFixture(t, "amazon-foreign")
	inputs := []check.Input{{Name: "Alexa.zip", Size: 10}, {Name: "more", Folder: true}}
	declared := check.Declared{Devices: []string{"not-a-serial-of-this-export"}}
	var gotDeclared check.Declared
	run := func(x *export.Export, d check.Declared) *check.Report {
		gotDeclared = d
		return Default.Check(x, d)
	}
	s := Session{Gen: 3, Export: x, Declared: declared}.Judge(run, inputs)
	if !s.Loaded() || s.Status != StatusLoaded || s.Err != nil {
		t.Fatalf("status %v, err %v: not loaded", s.Status, s.Err)
	}
	if !slices.Equal(gotDeclared.Devices, declared.Devices) {
		t.Errorf("the checks got devices %v, the person declared %v", gotDeclared.Devices, declared.Devices)
	}
	if !slices.Equal(s.Report.Inputs, inputs) {
		t.Errorf("report inputs %v, want %v", s.Report.Inputs, inputs)
	}
	if len(s.Devices) == 0 || len(s.Devices) != len(DeviceRows(s.Report, x)) || len(s.Profiles) != len(ProfileRows(s.Report, x)) {
		t.Errorf("%d device rows, %d profile rows: not the report's tables", len(s.Devices), len(s.Profiles))
	}
	flagged := 0
	for _, f := range s.Report.Findings {
		if f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		for _, i := range f.Affected {
			flagged++
			if !s.Flagged[i] {
				t.Errorf("recording %d, named by %s, is not flagged", i, f.Rule)
			}
		}
	}
	if flagged == 0 {
		t.Fatal("amazon-foreign has no flagged recording: the fixture does not test this")
	}

	boom := func(*export.Export, check.Declared) *check.Report { panic("index out of range") }
	f := Session{Gen: 4, Export: x, Status: StatusLoading}.Judge(boom, inputs)
	var pe *PanicError
	if f.Status != StatusFailed || f.Report != nil || f.Loaded() || !errors.As(f.Err, &pe) || pe.Name != "Alexa.zip" {
		t.Errorf("a check that panics: status %v, report %v, err %v; want failed, no report, a panic naming Alexa.zip", f.Status, f.Report != nil, f.Err)
	}
}
