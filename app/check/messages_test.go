package check

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// sampleArgs gives arguments of the kinds a message declares.
func sampleArgs(kinds string, n int) []any {
	var args []any
	for _, k := range kinds {
		switch k {
		case 'd':
			args = append(args, n)
		case 'c':
			args = append(args, contentsArg{Files: n + 1, Images: n, Texts: 1})
		default:
			args = append(args, "X")
		}
	}
	return args
}

// sameInBoth lists the messages that read the same in English and German.
var sameInBoth = map[string]bool{txtFormat: true}

// TestMessagesComplete: every message exists in English and German, in the
// singular wherever it has a singular, and renders its declared arguments
// without a formatting error in every form.
func TestMessagesComplete(t *testing.T) {
	for key, m := range messages {
		if m.en == "" || m.de == "" {
			t.Errorf("%s: got en %q de %q, want both", key, m.en, m.de)
		}
		if (m.enOne == "") != (m.deOne == "") {
			t.Errorf("%s: got singular en %q de %q, want both or neither", key, m.enOne, m.deOne)
		}
		if strings.Trim(m.args, "dsic") != "" {
			t.Errorf("%s: args %q: want only d, s, i and c", key, m.args)
		}
		for _, lang := range []string{"en", "de"} {
			for _, n := range []int{1, 7} {
				got := render(lang, key, sampleArgs(m.args, n)...)
				if strings.Contains(got, "%!") {
					t.Errorf("%s %s (n=%d): got %q, a formatting error", key, lang, n, got)
				}
			}
		}
		if m.en == m.de && !sameInBoth[key] {
			t.Errorf("%s: German %q equals English: untranslated?", key, m.de)
		}
	}
}

// TestMessagesUsed: every message key named in the code is in the table,
// and every entry of the table is used (a dead entry hides a typo).
func TestMessagesUsed(t *testing.T) {
	src, err := os.ReadFile("messages.go")
	if err != nil {
		t.Fatal(err)
	}
	decl := regexp.MustCompile(`(?m)^\s+((?:msg|txt)\w+)\s+= "([^"]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(decl) < 20 {
		t.Fatalf("found only %d message constants: the pattern is broken", len(decl))
	}
	files, _ := os.ReadDir(".")
	var code strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f.Name(), ".go") && !strings.HasSuffix(f.Name(), "_test.go") && f.Name() != "messages.go" {
			b, _ := os.ReadFile(f.Name())
			code.Write(b)
		}
	}
	for _, d := range decl {
		name, key := d[1], d[2]
		if _, ok := messages[key]; !ok {
			t.Errorf("%s (%q) is not in the message table", name, key)
		}
		if !regexp.MustCompile(`\b` + name + `\b`).MatchString(code.String()) {
			t.Errorf("%s is never used", name)
		}
	}
	if len(decl) != len(messages) {
		t.Errorf("got %d constants and %d table entries, want as many", len(decl), len(messages))
	}
}

func TestFindingText(t *testing.T) {
	r := Run(amazon2018(3), Declared{NoDevices: true})
	f := findRule(r, RuleRecordingsWithoutDevice, Likely)
	if f == nil {
		t.Fatal("no finding")
	}
	tests := []struct{ lang, want string }{
		{"en", "3 recordings exist, but no device registered to this account can record voice"},
		{"", "3 recordings exist, but no device registered to this account can record voice"},
		{"fr", "3 recordings exist, but no device registered to this account can record voice"},
		{"de", "Es gibt 3 Aufnahmen, aber kein für dieses Konto registriertes Gerät kann Sprache aufnehmen"},
	}
	for _, tt := range tests {
		if got := f.Text(tt.lang); got != tt.want {
			t.Errorf("Text(%q): got %q, want %q", tt.lang, got, tt.want)
		}
	}
	if f.Title != f.Text("en") {
		t.Errorf("title %q differs from Text(en) %q", f.Title, f.Text("en"))
	}
	one := Run(amazon2018(1), Declared{})
	if got, want := findRule(one, RuleRecordingsWithoutDevice, Likely).Text("de"), "Es gibt 1 Aufnahme, aber kein für dieses Konto registriertes Gerät kann Sprache aufnehmen"; got != want {
		t.Errorf("singular: got %q, want %q", got, want)
	}
	// A finding built by hand without a message keeps its title.
	if got := (Finding{Title: "as is"}).Text("de"); got != "as is" {
		t.Errorf("got %q, want the title", got)
	}
}

// TestMessageMarksLookAlikeIdentifiers: a customer ID with a Cyrillic А in a
// finding's title reads differently from the owned A…, in both languages;
// a string argument that is not an identifier (a file name) is left as it is.
func TestMessageMarksLookAlikeIdentifiers(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		got := render(lang, msgForeignCustomer, 1, "\u04101B2C3D4E5F6G7")
		if !strings.Contains(got, "⟨А U+0410⟩1B2C3D4E5F6G7") {
			t.Errorf("%s: got %q, want the Cyrillic letter shown as its code", lang, got)
		}
		got = render(lang, msgRecordingsNoRegistration, 2, "Gerätе.csv") // a Cyrillic е, in a file name
		if !strings.Contains(got, "Gerätе.csv") {
			t.Errorf("%s: got %q, want the file name as written", lang, got)
		}
	}
}
