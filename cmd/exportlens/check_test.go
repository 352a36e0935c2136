//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"exportlens/app/archive/unarr"
	"exportlens/app/check"
	"exportlens/cmd/mkexport/hostile"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/golden")

func TestMain(m *testing.M) {
	// The unarr child process is this test binary re-executed.
	if unarr.IsChild() {
		unarr.ChildMain()
		return
	}
	os.Exit(m.Run())
}

const fixtures = "../../testdata/fixtures"

// planted is what the fixture generator wrote into planted.json: the truth.
type planted struct {
	Name       string         `json:"name"`
	Vendor     string         `json:"vendor"`
	Verdict    string         `json:"verdict"`
	Declared   check.Declared `json:"declared"`
	Recordings int            `json:"recordings"`
	Planted    []struct {
		Rule    string `json:"rule"`
		Subject string `json:"subject"`
		Part    string `json:"part"`
		Path    string `json:"path"`
		Line    int    `json:"line"`
		Page    int    `json:"page"`
		Pointer string `json:"pointer"`
		Field   string `json:"field"`
		Records int    `json:"records"`
	} `json:"planted"`
}

func loadFixtures(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(fixtures, "*", "planted.json"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures under %s (run make fixtures): %v", fixtures, err)
	}
	var names []string
	for _, d := range dirs {
		names = append(names, filepath.Base(filepath.Dir(d)))
	}
	return names
}

func readPlanted(t *testing.T, name string) planted {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name, "planted.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p planted
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("%s/planted.json: %v", name, err)
	}
	return p
}

// checkArgsFor builds the command line a user would type for the fixture.
func checkArgsFor(t *testing.T, name string, p planted, extra ...string) []string {
	t.Helper()
	args := append([]string{}, extra...)
	for _, e := range p.Declared.Emails {
		args = append(args, "--email", e)
	}
	for _, c := range p.Declared.CustomerIDs {
		args = append(args, "--customer-id", c)
	}
	for _, d := range p.Declared.Devices {
		args = append(args, "--device", d)
	}
	if p.Declared.NoDevices {
		args = append(args, "--no-devices")
	}
	ins, err := os.ReadDir(filepath.Join(fixtures, name, "input"))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		args = append(args, filepath.Join(fixtures, name, "input", in.Name()))
	}
	return args
}

func runJSON(t *testing.T, args []string) (check.Report, []byte, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runCheck(append([]string{"--json"}, args...), &out, &errb)
	var r check.Report
	if code == 2 {
		t.Fatalf("exportlens check %s: exit 2: %s", strings.Join(args, " "), errb.String())
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out.String())
	}
	return r, out.Bytes(), code
}

// TestFixtures checks every fixture against what was planted in it: the
// verdict, every planted foreign thing as the subject of a mismatch/likely
// finding with evidence at the planted file and line, and the golden report.
func TestFixtures(t *testing.T) {
	for _, name := range loadFixtures(t) {
		t.Run(name, func(t *testing.T) {
			p := readPlanted(t, name)
			r, raw, code := runJSON(t, checkArgsFor(t, name, p))
			if r.Verdict != p.Verdict {
				t.Errorf("verdict: got %q, want %q\n%s", r.Verdict, p.Verdict, summarize(r))
			}
			wantCode := map[string]int{check.VerdictConsistent: 0, check.VerdictMismatch: 1, check.VerdictUnknown: 3}[p.Verdict]
			if code != wantCode {
				t.Errorf("exit status: got %d, want %d", code, wantCode)
			}
			if r.Vendor != p.Vendor {
				t.Errorf("vendor: got %q, want %q", r.Vendor, p.Vendor)
			}
			if p.Verdict == check.VerdictConsistent {
				for _, f := range r.Findings {
					if f.Severity == check.Mismatch || f.Severity == check.Likely {
						t.Errorf("clean export has a %s finding: %s %q: %s", f.Severity, f.Rule, f.Subject, f.Title)
					}
				}
			}
			for _, pl := range p.Planted {
				f, ok := findSubject(r, pl.Rule, pl.Subject, warningRules[pl.Rule])
				if !ok {
					t.Errorf("planted %s %q: no finding with that subject (warning required: %v)\n%s",
						pl.Rule, pl.Subject, warningRules[pl.Rule], summarize(r))
					continue
				}
				if pl.Records > 0 && f.Records != pl.Records {
					t.Errorf("planted %s %q: records got %d, want %d", pl.Rule, pl.Subject, f.Records, pl.Records)
				}
				if pl.Path == "" {
					continue
				}
				if !hasEvidence(f, pl.Part, pl.Path, pl.Line, pl.Page, pl.Pointer) {
					t.Errorf("planted %s %q: no evidence at %s!%s line %d page %d pointer %q; got %+v",
						pl.Rule, pl.Subject, pl.Part, pl.Path, pl.Line, pl.Page, pl.Pointer, f.Evidence)
				}
			}
			golden := filepath.Join("..", "..", "testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, raw, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("golden report missing (go test ./cmd/exportlens -update): %v", err)
			}
			if !bytes.Equal(raw, want) {
				t.Errorf("report differs from %s (run go test ./cmd/exportlens -update and review the diff):\n%s", golden, lineDiff(string(want), string(raw), 40))
			}
		})
	}
}

