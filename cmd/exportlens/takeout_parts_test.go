//go:build !wasm

package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"exportlens/app/check"
)

// partsWith copies the takeout-parts fixture (alice's three parts) into a
// folder and adds one more part; it returns the check's arguments.
func partsWith(t *testing.T, name string, files map[string]string) []string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(fixtures, "takeout-parts", "input")
	ins, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	for _, in := range ins {
		data, err := os.ReadFile(filepath.Join(src, in.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, in.Name())
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range []string{"Takeout/archive_browser.html", "Takeout/Profile/Profile.json", "Takeout/Fit/Daily activity metrics.csv"} {
		if body, ok := files[n]; ok {
			w, err := zw.Create(n)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(body))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return append(args, p)
}

const strangerOverview = `<html><body><div class="header"><h1 class="header_title">Archive for bob.fremd@example.org</h1></div>
<div class="service_container"><div class="service_name"><h1 class="data-folder-name">Profile</h1></div>
<div class="file-leaf"><div class="extracted-file-name"> Profile.json</div></div></div></body></html>`

// Regression: a stranger's part whose name sorted first took over the
// claim, and alice's own part was blamed.
func TestTakeoutStrangerPartBlamedWhateverItsName(t *testing.T) {
	for _, name := range []string{"takeout-20190101T000000Z-001.zip", "takeout-20250101T000000Z-001.zip"} {
		t.Run(name, func(t *testing.T) {
			r, _, code := runJSON(t, partsWith(t, name, map[string]string{
				"Takeout/archive_browser.html": strangerOverview,
				"Takeout/Profile/Profile.json": `{"name":{"givenName":"Bob","familyName":"Fremd"},"emails":[{"value":"bob.fremd@example.org"}]}`,
			}))
			if r.Verdict != check.VerdictMismatch || code != 1 {
				t.Errorf("verdict: got %s (exit %d) want %s (exit 1)", r.Verdict, code, check.VerdictMismatch)
			}
			if len(r.Claim.Emails) == 0 || r.Claim.Emails[0] != "alice.muster@example.com" {
				t.Errorf("claim: got %q want alice.muster@example.com first", r.Claim.Emails)
			}
			if slices.Contains(r.Claim.Names, "Bob Fremd") {
				t.Errorf("claim names: got %q, want not the stranger's profile name", r.Claim.Names)
			}
			f, ok := findSubject(r, "foreign-part", "bob.fremd@example.org", true)
			if !ok || f.Rule != "foreign-part" {
				t.Fatalf("no foreign-part finding about bob: %s", summarize(r))
			}
			if !hasEvidence(f, name, "Takeout/archive_browser.html", 1, 0, "") {
				t.Errorf("evidence: got %+v want the stranger's overview in %s", f.Evidence, name)
			}
			for _, f := range r.Findings {
				if (f.Severity == check.Mismatch || f.Severity == check.Likely) && !strings.EqualFold(f.Subject, "bob.fremd@example.org") {
					t.Errorf("alice's export blamed: %s %s %q", f.Severity, f.Rule, f.Subject)
				}
			}
		})
	}
}

// Regression: a part of another Takeout job that names no account was
// "not yours" (exit 1).
func TestTakeoutOtherJobPartNamingNoAccount(t *testing.T) {
	r, _, code := runJSON(t, partsWith(t, "takeout-20231105T090000Z-001.zip", map[string]string{
		"Takeout/Fit/Daily activity metrics.csv": "Date,Steps\n2023-11-01,4000\n",
	}))
	for _, f := range r.Findings {
		if f.Severity == check.Mismatch || f.Severity == check.Likely {
			t.Errorf("got %s %s %q, want no mismatch from a part that names no account", f.Severity, f.Rule, f.Subject)
		}
	}
	if r.Verdict != check.VerdictConsistent || code != 0 {
		t.Errorf("verdict: got %s (exit %d) want %s (exit 0): %s", r.Verdict, code, check.VerdictConsistent, summarize(r))
	}
}
