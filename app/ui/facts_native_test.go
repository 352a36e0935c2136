//go:build !wasm

package ui

import (
	"slices"
	"testing"

	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/view"
)

// The 2018 demo's facts, as its index declares them.
var demoFacts = check.Declared{Emails: []string{}, CustomerIDs: []string{}, Devices: []string{}, NoDevices: true}

// TestNextFactsDemoThenOwnExport pins issue 7, point 9: after the 2018 demo
// ("I own no voice-assistant device") the next export opened starts with
// no declared facts, unless the person ticked "keep".
func TestNextFactsDemoThenOwnExport(t *testing.T) {
	prev := session{Session: view.Session{Status: view.StatusLoaded, Demo: "amazon-2018", Declared: demoFacts}}
	d, unsure, dropped := nextFacts(prev, nil)
	if declaredCount(d) != 0 || unsure || !dropped {
		t.Errorf("after the demo: got %+v unsure %v dropped %v, want no facts, dropped", d, unsure, dropped)
	}
	if d.Emails == nil || d.CustomerIDs == nil || d.Devices == nil {
		t.Errorf("got nil lists %+v: the report lists them as []", d)
	}

	prev.KeepFacts = true
	d, _, dropped = nextFacts(prev, nil)
	if !d.NoDevices || dropped {
		t.Errorf("kept: got %+v dropped %v, want the demo's facts", d, dropped)
	}

	// Facts given with the open (a demo's, or those of the export that
	// files are added to) win, and nothing is said to be dropped.
	own := check.Declared{Emails: []string{"anna@example.com"}}
	prev.KeepFacts = false
	d, _, dropped = nextFacts(prev, &own)
	if !slices.Equal(d.Emails, own.Emails) || d.NoDevices || dropped {
		t.Errorf("given: got %+v dropped %v, want %+v", d, dropped, own)
	}

	// Nothing declared before: nothing dropped.
	if _, _, dropped := nextFacts(session{Session: view.Session{Declared: normalDeclared(check.Declared{})}}, nil); dropped {
		t.Error("no facts before: got dropped")
	}
	prev.Unsure, prev.Declared = true, normalDeclared(check.Declared{})
	if _, unsure, _ := nextFacts(prev, nil); unsure {
		t.Error(`a "not sure" answer was carried over without "keep"`)
	}
}

func TestUnionFiles(t *testing.T) {
	p1 := browser.NewFile("takeout-20240301T101500Z-001.zip", []byte("one"))
	p2 := browser.NewFile("takeout-20240301T101500Z-002.zip", []byte("two"))
	p3 := browser.NewFile("takeout-20240301T101500Z-003.zip", []byte("three"))
	again := browser.NewFile("takeout-20240301T101500Z-001.zip", []byte("one")) // chosen a second time
	got := unionFiles([]*browser.File{p1}, []*browser.File{p2, again, p3, p2})
	var names []string
	for _, f := range got {
		names = append(names, f.Name())
	}
	want := []string{p1.Name(), p2.Name(), p3.Name()}
	if !slices.Equal(names, want) {
		t.Errorf("got %q, want %q", names, want)
	}
}

func TestAnswered(t *testing.T) {
	start := check.Declared{Devices: []string{"G000KI0000000003"}}
	for _, tc := range []struct {
		a          answer
		no, owns   bool
		wantUnsure bool
	}{
		{answerNo, true, false, false},
		{answerYes, false, true, false},
		{answerUnsure, false, false, true},
	} {
		d, unsure := answered(start, tc.a)
		if d.NoDevices != tc.no || d.OwnsDevice != tc.owns || unsure != tc.wantUnsure {
			t.Errorf("%s: got no %v owns %v unsure %v, want %v %v %v", tc.a, d.NoDevices, d.OwnsDevice, unsure, tc.no, tc.owns, tc.wantUnsure)
		}
		if !slices.Equal(d.Devices, start.Devices) {
			t.Errorf("%s: the listed devices changed: %q", tc.a, d.Devices)
		}
	}
	// Changing the answer undoes the previous one.
	d, _ := answered(check.Declared{NoDevices: true}, answerYes)
	if d.NoDevices {
		t.Error("yes after no: still declares no devices")
	}
}