// warningRules are the planted kinds that must surface as a mismatch or
// likely finding: foreign devices, customer IDs, voice profiles, e-mails,
// speakers and recordings no device explains. Stray or missing audio files and
// transcript lines may be notes.
var warningRules = map[string]bool{
	"foreign-customer": true, "unregistered-device": true, "unknown-voice-profile": true,
	"identity-conflict": true, "foreign-part": true, "unrecognized-speaker": true,
	"recordings-without-device": true, "declared-mismatch": true,
}

// findSubject returns the finding of rule about subject (only mismatch or
// likely ones when warning). The planted rule may be reported under a sibling
// rule (a foreign customer ID also makes its device unregistered), so the
// subject is what must match; the rule is preferred when several share it.
func findSubject(r check.Report, rule, subject string, warning bool) (check.Finding, bool) {
	var found *check.Finding
	for i, f := range r.Findings {
		if warning && f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		if !strings.EqualFold(f.Subject, subject) {
			continue
		}
		if string(f.Rule) == rule {
			return f, true
		}
		if found == nil {
			found = &r.Findings[i]
		}
	}
	if found != nil {
		return *found, true
	}
	return check.Finding{}, false
}

func hasEvidence(f check.Finding, part, path string, line, page int, pointer string) bool {
	for _, e := range f.Evidence {
		if e.Path != path || (part != "" && e.Part != part) {
			continue
		}
		if line > 0 && e.Line != line {
			continue
		}
		if page > 0 && e.Page != page {
			continue
		}
		if pointer != "" && e.Pointer != pointer {
			continue
		}
		return true
	}
	return false
}

func summarize(r check.Report) string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "  %s %s subject=%q records=%d: %s\n", f.Severity, f.Rule, f.Subject, f.Records, f.Title)
		for _, e := range f.Evidence {
			fmt.Fprintf(&b, "      %s!%s line=%d page=%d ptr=%s %s=%s\n", e.Part, e.Path, e.Line, e.Page, e.Pointer, e.Field, e.Value)
		}
	}
	return b.String()
}

// TestFormsAgree: the one-ZIP, separate-ZIPs, folder and 7z forms of one
// export give the same findings (rule, severity, subject, records).
func TestFormsAgree(t *testing.T) {
	forms := []string{"amazon-foreign", "amazon-foreign-onezip", "amazon-foreign-folder", "amazon-foreign-7z"}
	var want []string
	for _, name := range forms {
		p := readPlanted(t, name)
		r, _, _ := runJSON(t, checkArgsFor(t, name, p))
		var got []string
		for _, f := range r.Findings {
			got = append(got, fmt.Sprintf("%s %s %s %d", f.Severity, f.Rule, formSubject(f.Subject), f.Records))
		}
		slices.Sort(got)
		if want == nil {
			want = got
			if len(want) == 0 {
				t.Fatalf("%s: no findings at all", name)
			}
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s findings differ from %s:\n got %q\nwant %q", name, forms[0], got, want)
		}
	}
}

