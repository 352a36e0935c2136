//go:build !wasm

package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"exportlens/app/check"
)

// batchFolder lays out, in a new folder, one export of every form a batch
// takes, from the fixtures, and two that cannot be read. It returns the
// folder and, by the name the batch gives each export, the paths that make
// it.
func batchFolder(t *testing.T) (string, map[string][]string) {
	t.Helper()
	dir := t.TempDir()
	fx := func(parts ...string) string {
		return filepath.Join(append([]string{"..", "..", "testdata", "fixtures"}, parts...)...)
	}
	want := map[string][]string{}
	copyFile := func(from, name string) {
		t.Helper()
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyDir := func(from, name string) {
		t.Helper()
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(from)); err != nil {
			t.Fatal(err)
		}
	}
	add := func(export, name string) { want[export] = append(want[export], filepath.Join(dir, name)) }

	copyFile(fx("amazon-2018", "input", "export.zip"), "household-2018.zip") // one ZIP
	add("household-2018.zip", "household-2018.zip")
	copyDir(fx("amazon-clean", "input"), "anna") // a folder of per-category ZIPs
	add("anna", "anna")
	copyFile(fx("amazon-foreign-7z", "input", "export.7z"), "foreign.7z") // a 7z
	add("foreign.7z", "foreign.7z")
	copyDir(fx("amazon-foreign-folder", "input", "amazon"), "extracted") // an extracted folder
	add("extracted", "extracted")
	parts, _ := filepath.Glob(fx("takeout-parts", "input", "*")) // a Takeout job in parts, one re-downloaded
	for _, p := range parts {
		copyFile(p, filepath.Base(p))
		add("takeout-20240301T101500Z", filepath.Base(p))
	}
	copyDir(fx("takeout-voice", "input", "takeout-20220516T075809Z-001"), "takeout-20220516T075809Z-001") // an extracted part
	add("takeout-20220516T075809Z", "takeout-20220516T075809Z-001")
	writeTgz(t, fx("amazon-foreign-folder", "input", "amazon"), filepath.Join(dir, "amazon.tgz")) // a tgz
	add("amazon.tgz", "amazon.tgz")

	b, err := os.ReadFile(fx("amazon-2018", "input", "export.zip"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "broken.zip"), b[:len(b)/3], 0o644) // cut short
	add("broken.zip", "broken.zip")
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("exports sent in by readers\n"), 0o644)
	add("notes.txt", "notes.txt")
	os.WriteFile(filepath.Join(dir, ".DS_Store"), []byte{0, 0, 0, 1}, 0o644) // no export
	return dir, want
}

// writeTgz packs the folder from into a gzipped tar at name.
func writeTgz(t *testing.T, from, name string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	if err := tw.AddFS(os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func runBatchJSON(t *testing.T, args ...string) (batchJSON, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runCheck(append([]string{"--batch", "--json"}, args...), &out, &errb)
	var b batchJSON
	if err := json.Unmarshal(out.Bytes(), &b); err != nil {
		t.Fatalf("check --batch --json %s: exit %d, not JSON: %v\n%s\n%s", strings.Join(args, " "), code, err, out.String(), errb.String())
	}
	return b, code
}

func compactJSON(t *testing.T, b []byte) string {
	t.Helper()
	var c bytes.Buffer
	if err := json.Compact(&c, b); err != nil {
		t.Fatal(err)
	}
	return c.String()
}

// TestCheckBatch: every export of a batch gets the report `check --json`
// gives it alone, byte for byte (batching, grouping Takeout parts and
// checking several at once change nothing); what cannot be read is
// reported and the batch goes on; a second run with one job at a time
// writes the same; exit 1 because exports hold someone else's data.
func TestCheckBatch(t *testing.T) {
	dir, want := batchFolder(t)
	got, code := runBatchJSON(t, "--jobs", "3", dir)
	if code != check.ExitMismatch {
		t.Errorf("exit %d, want %d (exports hold someone else's data)", code, check.ExitMismatch)
	}
	var names []string
	for _, e := range got.Exports {
		names = append(names, e.Name)
	}
	wantNames := slices.Sorted(func(yield func(string) bool) {
		for k := range want {
			if !yield(k) {
				return
			}
		}
	})
	if !slices.Equal(slices.Sorted(slices.Values(names)), wantNames) {
		t.Fatalf("exports: got %q, want %q", names, wantNames)
	}
	count := batchCount{Exports: len(want)}
	for _, e := range got.Exports {
		var out, errb bytes.Buffer
		single := runCheck(append([]string{"--json"}, want[e.Name]...), &out, &errb)
		switch {
		case single == check.ExitUnreadable:
			count.Unreadable++
			if e.Error == "" || e.Verdict != "unreadable" || e.Report != nil {
				t.Errorf("%s: alone it cannot be read (%s); in the batch: verdict %q, error %q", e.Name, strings.TrimSpace(errb.String()), e.Verdict, e.Error)
			}
		default:
			if e.Error != "" {
				t.Errorf("%s: alone it is read (exit %d); in the batch: %s", e.Name, single, e.Error)
				continue
			}
			if a, b := compactJSON(t, e.Report), compactJSON(t, out.Bytes()); a != b {
				t.Errorf("%s: the batch's report differs from `check --json %s`:\n batch %.400s\n alone %.400s", e.Name, strings.Join(want[e.Name], " "), a, b)
			}
			var rep check.Report
			json.Unmarshal(out.Bytes(), &rep)
			if e.Verdict != rep.Verdict {
				t.Errorf("%s: verdict %q, alone %q", e.Name, e.Verdict, rep.Verdict)
			}
			switch rep.Verdict {
			case check.VerdictMismatch:
				count.Mismatch++
			case check.VerdictConsistent:
				count.Consistent++
			default:
				count.Unknown++
			}
		}
	}
	if got.Summary != count {
		t.Errorf("summary %+v, want %+v", got.Summary, count)
	}
	if count.Mismatch == 0 || count.Consistent == 0 || count.Unreadable != 1 {
		t.Errorf("the folder should hold mismatched, consistent and one unreadable export: %+v", count)
	}
	again, code2 := runBatchJSON(t, "--jobs", "1", dir)
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(again)
	if code2 != code || !bytes.Equal(a, b) {
		t.Errorf("--jobs 1 writes another result than --jobs 3 (exit %d, %d)", code2, code)
	}
}

// TestCheckBatchExit: 2 only when nothing could be read, 3 when something
// could not be read or told, 0 when every export is consistent.
func TestCheckBatchExit(t *testing.T) {
	_, want := batchFolder(t)
	pick := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, want[n]...)
		}
		return out
	}
	for _, c := range []struct {
		exports []string
		code    int
	}{
		{[]string{"broken.zip"}, check.ExitUnreadable},
		{[]string{"broken.zip", "anna"}, check.ExitUnknown},
		{[]string{"notes.txt", "anna"}, check.ExitUnknown},
		{[]string{"anna", "takeout-20220516T075809Z"}, check.ExitConsistent},
		{[]string{"anna", "broken.zip", "extracted"}, check.ExitMismatch},
	} {
		// Each path named is an export of its own: a file as itself, a
		// folder's children otherwise; so the folders go in as a parent.
		paths := pick(c.exports...)
		parent := t.TempDir()
		for _, p := range paths {
			if err := os.Symlink(p, filepath.Join(parent, filepath.Base(p))); err != nil {
				t.Fatal(err)
			}
		}
		if _, code := runBatchJSON(t, parent); code != c.code {
			t.Errorf("%v: exit %d, want %d", c.exports, code, c.code)
		}
	}
}

