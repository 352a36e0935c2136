package check

import (
	"strings"
	"testing"
	"unicode"

	"exportlens/app/export"
)

func TestShow(t *testing.T) {
	tests := []struct {
		name, in, want string
		note           string // English note
	}{
		{"plain serial", "G070RQ0000000001", "G070RQ0000000001", ""},
		{"umlaut name", "Küche", "Küche", ""},
		{"cyrillic name", "Кухня", "Кухня", ""},
		{"japanese name", "台所のエコー", "台所のエコー", ""},
		{"latin and kana", "Echoキッチン", "Echoキッチン", ""},
		{"words in two scripts", "Alexa спасибо", "Alexa спасибо", ""},
		{"cyrillic A in an ID", "\u04101B2C3D4E5F6G7", "⟨\u0410 U+0410⟩1B2C3D4E5F6G7", "contains a Cyrillic letter"},
		{"greek omicron in a name", "Anna B\u03bfb", "Anna B⟨\u03bf U+03BF⟩b", "contains a Greek letter"},
		{"armenian in an e-mail", "anna@ex\u0561mple.com", "anna@ex⟨\u0561 U+0561⟩mple.com", "contains an Armenian letter"},
		{"cherokee", "\u13a0NNA", "⟨\u13a0 U+13A0⟩NNA", "contains a Cherokee letter"},
		{"unnamed script", "A\u0d05B", "A⟨\u0d05 U+0D05⟩B", "contains a character from another script"},
		{"latin in a cyrillic word", "Кухнx", "Кухн⟨x U+0078⟩", "contains a Latin letter"},
		{"zero-width space", "G070RQ\u200b0000000001", "G070RQ⟨U+200B⟩0000000001", "contains an invisible character"},
		{"zwnj zwj", "A\u200cB\u200dC", "A⟨U+200C⟩B⟨U+200D⟩C", "contains an invisible character"},
		{"word joiner", "A\u2060B", "A⟨U+2060⟩B", "contains an invisible character"},
		{"byte order mark", "\ufeffAB", "⟨U+FEFF⟩AB", "contains an invisible character"},
		{"soft hyphen", "A\u00adB", "A⟨U+00AD⟩B", "contains an invisible character"},
		{"no-break space", "AB\u00a0", "AB⟨U+00A0⟩", "contains an invisible character"},
		{"variation selector", "A\ufe0fB", "A⟨U+FE0F⟩B", "contains an invisible character"},
		{"escape", "a\x1b[2J", "a⟨U+001B⟩[2J", "contains an invisible character"},
		{"right-to-left override", "G070\u202eRQ", "G070⟨U+202E⟩RQ", "contains a character that changes the direction of text"},
		{"isolates and marks", "\u2066A\u2069\u200e\u200f\u202a\u202b\u202c\u202d\u2067\u2068",
			"⟨U+2066⟩A⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+2067⟩⟨U+2068⟩",
			"contains a character that changes the direction of text"},
		{"long s", "amzn1.actor.per\u017fon", "amzn1.actor.per⟨\u017f U+017F⟩on", "contains a character that only looks like a plain letter or digit"},
		{"dotless i", "o\u0131d", "o⟨\u0131 U+0131⟩d", "contains a character that only looks like a plain letter or digit"},
		{"kelvin", "G000\u212aI", "G000⟨\u212a U+212A⟩I", "contains a character that only looks like a plain letter or digit"},
		{"fullwidth", "G000\uff2bI", "G000⟨\uff2b U+FF2B⟩I", "contains a character that only looks like a plain letter or digit"},
		{"several kinds", "G\u0410\u200b\u202e", "G⟨\u0410 U+0410⟩⟨U+200B⟩⟨U+202E⟩", ""},
		{"invalid utf-8", "A\xffB", "A\ufffdB", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sh := Show(tc.in)
			if sh.Text != tc.want {
				t.Errorf("Show(%q).Text: got %q want %q", tc.in, sh.Text, tc.want)
			}
			if tc.note != "" || tc.want == tc.in {
				if got := sh.Note("en"); got != tc.note {
					t.Errorf("Show(%q).Note: got %q want %q", tc.in, got, tc.note)
				}
			}
			if sh.Raw != tc.in || sh.Changed() != (tc.want != tc.in) {
				t.Errorf("Show(%q): raw %q changed %v", tc.in, sh.Raw, sh.Changed())
			}
		})
	}
	if got, want := Show("G\u0410\u200b\u202e").Note("de"), "enthält einen kyrillischen Buchstaben; enthält ein unsichtbares Zeichen; enthält ein Steuerzeichen für die Schreibrichtung"; got != want {
		t.Errorf("German note: got %q want %q", got, want)
	}
}

