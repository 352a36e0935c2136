//go:build !wasm

package main

import (
	"bytes"
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
