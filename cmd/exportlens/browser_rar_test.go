//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"exportlens/app/check"
	"exportlens/cmd/mkexport/storedrar"
)

// TestBrowserRar: the amazon-foreign export's three ZIPs packed as one
// export.rar (RAR 5, stored, written by the generator's storedrar) open
// in the viewer, whose wasm reads RAR with the pure-Go decoder, with the
// verdict and findings of `exportlens check` on the same file, and those
// of the three ZIPs.
func TestBrowserRar(t *testing.T) {
	env := startBrowser(t)
	zips := fixtureFiles(t, "amazon-foreign")
	var members []storedrar.File
	for _, z := range zips {
		b, err := os.ReadFile(z)
		if err != nil {
			t.Fatal(err)
		}
		members = append(members, storedrar.File{Name: filepath.Base(z), Data: b, Modified: time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC)})
	}
	rar := filepath.Join(t.TempDir(), "export.rar")
	if err := os.WriteFile(rar, storedrar.RAR5(members), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []string{rar}
	cmd, _, code := runJSON(t, files)
	if code != check.ExitMismatch || cmd.Verdict != "mismatch" {
		t.Fatalf("exportlens check: exit %d, verdict %q; want 1 and mismatch", code, cmd.Verdict)
	}
	zipRep, _, _ := runJSON(t, zips)
	page := engineReport(t, files)
	for label, r := range map[string]*check.Report{"the three ZIPs": &zipRep, "the engine without an unpacker": page} {
		if got, want := findingKeys(r), findingKeys(&cmd); r.Verdict != cmd.Verdict || !slices.Equal(got, want) {
			t.Errorf("%s: %s %v; export.rar: %s %v", label, r.Verdict, got, cmd.Verdict, want)
		}
	}
	openInBrowser(t, env, "en", "amazon-foreign-rar", files, &cmd, secrets(&cmd))
	env.checkTraffic(t, secrets(&cmd))
}