// TestCheckBatchText: the table has a line per export and the counts; the
// CSV parses, with a line per export, and a cell a spreadsheet would run
// as a formula is defused.
func TestCheckBatchText(t *testing.T) {
	dir, want := batchFolder(t)
	for _, lang := range []string{"en", "de"} {
		var out, errb bytes.Buffer
		runCheck([]string{"--batch", "--lang", lang, dir}, &out, &errb)
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) != len(want)+2 {
			t.Errorf("%s table: %d lines, want a heading, %d exports and the counts:\n%s", lang, len(lines), len(want), out.String())
		}
		last := lines[len(lines)-1]
		if wantStart := map[string]string{"en": "9 exports: ", "de": "9 Exporte: "}[lang]; !strings.HasPrefix(last, wantStart) {
			t.Errorf("%s: the table ends %q, want the counts (%q…)", lang, last, wantStart)
		}
		for name := range want {
			if !strings.Contains(out.String(), "\n"+name+" ") {
				t.Errorf("%s table: no line for %s", lang, name)
			}
		}
		out.Reset()
		runCheck([]string{"--batch", "--csv", "--lang", lang, dir}, &out, &errb)
		rows, err := csv.NewReader(&out).ReadAll()
		if err != nil || len(rows) != len(want)+1 {
			t.Errorf("%s CSV: %d rows (%v), want a heading and %d", lang, len(rows), err, len(want))
		}
	}
	var out bytes.Buffer
	r := batchResult{batchExport: batchExport{Name: "=cmd|' /C calc'!A0"}, Report: &check.Report{Verdict: check.VerdictMismatch,
		Findings: []check.Finding{{Severity: check.Mismatch, Title: "x", Subject: "+SUM(1)"}}}}
	if err := writeBatchCSV(&out, []batchResult{r}, "en"); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&out).ReadAll()
	if len(rows) != 2 || rows[1][0] != "'=cmd|' /C calc'!A0" || rows[1][6] != "'+SUM(1)" {
		t.Errorf("formula cells: %q, want them to start with an apostrophe", rows)
	}
}

// TestBatchExports: the parts of a Takeout job are one export, whatever
// their order, case or re-download suffix; hidden files are none.
func TestBatchExports(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"takeout-20240301T101500Z-002 (1).zip", "Takeout-20240301T101500Z-001.tgz", "takeout-20240301T101500Z-003",
		"takeout-20250101T000000Z-001.zip", "amazon", "x.zip", ".hidden"} {
		if strings.Contains(n, ".") && n != "takeout-20240301T101500Z-003" {
			os.WriteFile(filepath.Join(dir, n), nil, 0o644)
		} else {
			os.Mkdir(filepath.Join(dir, n), 0o755)
		}
	}
	got, err := batchExports([]string{dir, filepath.Join(dir, "x.zip")})
	if err != nil {
		t.Fatal(err)
	}
	var summary []string
	for _, e := range got {
		var base []string
		for _, p := range e.Paths {
			base = append(base, filepath.Base(p))
		}
		summary = append(summary, e.Name+"="+strings.Join(base, "+"))
	}
	want := []string{
		"Takeout-20240301T101500Z=Takeout-20240301T101500Z-001.tgz+takeout-20240301T101500Z-002 (1).zip+takeout-20240301T101500Z-003",
		"amazon=amazon",
		"takeout-20250101T000000Z=takeout-20250101T000000Z-001.zip",
		"x.zip=x.zip",
		"x.zip=x.zip",
	}
	if !slices.Equal(summary, want) {
		t.Errorf("exports:\n got  %q\n want %q", summary, want)
	}
}
