//go:build !wasm

package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"exportlens/app/check"
)

// packTruth is what planted.json says beyond what the other tests read:
// the claimed account and the stranger's phrases.
type packTruth struct {
	Claim struct {
		CustomerIDs []string `json:"customerIds"`
		Emails      []string `json:"emails"`
	} `json:"claim"`
	Phrases []string `json:"phrases"`
}

func readPackTruth(t *testing.T, name string) packTruth {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name, "planted.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p packTruth
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("%s/planted.json: %v", name, err)
	}
	return p
}

// unzipAll reads every entry of a pack; the pack must be a valid ZIP.
func unzipAll(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("pack is not a ZIP: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("pack entry %s: %v", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("pack entry %s: %v", f.Name, err)
		}
		if _, dup := files[f.Name]; dup {
			t.Errorf("pack entry %s twice", f.Name)
		}
		files[f.Name] = data
	}
	return files
}

// TestPackFixtures: on every fixture `check --pack FILE` writes a ZIP whose
// report.json is byte for byte what `check --json` prints for the same
// input and declared facts, with the same exit status; the letters are in
// it exactly when the fixture holds someone else's data; and no entry holds
// any of the stranger's planted transcript phrases.
func TestPackFixtures(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796212800") // 2026-12-02 12:00 UTC
	for _, name := range loadFixtures(t) {
		t.Run(name, func(t *testing.T) {
			p := readPlanted(t, name)
			truth := readPackTruth(t, name)
			args := checkArgsFor(t, name, p)
			_, want, wantCode := runJSON(t, args)

			out := filepath.Join(t.TempDir(), "pack.zip")
			var stdout, stderr bytes.Buffer
			code := runCheck(append([]string{"--json", "--pack", out}, args...), &stdout, &stderr)
			if code != wantCode {
				t.Errorf("exit status with --pack: got %d, want %d (%s)", code, wantCode, stderr.String())
			}
			if !bytes.Equal(stdout.Bytes(), want) {
				t.Errorf("--pack changed what --json prints")
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("no pack written: %v", err)
			}
			files := unzipAll(t, b)
			if !bytes.Equal(files["report.json"], want) {
				t.Errorf("report.json in the pack differs from check --json:\n%s", files["report.json"])
			}
			names := []string{"README.txt", "report.json", "report.txt"}
			if p.Verdict == check.VerdictMismatch {
				names = append(names, "letter-authority.txt", "letter-company.txt")
			}
			var got []string
			for n := range files {
				got = append(got, n)
			}
			slices.Sort(got)
			slices.Sort(names)
			if !slices.Equal(got, names) {
				t.Errorf("pack entries: got %v, want %v", got, names)
			}
			if name == "amazon-2018" && len(truth.Phrases) == 0 {
				t.Fatal("amazon-2018/planted.json lists no phrases: regenerate the fixtures")
			}
			for n, data := range files {
				for _, ph := range truth.Phrases {
					if bytes.Contains(data, []byte(ph)) {
						t.Errorf("%s holds the stranger's phrase %q", n, ph)
					}
				}
			}
			for _, id := range truth.Claim.CustomerIDs {
				if !bytes.Contains(files["report.txt"], []byte(id)) {
					t.Errorf("report.txt does not name the claimed customer ID %s", id)
				}
			}
		})
	}
}

// TestPackDeterministic: the same export and the same time give the same
// pack, byte for byte, its entries dated that time.
func TestPackDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796212800")
	p := readPlanted(t, "amazon-foreign")
	args := checkArgsFor(t, "amazon-foreign", p)
	var packs [][]byte
	for i := range 2 {
		out := filepath.Join(t.TempDir(), "pack.zip")
		var stdout, stderr bytes.Buffer
		if code := runCheck(append([]string{"--pack", out}, args...), &stdout, &stderr); code != check.ExitMismatch {
			t.Fatalf("run %d: exit %d, want %d: %s", i, code, check.ExitMismatch, stderr.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		packs = append(packs, b)
	}
	if !bytes.Equal(packs[0], packs[1]) {
		t.Errorf("two packs of the same export at the same time differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(packs[0]), int64(len(packs[0])))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	for _, f := range zr.File {
		if !f.Modified.Equal(want) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, want)
		}
	}
}

// letterArticles are the articles each language's letters must cite, as
// the official texts of the GDPR write them.
var letterArticles = map[string][]string{
	"en": {"Article 15 GDPR", "Article 5(1)(f) GDPR", "Article 33 GDPR", "Article 34 GDPR", "Article 77 GDPR"},
	"de": {"Art. 15 DSGVO", "Art. 5 Abs. 1 lit. f DSGVO", "Art. 33 DSGVO", "Art. 34 DSGVO", "Art. 77 DSGVO"},
}

// identityRules are the planted kinds whose subject is another account's
// identifier (or the folder of recordings no device explains): a letter
// must name each with its count.
var identityRules = map[string]bool{
	"foreign-customer": true, "unregistered-device": true, "unknown-voice-profile": true,
	"identity-conflict": true, "foreign-part": true, "recordings-without-device": true,
}

