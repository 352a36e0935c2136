package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Shown is an identifier from an export (a serial, customer ID, person ID,
// e-mail address, name) prepared for people to read, so that a value that
// only looks like the owner's does not read like it:
//
//   - invisible and format characters (zero-width space, soft hyphen, byte
//     order mark, word joiner, no-break spaces, control characters) and the
//     characters that change the direction of text (U+202A–U+202E,
//     U+2066–U+2069, U+200E/F) are replaced by their code, "⟨U+200B⟩": never
//     shown raw, so a right-to-left override cannot reverse our sentence;
//   - inside a word that has plain letters or digits, a character that only
//     looks like one (long s "ſ", dotless "ı", the Kelvin sign, fullwidth
//     letters) is shown with its code, "⟨ſ U+017F⟩";
//   - a letter of another script inside a word (a Cyrillic "А" among Latin
//     letters) is shown with its code too, and named in Note: "contains a
//     Cyrillic letter".
//
// The report's JSON keeps the value as written (byte-exact evidence); the
// shown form is added beside it when it differs (subjectShown, valueShown).
// The package imports no go-app: the text report and the viewer share it.
type Shown struct {
	Text string // the value as shown
	Raw  string // the value as written

	invisible, direction, lookalike bool
	scripts                         []string // other scripts found, in order of first appearance
}

// Changed reports whether the shown text differs from the value as written.
func (s Shown) Changed() bool { return s.Text != s.Raw }

// Note says in lang ("de" or English) what was made visible, one clause
// per kind ("contains a Cyrillic letter; contains an invisible character"),
// or "" when nothing was.
func (s Shown) Note(lang string) string {
	i := 0
	if lang == "de" {
		i = 1
	}
	var parts []string
	for _, sc := range s.scripts {
		n, ok := scriptNotes[sc]
		if !ok {
			n = shownNotes["other-script"]
		}
		if p := n[i]; !contains(parts, p) {
			parts = append(parts, p)
		}
	}
	for _, k := range []struct {
		on  bool
		key string
	}{{s.lookalike, "lookalike"}, {s.invisible, "invisible"}, {s.direction, "direction"}} {
		if k.on {
			parts = append(parts, shownNotes[k.key][i])
		}
	}
	return strings.Join(parts, "; ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// shownNotes are the clauses of Note other than the scripts, [English, German].
var shownNotes = map[string][2]string{
	"other-script": {"contains a character from another script", "enthält ein Zeichen aus einer anderen Schrift"},
	"lookalike":    {"contains a character that only looks like a plain letter or digit", "enthält ein Zeichen, das einem gewöhnlichen Buchstaben oder einer Ziffer nur ähnelt"},
	"invisible":    {"contains an invisible character", "enthält ein unsichtbares Zeichen"},
	"direction":    {"contains a character that changes the direction of text", "enthält ein Steuerzeichen für die Schreibrichtung"},
}

// scriptNotes name the scripts whose letters pass for Latin ones, or are
// common enough to name; any other is "a character from another script".
var scriptNotes = map[string][2]string{
	"Latin":    {"contains a Latin letter", "enthält einen lateinischen Buchstaben"},
	"Cyrillic": {"contains a Cyrillic letter", "enthält einen kyrillischen Buchstaben"},
	"Greek":    {"contains a Greek letter", "enthält einen griechischen Buchstaben"},
	"Armenian": {"contains an Armenian letter", "enthält einen armenischen Buchstaben"},
	"Georgian": {"contains a Georgian letter", "enthält einen georgischen Buchstaben"},
	"Cherokee": {"contains a Cherokee letter", "enthält einen Buchstaben der Cherokee-Schrift"},
	"Coptic":   {"contains a Coptic letter", "enthält einen koptischen Buchstaben"},
	"Hebrew":   {"contains a Hebrew letter", "enthält einen hebräischen Buchstaben"},
	"Arabic":   {"contains an Arabic letter", "enthält einen arabischen Buchstaben"},
	"Han":      {"contains a Chinese character", "enthält ein chinesisches Schriftzeichen"},
}

// Show prepares an identifier for display (see Shown).
func Show(s string) Shown {
	sh := Shown{Text: s, Raw: s}
	if plainASCII(s) {
		return sh
	}
	var b strings.Builder
	for len(s) > 0 {
		// Words are separated by white space; each space is a character
		// like any other (a no-break space is shown as its code).
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			i = len(s)
		}
		if i == 0 {
			r, n := utf8.DecodeRuneInString(s)
			sh.char(&b, r)
			s = s[n:]
			continue
		}
		sh.word(&b, s[:i])
		s = s[i:]
	}
	sh.Text = b.String()
	return sh
}

// ShowText is text for people with only the invisible and direction
// characters made visible, for sentences and paths, where scripts may mix
// and a letter is just a letter.
func ShowText(s string) string {
	if plainASCII(s) {
		return s
	}
	var b strings.Builder
	var sh Shown
	for _, r := range s {
		sh.char(&b, r)
	}
	return b.String()
}

// plainASCII: printable ASCII only, the fast path of every value.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// char writes r, or its code when it is invisible or changes direction.
func (sh *Shown) char(b *strings.Builder, r rune) {
	switch {
	case unicode.Is(unicode.Bidi_Control, r):
		sh.direction = true
		fmt.Fprintf(b, "⟨U+%04X⟩", r)
	case invisible(r):
		sh.invisible = true
		fmt.Fprintf(b, "⟨U+%04X⟩", r)
	default:
		b.WriteRune(r) // utf8.RuneError for invalid bytes: shown as U+FFFD
	}
}

// invisible: control and format characters, line and paragraph separators,
// spaces other than the plain one, variation selectors and the other
// default-ignorable code points (Hangul fillers, combining grapheme joiner),
// and whatever is not graphic (private use, unassigned).
func invisible(r rune) bool {
	if r == ' ' || r == utf8.RuneError {
		return false
	}
	return !unicode.IsGraphic(r) || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Zs,
		unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// word writes one word of an identifier, marking look-alikes and letters of
// another script than the word's own.
func (sh *Shown) word(b *strings.Builder, w string) {
	// The word's script is the one most of its letters are in, plain
	// digits counting as Latin, Latin winning a tie: "А1B2" is a Latin ID
	// with a Cyrillic letter, "Кухнx" a Cyrillic word with a Latin one.
	plain := false // holds an ASCII letter or digit
	count := map[string]int{}
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			plain = true
			count["Latin"]++
		case unicode.IsLetter(r):
			if sc := scriptOf(r); sc != "Common" && sc != "Inherited" {
				count[scriptGroup(sc)]++
			}
		}
	}
	base := "Latin"
	for g, n := range count {
		if n > count[base] || (n == count[base] && base != "Latin" && g < base) {
			base = g
		}
	}
	for _, r := range w {
		if r < utf8.RuneSelf && base != "Latin" && base != "Han" && unicode.IsLetter(r) {
			if !contains(sh.scripts, "Latin") {
				sh.scripts = append(sh.scripts, "Latin")
			}
			fmt.Fprintf(b, "⟨%c U+%04X⟩", r, r)
			continue
		}
		if r < utf8.RuneSelf || !unicode.IsGraphic(r) || invisible(r) {
			sh.char(b, r)
			continue
		}
		if plain && looksASCII(r) {
			sh.lookalike = true
			fmt.Fprintf(b, "⟨%c U+%04X⟩", r, r)
			continue
		}
		if unicode.IsLetter(r) {
			sc := scriptOf(r)
			g := scriptGroup(sc)
			if sc != "Common" && sc != "Inherited" && g != base && !(g == "Latin" && base == "Han" || base == "Latin" && g == "Han") {
				if !contains(sh.scripts, sc) {
					sh.scripts = append(sh.scripts, sc)
				}
				fmt.Fprintf(b, "⟨%c U+%04X⟩", r, r)
				continue
			}
		}
		b.WriteRune(r)
	}
}

// looksASCII: a character outside ASCII that case mapping, case folding or
// compatibility normalisation turns into a plain letter or digit — what a
// careless comparison would fold onto an owned ID.
func looksASCII(r rune) bool {
	if unicode.ToUpper(r) < utf8.RuneSelf || unicode.ToLower(r) < utf8.RuneSelf || unicode.ToTitle(r) < utf8.RuneSelf {
		return true
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < utf8.RuneSelf {
			return true
		}
	}
	for _, c := range norm.NFKC.String(string(r)) {
		if c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			return true
		}
	}
	return false
}

// commonScripts are tried first: nearly every letter is in one of them.
var commonScripts = []string{"Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Hebrew", "Arabic", "Han", "Hiragana", "Katakana", "Hangul"}

// scriptOf names the Unicode script of r ("Common" for none in particular).
func scriptOf(r rune) string {
	for _, name := range commonScripts {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	for name, t := range unicode.Scripts {
		if unicode.Is(t, r) {
			return name
		}
	}
	return "Common"
}

// scriptGroup joins the scripts written together in one word: Chinese,
// Japanese and Korean mix Han with kana, Bopomofo or Hangul, and Latin with
// any of them (as Unicode's "highly restrictive" profile allows).
func scriptGroup(s string) string {
	switch s {
	case "Han", "Hiragana", "Katakana", "Bopomofo", "Hangul":
		return "Han"
	}
	return s
}