// TestShowTextLeavesLetters: sentences keep their letters; only invisible
// and direction characters become codes.
func TestShowTextLeavesLetters(t *testing.T) {
	in := "Alexa, спасибо: perſon ı K \u202eevil\u200b"
	want := "Alexa, спасибо: perſon ı K ⟨U+202E⟩evil⟨U+200B⟩"
	if got := ShowText(in); got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestShownNotesComplete(t *testing.T) {
	for _, table := range []map[string][2]string{shownNotes, scriptNotes} {
		for k, n := range table {
			if n[0] == "" || n[1] == "" || n[0] == n[1] {
				t.Errorf("%s: got en %q de %q, want both, translated", k, n[0], n[1])
			}
		}
	}
}

// TestConfusablesFlaggedAndShown pins the folding and display bugs: each
// value differs from an owned one by a look-alike, invisible or direction
// character. The checker must flag it (ſ, ı and the Kelvin sign were folded
// onto the owned serial or person ID), and the text report must show it
// differently from the owned value, with no raw invisible character.
func TestConfusablesFlaggedAndShown(t *testing.T) {
	base := func() *export.Export {
		x := amazonClean()
		reg := func(f string) export.Source { return at("Devices.Registration.zip", regCSV, 4, f) }
		x.Devices = append(x.Devices, export.Device{Serial: val(kindle, reg("DeviceSerialNumber")), Type: val("A3S5BH2HU6VAYF", reg("DeviceType")),
			Name: val("Flur", reg("AccountName")), CustomerID: val(custID, reg("CustomerId")), Src: reg("")})
		addRecording(x, 6, custID, kindle, anna, "", false)
		return x
	}
	type plant struct{ cust, dev, person string }
	cases := []struct {
		name    string
		owned   string
		foreign string
		plant   func(string) plant
		noteDE  string
	}{
		{"cyrillic A in customer ID", custID, "\u0410" + custID[1:], func(v string) plant { return plant{v, echoDot, anna} }, "enthält einen kyrillischen Buchstaben"},
		{"cyrillic Ve in customer ID", custID, "A1\u04122C3D4E5F6G7", func(v string) plant { return plant{v, echoDot, anna} }, "enthält einen kyrillischen Buchstaben"},
		{"greek Kappa in serial", kindle, "G000\u039aI0000000003", func(v string) plant { return plant{custID, v, anna} }, "enthält einen griechischen Buchstaben"},
		{"zero-width space in serial", echoDot, "G070RQ\u200b0000000001", func(v string) plant { return plant{custID, v, anna} }, "enthält ein unsichtbares Zeichen"},
		{"zero-width non-joiner in serial", echoDot, "G070RQ\u200c0000000001", func(v string) plant { return plant{custID, v, anna} }, "enthält ein unsichtbares Zeichen"},
		{"zero-width joiner in serial", echoDot, "G070RQ\u200d0000000001", func(v string) plant { return plant{custID, v, anna} }, "enthält ein unsichtbares Zeichen"},
		{"word joiner in serial", echoDot, "G070RQ\u20600000000001", func(v string) plant { return plant{custID, v, anna} }, "enthält ein unsichtbares Zeichen"},
		{"byte order mark in serial", echoDot, "\ufeffG070RQ0000000001", func(v string) plant { return plant{custID, v, anna} }, "enthält ein unsichtbares Zeichen"},
		{"soft hyphen in serial", echoDot, "G070RQ\u00ad0000000001", func(v string) plant { return plant{custID, v, anna} }, "enthält ein unsichtbares Zeichen"},
		{"no-break space after serial", echoDot, "G070RQ0000000001\u00a0", func(v string) plant { return plant{custID, v, anna} }, "enthält ein unsichtbares Zeichen"},
		{"right-to-left override in serial", echoDot, "G070RQ\u202e0000000001", func(v string) plant { return plant{custID, v, anna} }, "enthält ein Steuerzeichen für die Schreibrichtung"},
		{"left-to-right isolate in serial", echoDot, "G070RQ\u20660000000001\u2069", func(v string) plant { return plant{custID, v, anna} }, "enthält ein Steuerzeichen für die Schreibrichtung"},
		{"right-to-left mark in serial", echoDot, "G070RQ0000000001\u200f", func(v string) plant { return plant{custID, v, anna} }, "enthält ein Steuerzeichen für die Schreibrichtung"},
		{"kelvin sign in serial", kindle, "G000\u212aI0000000003", func(v string) plant { return plant{custID, v, anna} }, "ähnelt"},
		{"fullwidth K in serial", kindle, "G000\uff2bI0000000003", func(v string) plant { return plant{custID, v, anna} }, "ähnelt"},
		{"dotted capital I in serial", kindle, "G000K\u01300000000003", func(v string) plant { return plant{custID, v, anna} }, "ähnelt"},
		{"long s in person ID", anna, strings.Replace(anna, "person", "per\u017fon", 1), func(v string) plant { return plant{custID, echoDot, v} }, "ähnelt"},
		{"dotless i in person ID", anna, strings.Replace(anna, "oid", "o\u0131d", 1), func(v string) plant { return plant{custID, echoDot, v} }, "ähnelt"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := base()
			p := tc.plant(tc.foreign)
			addRecording(x, 17, p.cust, p.dev, p.person, "", false)
			r := Run(x, Declared{})
			var f *Finding
			for i := range r.Findings {
				g := &r.Findings[i]
				if (g.Severity == Mismatch || g.Severity == Likely) && export.NormID(g.Subject) == export.NormID(tc.foreign) {
					f = g
				}
			}
			if f == nil {
				t.Fatalf("no mismatch or likely finding about %q:\n%s", tc.foreign, strings.Join(summary(r.Findings), "\n"))
			}
			if r.Verdict != VerdictMismatch {
				t.Errorf("verdict: got %q want %q", r.Verdict, VerdictMismatch)
			}
			if f.SubjectShown == "" || f.SubjectShown == tc.owned {
				t.Errorf("subjectShown: got %q, want it to differ from %q", f.SubjectShown, tc.owned)
			}
			shown := Show(tc.foreign).Text
			for _, lang := range []string{"en", "de"} {
				out := writeText(t, r, lang)
				if !strings.Contains(out, shown) {
					t.Errorf("%s report does not show %q:\n%s", lang, shown, out)
				}
				for _, r := range tc.foreign {
					if r >= 0x80 && invisible(r) && strings.ContainsRune(out, r) {
						t.Errorf("%s report holds the raw character U+%04X", lang, r)
					}
				}
				if lang == "de" && !strings.Contains(out, tc.noteDE) {
					t.Errorf("German report does not say %q:\n%s", tc.noteDE, out)
				}
			}
		})
	}
}