// TestDeterministic: the same input gives byte-identical JSON.
func TestDeterministic(t *testing.T) {
	name := "amazon-foreign"
	p := readPlanted(t, name)
	_, a, _ := runJSON(t, checkArgsFor(t, name, p))
	_, b, _ := runJSON(t, checkArgsFor(t, name, p))
	if !bytes.Equal(a, b) {
		t.Error("two runs over the same input gave different JSON")
	}
}

func TestExitStatusUnreadable(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "export.zip")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 this is not really a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
	}{
		{"missing path", []string{filepath.Join(dir, "nope.zip")}},
		{"broken zip", []string{bad}},
		{"no path", nil},
		{"bad lang", []string{"--lang", "fr", bad}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := runCheck(c.args, &out, &errb); code != 2 {
				t.Errorf("exit status: got %d, want 2 (stderr %q)", code, errb.String())
			}
			if errb.Len() == 0 {
				t.Error("no message on stderr")
			}
		})
	}
}

func TestTextReportGerman(t *testing.T) {
	name := "amazon-2018"
	p := readPlanted(t, name)
	var out, errb bytes.Buffer
	code := runCheck(append([]string{"--lang", "de"}, checkArgsFor(t, name, p)...), &out, &errb)
	if code != 1 {
		t.Fatalf("exit status: got %d, want 1; stderr %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "Aufnahmen") {
		t.Errorf("German report does not speak German:\n%s", out.String())
	}
}

// formSubject drops the category folder that only the extracted form has
// ("Alexa/Alexa.VoiceHistory/media/" in a folder is "Alexa.VoiceHistory/media/"
// in Alexa.zip): the same file, seen through another container.
func formSubject(s string) string {
	if i := strings.Index(s, "Alexa.VoiceHistory/"); i > 0 {
		return s[i:]
	}
	return s
}

// TestExitStatusCannotTell: an export nobody can check ("cannot tell") exits
// 3, not 0, so that a script can tell it from a clean one; the text report
// says it cannot tell.
func TestExitStatusCannotTell(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "export")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("nothing any vendor writes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, _, code := runJSON(t, []string{dir})
	if r.Verdict != check.VerdictUnknown {
		t.Fatalf("verdict: got %q, want %q", r.Verdict, check.VerdictUnknown)
	}
	if code != 3 {
		t.Errorf("exit status: got %d, want 3 (cannot tell)", code)
	}
	var out, errb bytes.Buffer
	if code := runCheck([]string{dir}, &out, &errb); code != 3 {
		t.Errorf("text: exit status got %d, want 3", code)
	}
	if !strings.Contains(out.String(), "Verdict: cannot tell") {
		t.Errorf("text report does not say it cannot tell:\n%s", out.String())
	}
}

// checkIdents is the hostile case of idents.zip: every look-alike identifier
// is the subject of a mismatch or likely finding, kept byte-exact in the
// JSON, with a shown form that differs from the owned value.
func checkIdents(t *testing.T, rep check.Report) {
	t.Helper()
	if rep.Verdict != check.VerdictMismatch {
		t.Errorf("verdict: got %q, want %q", rep.Verdict, check.VerdictMismatch)
	}
	for _, pl := range hostile.IdentsForeign {
		var f *check.Finding
		for i, g := range rep.Findings {
			if (g.Severity == check.Mismatch || g.Severity == check.Likely) && g.Subject == pl.Value {
				f = &rep.Findings[i]
			}
		}
		if f == nil {
			t.Errorf("%s %q (%s): no mismatch or likely finding with it as subject\n%s", pl.Field, pl.Value, pl.What, summarize(rep))
			continue
		}
		if f.SubjectShown == "" || f.SubjectShown == pl.Value || !strings.Contains(f.SubjectShown, "U+") {
			t.Errorf("%s %q (%s): subjectShown %q does not show the difference", pl.Field, pl.Value, pl.What, f.SubjectShown)
		}
		if len(f.Evidence) == 0 || f.Evidence[0].Field != pl.Field || f.Evidence[0].Value != pl.Value || f.Evidence[0].ValueShown != f.SubjectShown {
			t.Errorf("%s %q: evidence %+v, want the raw value and its shown form", pl.Field, pl.Value, f.Evidence)
		}
	}
}
