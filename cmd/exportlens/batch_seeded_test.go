//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/cmd/mkexport/seeded"
)

// seededBatch writes the exports of seeds first…first+n-1 into dir, as
// their containers deliver them (cmd/mkexport/seeded): odd seeds with a
// planted foreign value, even ones clean. An export of one file is that
// file (named "<seed>-<name>"); one of several files, or a folder, goes
// into a folder "<seed>". It returns, by the name the batch gives each
// export, whether something was planted; a 7z export is left out when the
// 7z tool is missing (not under CI).
func seededBatch(t testing.TB, dir string, first uint64, n int) map[string]bool {
	t.Helper()
	planted := map[string]bool{}
	for seed := first; seed < first+uint64(n); seed++ {
		ex, err := seeded.Generate(seed, seeded.None)
		if err != nil {
			t.Fatal(err)
		}
		if seed%2 == 1 {
			if ex, err = seeded.Generate(seed, seeded.KindFor(seed, ex.Vendor)); err != nil {
				t.Fatal(err)
			}
		}
		ins, err := ex.Inputs(t.TempDir())
		if errors.Is(err, seeded.ErrNoTool) && os.Getenv("CI") == "" {
			continue
		}
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		name := fmt.Sprintf("%03d", seed)
		at := filepath.Join(dir, name)
		if len(ins) == 1 && ins[0].R != nil {
			name += "-" + ins[0].Name
			at = filepath.Join(dir, name)
		} else if err := os.Mkdir(at, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, in := range ins {
			writeInput(t, in, at, len(ins) == 1)
		}
		planted[name] = ex.Plant != nil
	}
	return planted
}

// writeInput writes in at at (itself when alone is set and in is a file,
// else into the folder at).
func writeInput(t testing.TB, in archive.Input, at string, alone bool) {
	t.Helper()
	if in.FS != nil {
		to := filepath.Join(at, in.Name)
		if alone {
			to = at
		}
		if err := os.CopyFS(to, in.FS); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := io.ReadAll(io.NewSectionReader(in.R, 0, in.Size))
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(at, in.Name)
	if alone {
		to = at
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCheckBatchSeeded: 60 generated exports in every container (separate
// ZIPs, one ZIP, nested ZIPs, folders, TGZs, now and then a 7z), half with
// a planted foreign value, in one batch: each gets the report `check
// --json` gives it alone; the clean ones are consistent, the planted ones
// hold someone else's data.
func TestCheckBatchSeeded(t *testing.T) {
	dir := t.TempDir()
	planted := seededBatch(t, dir, 1, 60)
	got, code := runBatchJSON(t, dir)
	if code != check.ExitMismatch {
		t.Errorf("exit %d, want %d", code, check.ExitMismatch)
	}
	t.Logf("%d exports, summary %+v", len(got.Exports), got.Summary)
	if len(got.Exports) != len(planted) {
		t.Fatalf("%d exports in the batch, %d written", len(got.Exports), len(planted))
	}
	for _, e := range got.Exports {
		p, ok := planted[e.Name]
		if !ok {
			t.Errorf("an export %q that was not written", e.Name)
			continue
		}
		var out, errb bytes.Buffer
		runCheck([]string{"--json", filepath.Join(dir, e.Name)}, &out, &errb)
		if a, b := compactJSON(t, e.Report), compactJSON(t, out.Bytes()); a != b {
			t.Errorf("%s: the batch's report differs from `check --json` of it alone:\n batch %.300s\n alone %.300s", e.Name, a, b)
		}
		var rep check.Report
		if err := json.Unmarshal(e.Report, &rep); err != nil {
			t.Errorf("%s: %v (%s)", e.Name, err, e.Error)
			continue
		}
		switch {
		case p && rep.ExitCode() != check.ExitMismatch:
			t.Errorf("%s (planted): verdict %s, want someone else's data", e.Name, rep.Verdict)
		case !p && rep.Verdict != check.VerdictConsistent:
			t.Errorf("%s (clean): verdict %s, want consistent", e.Name, rep.Verdict)
		}
	}
}

// BenchmarkCheckBatch: `bin/exportlens check --batch --json` as a child
// process, its exports per second and peak RSS: over 100 generated
// exports (the containers and plants of TestCheckBatchSeeded), and, for
// each export EXPORTLENS_BIG names (make bench), over 20 folders that each
// hold that export's files (hard links: 20 exports of its size).
func BenchmarkCheckBatch(b *testing.B) {
	bin := filepath.Join("..", "..", "bin", "exportlens")
	if _, err := os.Stat(bin); err != nil {
		b.Skipf("no %s: make build", bin)
	}
	run := func(b *testing.B, dir string, n int) {
		var ms, rss float64
		for b.Loop() {
			m, r, ok := runForRSS(b, bin, []string{"check", "--batch", "--json", dir})
			if !ok {
				b.Skip("no rusage here")
			}
			ms += m
			rss = max(rss, r)
		}
		b.ReportMetric(float64(n)*float64(b.N)/(ms/1000), "exports/s")
		b.ReportMetric(rss, "MB-rss")
		b.ReportMetric(float64(n), "exports")
	}
	b.Run("seeded-100", func(b *testing.B) {
		dir := b.TempDir()
		run(b, dir, len(seededBatch(b, dir, 1, 100)))
	})
	if os.Getenv("EXPORTLENS_BIG") == "" {
		return
	}
	eachShape(b, func(b *testing.B, s benchShape) {
		// Hard links, beside the export (a folder walk skips symbolic links).
		dir, err := os.MkdirTemp(filepath.Dir(filepath.Dir(s.Files[0])), ".batch-")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { os.RemoveAll(dir) })
		for i := range 20 {
			at := filepath.Join(dir, fmt.Sprintf("%02d", i))
			if err := os.Mkdir(at, 0o755); err != nil {
				b.Fatal(err)
			}
			for _, f := range s.Files {
				if err := os.Link(f, filepath.Join(at, filepath.Base(f))); err != nil {
					b.Fatal(err)
				}
			}
		}
		run(b, dir, 20)
	})
}