// TestLetterFixtures: `check --letter de|en` prints the letter to the
// company and the complaint to the authority, in that language, naming the
// claimed account, every planted foreign identifier with its count, the
// articles, and none of the stranger's phrases or the notes' subjects; the
// exit status is the check's.
func TestLetterFixtures(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796212800")
	headings := map[string][]string{
		"en": {"Letter 1 of 2: to the company", "Letter 2 of 2: complaint to the data protection authority", "Dear Sir or Madam,", "2 December 2026"},
		"de": {"Brief 1 von 2: an das Unternehmen", "Brief 2 von 2: Beschwerde bei der Datenschutz-Aufsichtsbehörde", "Sehr geehrte Damen und Herren,", "2. Dezember 2026"},
	}
	for _, name := range []string{"amazon-2018", "amazon-foreign", "takeout-emails"} {
		for _, lang := range []string{"en", "de"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				p := readPlanted(t, name)
				truth := readPackTruth(t, name)
				var stdout, stderr bytes.Buffer
				code := runCheck(append([]string{"--letter", lang}, checkArgsFor(t, name, p)...), &stdout, &stderr)
				if code != check.ExitMismatch {
					t.Errorf("exit status: got %d, want %d (%s)", code, check.ExitMismatch, stderr.String())
				}
				text := stdout.String()
				letters := strings.Split(text, headings[lang][1])
				if len(letters) != 2 || !strings.Contains(letters[0], headings[lang][0]) {
					t.Fatalf("want the company letter, then the authority letter under %q:\n%s", headings[lang][1], text)
				}
				for i, l := range letters {
					for _, s := range headings[lang][2:] {
						if !strings.Contains(l, s) {
							t.Errorf("letter %d lacks %q", i+1, s)
						}
					}
					for _, id := range append(truth.Claim.CustomerIDs, truth.Claim.Emails...) {
						if !strings.Contains(l, id) {
							t.Errorf("letter %d does not name the account %s", i+1, id)
						}
					}
					for _, pl := range p.Planted {
						if !identityRules[pl.Rule] {
							if pl.Rule == "missing-recording" && strings.Contains(l, pl.Subject) {
								t.Errorf("letter %d names a missing file (a note, not someone else's data): %s", i+1, pl.Subject)
							}
							continue
						}
						if !strings.Contains(l, pl.Subject) {
							t.Errorf("letter %d does not name %s %s", i+1, pl.Rule, pl.Subject)
						}
						if pl.Records > 0 && !strings.Contains(l, strconv.Itoa(pl.Records)+" ") {
							t.Errorf("letter %d does not count the %d records of %s", i+1, pl.Records, pl.Subject)
						}
					}
					for _, ph := range truth.Phrases {
						if strings.Contains(l, ph) {
							t.Errorf("letter %d holds the stranger's phrase %q", i+1, ph)
						}
					}
				}
				// Each article in the letter that needs it: the company
				// letter cites 15, 5(1)(f), 33, 34; the complaint all five.
				arts := letterArticles[lang]
				for _, a := range arts[:4] {
					if !strings.Contains(letters[0], a) {
						t.Errorf("company letter does not cite %s", a)
					}
				}
				for _, a := range arts {
					if !strings.Contains(letters[1], a) {
						t.Errorf("complaint does not cite %s", a)
					}
				}
				other := map[string]string{"en": "de", "de": "en"}[lang]
				if strings.Contains(text, letterArticles[other][0]) {
					t.Errorf("%s letters cite the articles as the other language does (%s)", lang, letterArticles[other][0])
				}
			})
		}
	}
}

// TestLetterNone: for a clean export there is no letter: nothing on
// stdout, the reason on stderr, the exit status unchanged; --letter with
// --json or with a third language is refused.
func TestLetterNone(t *testing.T) {
	p := readPlanted(t, "amazon-clean")
	args := checkArgsFor(t, "amazon-clean", p)
	for lang, want := range map[string]string{"en": "nothing to report", "de": "nichts zu melden"} {
		var stdout, stderr bytes.Buffer
		code := runCheck(append([]string{"--letter", lang}, args...), &stdout, &stderr)
		if code != check.ExitConsistent || stdout.Len() != 0 || !strings.Contains(stderr.String(), want) {
			t.Errorf("--letter %s on a clean export: exit %d, stdout %q, stderr %q; want exit 0, no stdout, %q on stderr",
				lang, code, stdout.String(), stderr.String(), want)
		}
	}
	for _, bad := range [][]string{{"--letter", "de", "--json"}, {"--letter", "fr"}} {
		var stdout, stderr bytes.Buffer
		if code := runCheck(append(bad, args...), &stdout, &stderr); code != check.ExitUnreadable {
			t.Errorf("check %v: exit %d, want %d", bad, code, check.ExitUnreadable)
		}
	}
}

// TestPackUnwritable: a pack that cannot be written is an error that names
// --pack (exit 2), and leaves no file behind.
func TestPackUnwritable(t *testing.T) {
	p := readPlanted(t, "amazon-clean")
	out := filepath.Join(t.TempDir(), "missing", "pack.zip")
	var stdout, stderr bytes.Buffer
	code := runCheck(append([]string{"--pack", out}, checkArgsFor(t, "amazon-clean", p)...), &stdout, &stderr)
	if code != check.ExitUnreadable || !strings.Contains(stderr.String(), "--pack") {
		t.Errorf("--pack into a missing folder: exit %d, stderr %q; want exit 2 naming --pack", code, stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a pack was written to %s", out)
	}
}
