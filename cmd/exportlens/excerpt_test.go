//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"exportlens/app/check"
)

// excerptHeading is the heading of the excerpts in report.txt.
var excerptHeading = map[string]string{"en": "Excerpts chosen by the person", "de": "Von der Person ausgewählte Auszüge"}

// TestCheckExcerpt: --excerpt puts what the chosen recording says, and
// nothing another recording says, into the pack's report.txt under its
// heading; report.json stays the same; the audio file's base name chooses
// the same; a name no recording has is said on stderr and the pack is
// written without it; --excerpt without --pack is refused.
func TestCheckExcerpt(t *testing.T) {
	files := fixtureFiles(t, "amazon-2018")
	fx := openNative(t, files, check.Declared{})
	var ref, said string
	var others []string
	for i := range fx.x.Recordings {
		r := &fx.x.Recordings[i]
		if tx := r.Transcript().Text; tx != "" && r.AudioPath() != "" {
			if ref == "" {
				ref, said = check.RecordingRef(r), tx
			} else if tx != said {
				others = append(others, tx)
			}
		}
	}
	if ref == "" || len(others) == 0 {
		t.Fatal("amazon-2018 has no two recordings with different transcripts and audio: the test would prove nothing")
	}
	pack := func(t *testing.T, args ...string) (map[string][]byte, string, int) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "pack.zip")
		var stdout, stderr bytes.Buffer
		code := runCheck(append(append([]string{"--pack", out}, args...), files...), &stdout, &stderr)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("no pack written (exit %d, %s): %v", code, stderr.String(), err)
		}
		return unzipAll(t, b), stderr.String(), code
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1796212800")
	plain, _, _ := pack(t)
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			got, stderr, code := pack(t, "--lang", lang, "--excerpt", ref)
			if code != check.ExitMismatch || stderr != "" {
				t.Fatalf("exit %d, stderr %q; want %d and nothing", code, stderr, check.ExitMismatch)
			}
			txt := string(got["report.txt"])
			h := strings.Index(txt, "\n"+excerptHeading[lang]+"\n")
			if h < 0 {
				t.Fatalf("report.txt has no %q heading:\n%s", excerptHeading[lang], txt)
			}
			if !strings.Contains(txt[h:], "> "+ref) || !strings.Contains(txt[h:], said) {
				t.Errorf("the excerpt does not name %s and say %q:\n%s", ref, said, txt[h:])
			}
			if strings.Contains(txt[:h], said) {
				t.Errorf("what %s says stands before the excerpts heading", ref)
			}
			for _, o := range others {
				if strings.Contains(txt, o) {
					t.Errorf("report.txt holds %q, which a recording not chosen says", o)
				}
			}
			for n, b := range got {
				if n != "report.txt" && bytes.Contains(b, []byte(said)) {
					t.Errorf("%s holds the excerpt; only report.txt may", n)
				}
			}
			if !bytes.Equal(got["report.json"], plain["report.json"]) {
				t.Error("report.json changed with an excerpt")
			}
			byBase, _, _ := pack(t, "--lang", lang, "--excerpt", path.Base(ref))
			if !bytes.Equal(byBase["report.txt"], got["report.txt"]) {
				t.Errorf("--excerpt %s gives another report.txt than --excerpt %s", path.Base(ref), ref)
			}
		})
	}
	none, stderr, code := pack(t, "--excerpt", "Alexa/no-such.wav")
	if code != check.ExitMismatch || !strings.Contains(stderr, `"Alexa/no-such.wav"`) {
		t.Errorf("a name no recording has: exit %d, stderr %q; want %d and the name", code, stderr, check.ExitMismatch)
	}
	if strings.Contains(string(none["report.txt"]), excerptHeading["en"]) {
		t.Error("a name no recording has still gives an excerpts heading")
	}
	var stdout, errb bytes.Buffer
	if code := runCheck(append([]string{"--excerpt", ref}, files...), &stdout, &errb); code != check.ExitUnreadable || !strings.Contains(errb.String(), "--pack") {
		t.Errorf("--excerpt without --pack: exit %d, stderr %q; want %d naming --pack", code, errb.String(), check.ExitUnreadable)
	}
}
