package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"exportlens/app/export"
	"exportlens/app/view"
)

// TestTextsHaveBothLanguages fails when a UI string lacks English or German.
func TestTextsHaveBothLanguages(t *testing.T) {
	for key, tx := range texts {
		if strings.TrimSpace(tx.en) == "" {
			t.Errorf("%s: got no English text, want one", key)
		}
		if strings.TrimSpace(tx.de) == "" {
			t.Errorf("%s: got no German text, want one", key)
		}
		if strings.Count(tx.en, "%") != strings.Count(tx.de, "%") {
			t.Errorf("%s: got %d verbs in English and %d in German, want the same", key, strings.Count(tx.en, "%"), strings.Count(tx.de, "%"))
		}
	}
}

// TestKeysUsedExist fails when the code asks for a key the table lacks
// (tr would show the key itself to the person).
func TestKeysUsedExist(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	use := regexp.MustCompile(`trn?\([a-zA-Z.]+, "([A-Za-z0-9.]+)"\s*[,)]`)
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range use.FindAllStringSubmatch(string(src), -1) {
			found++
			if _, ok := texts[m[1]]; !ok {
				t.Errorf("%s: key %q used, got no entry in texts", name, m[1])
			}
		}
	}
	if found < 20 {
		t.Fatalf("got %d uses of tr, want the scan to find the code's uses", found)
	}
}

// TestComputedKeysExist covers keys built at run time.
func TestComputedKeysExist(t *testing.T) {
	var keys []string
	for _, sev := range []string{"mismatch", "likely", "note", "unknown"} {
		keys = append(keys, "sev."+sev)
	}
	for _, v := range []string{"verdict.mismatch", "verdict.consistent", "verdict.unknown"} {
		keys = append(keys, v, v+".sub")
	}
	for _, r := range view.Reasons {
		keys = append(keys, string(r))
	}
	// The open panel words a file's problem by its kind; an archive's is
	// worded from the tree's own error, with its cause.
	for _, k := range export.ProblemKinds {
		if k != export.ProblemArchive {
			keys = append(keys, "reason."+string(k))
		}
	}
	for _, k := range keys {
		if _, ok := texts[k]; !ok {
			t.Errorf("key %q: got no entry in texts", k)
		}
	}
}

func TestTrLanguage(t *testing.T) {
	tests := []struct{ name, lang, want string }{
		{"german", "de", "Befunde"},
		{"english", "en", "Findings"},
		{"other falls back to English", "fr", "Findings"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tr(tc.lang, "findings.title"); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSplitEmails(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", " ", []string{}},
		{"padded, capitals", " Anna@Example.com ", []string{"Anna@Example.com"}},
		{"separated by spaces", "a@x.de b@y.de", []string{"a@x.de", "b@y.de"}},
		{"a stray space inside", "anna @example.com", []string{"anna @example.com"}},
		{"commas", "a@x.de,b@y.de", []string{"a@x.de", "b@y.de"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := splitEmails(tc.in)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || got == nil {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSplitList(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", []string{}},
		{"commas and spaces", "a@x.de, b@y.de ;c", []string{"a@x.de", "b@y.de", "c"}},
		// Issue 7: an ID typed in groups is one ID.
		{"customer ID in groups", " a1b2 c3d4 e5f6 g7 ", []string{"a1b2 c3d4 e5f6 g7"}},
		{"serials in groups, one a line", "G070 RQ00 0000 0001\r\nG090-LF00-0000-0002\n", []string{"G070 RQ00 0000 0001", "G090-LF00-0000-0002"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := splitList(tc.in)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || got == nil {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