// TestConfusableEmail: an e-mail address that differs from the account's by
// a Kelvin sign or a Cyrillic letter is another account's, and shown so.
func TestConfusableEmail(t *testing.T) {
	for _, foreign := range []string{"alice.muster@exampl\u0435.com", "alice.mu\u017fter@example.com", "alice.muster@\uff45xample.com", "\u212aalice.muster@example.com"} {
		x := takeout()
		x.Identities[1].Value.Text = foreign
		r := Run(x, Declared{})
		found := false
		for _, f := range r.Findings {
			if (f.Severity == Mismatch || f.Severity == Likely) && f.Subject == export.NormEmail(foreign) && f.SubjectShown != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no mismatch or likely finding with it as the shown subject:\n%s", foreign, strings.Join(summary(r.Findings), "\n"))
		}
	}
}

// FuzzShow: whatever the value, what is shown holds no invisible or
// direction character, and plain ASCII is shown as written.
func FuzzShow(f *testing.F) {
	for _, s := range []string{"G070RQ0000000001", "\u0410B\u200b\u202e", "per\u017fon", "Кухнx", "台所のエコー", "a\x1b[2J", "\xff\xfe", "\u2066\u2069\ufeff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Show(s).Text, ShowText(s)} {
			for _, r := range out {
				if invisible(r) || unicode.Is(unicode.Bidi_Control, r) {
					t.Fatalf("Show(%q) = %q holds U+%04X", s, out, r)
				}
			}
		}
		if plainASCII(s) && (Show(s).Text != s || ShowText(s) != s) {
			t.Fatalf("plain ASCII %q shown as %q", s, Show(s).Text)
		}
	})
}
