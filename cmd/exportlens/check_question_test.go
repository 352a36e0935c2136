//go:build !wasm

package main

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"exportlens/app/check"
)

// TestCheckQuestionFlags: on the 2018 demo without its device list the
// command cannot tell, says so with the flag that settles it under the
// verdict line (in English and German), and puts the question in the JSON;
// --no-devices and --owns-device settle it each their way, and together
// they are refused.
func TestCheckQuestionFlags(t *testing.T) {
	zip := withoutDeviceList(t)
	run := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := runCheck(append(args, zip), &out, &errb)
		return out.String(), errb.String(), code
	}
	for _, lang := range []string{"en", "de"} {
		out, _, code := run("--lang", lang)
		if code != check.ExitUnknown {
			t.Errorf("%s: exit %d, want %d (cannot tell)", lang, code, check.ExitUnknown)
		}
		lines := strings.SplitN(out, "\n", 3)
		if len(lines) < 2 || !strings.Contains(lines[1], "--no-devices") || !strings.Contains(lines[1], "--device ") {
			t.Errorf("%s: the line under the verdict does not name --no-devices and --device:\n%s", lang, out)
		}
	}
	r, _, _ := runJSON(t, []string{zip})
	if r.Question != check.QuestionVoiceDevice {
		t.Errorf("JSON question: got %q, want %q", r.Question, check.QuestionVoiceDevice)
	}
	if _, _, code := run("--no-devices"); code != check.ExitMismatch {
		t.Errorf("--no-devices: exit %d, want %d", code, check.ExitMismatch)
	}
	r, _, code := runJSON(t, []string{"--owns-device", zip})
	if code != check.ExitConsistent || r.Verdict != check.VerdictConsistent || !r.Claim.Declared.OwnsDevice {
		t.Errorf("--owns-device: exit %d verdict %q declared %+v, want 0, consistent, ownsDevice", code, r.Verdict, r.Claim.Declared)
	}
	if r.Question != check.QuestionVoiceDevice {
		t.Errorf("--owns-device: the answered question is gone from the JSON (%q)", r.Question)
	}
	if _, errs, code := run("--no-devices", "--owns-device"); code != check.ExitUnreadable || !strings.Contains(errs, "contradicts") {
		t.Errorf("--no-devices --owns-device: exit %d, stderr %q; want 2 and why", code, errs)
	}
	// A clean export asks nothing.
	if r, _, _ := runJSON(t, fixtureFiles(t, "amazon-clean")); r.Question != "" {
		t.Errorf("amazon-clean: question %q, want none", r.Question)
	}
}

// TestCheckNotMineFlags: --not-my-device and --not-my-profile, typed loosely,
// flag the marked entry's recordings and are in the report's declared facts.
func TestCheckNotMineFlags(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "fixtures", "amazon-clean", "input", "*"))
	if len(files) == 0 {
		t.Fatal("no amazon-clean inputs")
	}
	for _, tc := range []struct {
		flag, value, subject string
	}{
		{"--not-my-device", "g090 lf00 0000 0002", "G090LF0000000002"},
		{"--not-my-profile", "amzn1.actor.person.oid.A1ANNAPROFILE1", "AMZN1.ACTOR.PERSON.OID.A1ANNAPROFILE1"},
	} {
		r, _, code := runJSON(t, append([]string{tc.flag, tc.value}, files...))
		if code != check.ExitMismatch || r.Verdict != check.VerdictMismatch {
			t.Errorf("%s: exit %d verdict %q, want %d and mismatch", tc.flag, code, r.Verdict, check.ExitMismatch)
		}
		found := false
		for _, f := range r.Findings {
			found = found || f.Rule == "declared-mismatch" && f.Severity == check.Likely && f.Subject == tc.subject && f.Records > 0
		}
		if !found {
			t.Errorf("%s: no likely declared-mismatch finding on %s in %+v", tc.flag, tc.subject, r.Findings)
		}
		marks := append(r.Claim.Declared.NotMineDevices, r.Claim.Declared.NotMineProfiles...)
		if len(marks) != 1 || marks[0] != tc.value {
			t.Errorf("%s: declared marks %q, want [%q] as typed", tc.flag, marks, tc.value)
		}
	}
}

// TestCheckRecordingMarks: --my-recording and --not-my-recording on the 2018
// demo without its device list (cannot tell): every WAV marked yours settles
// it (exit 0), all but one does not (exit 3), one marked not yours is
// flagged (exit 1) with that WAV as its evidence; the text report lists the
// marks as the person's own statements.
func TestCheckRecordingMarks(t *testing.T) {
	z := withoutDeviceList(t)
	zr, err := zip.OpenReader(z)
	if err != nil {
		t.Fatal(err)
	}
	var wavs []string
	for _, e := range zr.File {
		if strings.HasSuffix(e.Name, ".wav") {
			wavs = append(wavs, e.Name)
		}
	}
	zr.Close()
	if len(wavs) < 2 {
		t.Fatalf("amazon-2018: %d WAVs, want several", len(wavs))
	}
	marks := func(flag string, refs []string) []string {
		var args []string
		for _, r := range refs {
			args = append(args, flag, r)
		}
		return append(args, z)
	}
	if r, _, code := runJSON(t, marks("--my-recording", wavs)); code != check.ExitConsistent || r.Verdict != check.VerdictConsistent {
		t.Errorf("all %d WAVs mine: exit %d verdict %q, want %d consistent", len(wavs), code, r.Verdict, check.ExitConsistent)
	}
	if _, _, code := runJSON(t, marks("--my-recording", wavs[1:])); code != check.ExitUnknown {
		t.Errorf("all WAVs but one mine: exit %d, want %d (cannot tell)", code, check.ExitUnknown)
	}
	r, _, code := runJSON(t, marks("--not-my-recording", wavs[:1]))
	if code != check.ExitMismatch {
		t.Errorf("one WAV not mine: exit %d, want %d", code, check.ExitMismatch)
	}
	found := false
	for _, f := range r.Findings {
		found = found || f.Rule == "declared-mismatch" && f.Severity == check.Likely && f.Records == 1 &&
			len(f.Evidence) == 1 && strings.HasSuffix(f.Evidence[0].Path, wavs[0])
	}
	if !found {
		t.Errorf("one WAV not mine: no likely finding with %s as its evidence in %+v", wavs[0], r.Findings)
	}
	var out, errb bytes.Buffer
	runCheck(append([]string{"--lang", "de"}, marks("--not-my-recording", wavs[:1])...), &out, &errb)
	if !strings.Contains(out.String(), "Nach Ihrer eigenen Angabe nicht von Ihnen:\n  Aufnahme "+wavs[0]) {
		t.Errorf("German text report does not list the mark as your statement:\n%s", out.String())
	}
}
