//go:build !js

package ui

// Tests that need browser.NewFile, the native stand-in of a chosen file.

import (
	"testing"

	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

func TestRecheckRecoversPanic(t *testing.T) {
	s := session{Session: view.Session{Status: view.StatusLoading, Export: &export.Export{}}, Files: []*browser.File{browser.NewFile("Alexa.zip", smallZip(t))}}
	got := recheckWith(s, func(*export.Export, check.Declared) *check.Report { panic("index out of range") })
	if got.Status != view.StatusFailed || got.Report != nil {
		t.Fatalf("got status %v, report %v; want failed, none", got.Status, got.Report)
	}
	if want := "“Alexa.zip” could not be read: ExportLens ran into an internal error with it; the rest of the app still works."; sentence("en", got.Err, "") != want {
		t.Errorf("got %q, want %q", sentence("en", got.Err, ""), want)
	}
	ok := recheckWith(s, check.Run)
	if ok.Status != view.StatusLoaded || ok.Report == nil {
		t.Errorf("a check that does not panic: got status %v, report %v; want loaded, a report", ok.Status, ok.Report != nil)
	}
}
