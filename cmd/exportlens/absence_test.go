//go:build !wasm

package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"exportlens/app/archive"
	"exportlens/app/archive/unarr"
	"exportlens/app/check"
	"exportlens/app/export"
)

// TestFixturesAbsenceNeverForeign: every fixture that holds nobody else's
// data keeps holding none when any one of its files is taken out (the
// person deleted it, a download lost it). Its verdict may become "cannot
// tell"; no finding may be mismatch or likely. The seeded exports get the
// same test (cmd/mkexport/seeded TestAbsenceNeverForeign); these add the
// real-shaped layouts (the 2018 ZIP, amazon-real, the Takeouts).
func TestFixturesAbsenceNeverForeign(t *testing.T) {
	checked := 0
	for _, name := range loadFixtures(t) {
		p := readPlanted(t, name)
		if p.Verdict == check.VerdictMismatch {
			continue
		}
		t.Run(name, func(t *testing.T) {
			ins, err := os.ReadDir(filepath.Join(fixtures, name, "input"))
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			for _, in := range ins {
				paths = append(paths, filepath.Join(fixtures, name, "input", in.Name()))
			}
			inputs, closeInputs, err := openInputs(paths)
			if err != nil {
				t.Fatal(err)
			}
			defer closeInputs()
			tree, err := archive.Open(context.Background(), inputs, archive.Options{Unpacker: &unarr.Unpacker{}})
			if err != nil {
				t.Fatal(err)
			}
			defer tree.Close()
			all := tree.Entries
			defer func() { tree.Entries = all }()
			for i := range all {
				tree.Entries = append(append([]*archive.Entry(nil), all[:i]...), all[i+1:]...)
				x, err := export.Load(context.Background(), tree, nil)
				if err != nil {
					t.Fatal(err)
				}
				rep := check.Run(x, p.Declared)
				checked++
				for _, f := range rep.Findings {
					if f.Severity == check.Mismatch || f.Severity == check.Likely {
						t.Errorf("without %s %s: a %s finding %s: %s", all[i].Part, all[i].Path, f.Severity, f.Rule, f.Text("en"))
					}
				}
			}
		})
	}
	if checked == 0 {
		t.Fatal("no fixture was checked")
	}
}
