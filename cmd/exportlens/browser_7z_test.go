//go:build !wasm

package main

import (
	"fmt"
	"slices"
	"testing"

	"exportlens/app/check"
)

// TestBrowser7z: the viewer opens an export packed as 7z (export.7z
// holding three ZIPs: the wasm reads it with the pure-Go decoder) and
// shows the verdict and findings that `exportlens check` reports on the
// same file, in both languages; so does the engine opened as the page
// opens it (no native unpacker).
func TestBrowser7z(t *testing.T) {
	env := startBrowser(t)
	name := "amazon-foreign-7z"
	files := fixtureFiles(t, name)
	cmd, _, code := runJSON(t, files)
	if code != check.ExitMismatch || cmd.Verdict != "mismatch" {
		t.Fatalf("exportlens check: exit %d, verdict %q; want 1 and mismatch (planted.json)", code, cmd.Verdict)
	}
	page := engineReport(t, files)
	if got, want := findingKeys(page), findingKeys(&cmd); page.Verdict != cmd.Verdict || !slices.Equal(got, want) {
		t.Fatalf("the engine without an unpacker: %s %v; the command: %s %v", page.Verdict, got, cmd.Verdict, want)
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			openInBrowser(t, env, lang, name, files, &cmd, secrets(&cmd))
		})
	}
	env.checkTraffic(t, secrets(&cmd))
}

func findingKeys(r *check.Report) []string {
	var s []string
	for _, f := range r.Findings {
		s = append(s, fmt.Sprintf("%s %s %s %d", f.Severity, f.Rule, f.Subject, f.Records))
	}
	slices.Sort(s)
	return s
}
