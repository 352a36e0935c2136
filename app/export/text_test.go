package export

import (
	"math/rand/v2"
	"path"
	"strings"
	"testing"
	"time"
)

func TestRepairUTF8(t *testing.T) {
	tests := []struct {
		name, in, want string
		changed        bool
	}{
		{"plain ascii", "Kitchen", "Kitchen", false},
		{"correct umlaut", "Küche", "Küche", false},
		{"double encoded umlaut", "KÃ¼che", "Küche", true},
		{"double encoded sharp s via cp1252", "StraÃŸe", "Straße", true},
		{"double encoded euro via cp1252", "5 â‚¬", "5 €", true},
		{"mixed good and broken", "Küche KÃ¼che", "Küche Küche", true},
		{"genuine capital A tilde stays", "SÃO PAULO", "SÃO PAULO", false},
		{"lead at end stays", "abcÃ", "abcÃ", false},
		{"double encoded french", "Ã©tÃ©", "été", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, changed := repairUTF8(tc.in)
			if got != tc.want || changed != tc.changed {
				t.Errorf("repairUTF8(%q): got %q, %v want %q, %v", tc.in, got, changed, tc.want, tc.changed)
			}
		})
	}
}

func TestNorm(t *testing.T) {
	nfd := "Ku\u0308che"
	tests := []struct {
		name, got, want string
	}{
		{"id trimmed upper", NormID("  g070rq0000000001 "), "G070RQ0000000001"},
		{"id customer", NormID(" a1b2c3d4e5f6g7"), "A1B2C3D4E5F6G7"},
		// Non-ASCII in an ID is kept as written: no Unicode case, no NFC.
		{"id non-ascii kept", NormID(" amzn-ku\u0308che-1 "), "AMZN-KU\u0308CHE-1"},
		{"id no-break space kept", NormID("\u00a0G070RQ0000000001"), "\u00a0G070RQ0000000001"},
		{"email lower", NormEmail(" Alice.Muster@Example.COM "), "alice.muster@example.com"},
		{"email nfc", NormEmail("Ju\u0308rgen@Example.de"), "jürgen@example.de"},
		{"email kelvin kept", NormEmail("AN\u212Aa@Example.de"), "an\u212Aa@example.de"},
		{"email capital Ü kept", NormEmail("Ü@example.de"), "Ü@example.de"},
		{"name nfc", NormName(nfd), "Küche"},
		{"name spaces folded", NormName("  Anna \t Beispiel "), "Anna Beispiel"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q want %q", tc.name, tc.got, tc.want)
		}
	}
}

// TestNormIDConfusables pins the folding bug: each value differs from an
// owned ID by one character that Unicode case mapping, case folding, NFC or
// NFKC turns into the owned ID's letter; none of them may compare equal.
func TestNormIDConfusables(t *testing.T) {
	const owned = "G0K0SI0000000001"
	cases := []struct{ name, foreign string }{
		{"long s", "G0K0\u017fI0000000001"},
		{"dotless i", "G0K0S\u01310000000001"},
		{"dotless i lower", "g0k0s\u01310000000001"},
		{"dotted capital I", "G0K0S\u01300000000001"},
		{"kelvin sign", "G0\u212a0SI0000000001"},
		{"fullwidth K", "G0\uff2b0SI0000000001"},
		{"fullwidth digit", "G0K0SI000000000\uff11"},
		{"mathematical bold S", "G0K0\U0001d412I0000000001"},
		{"cyrillic Es", "G0K0\u0405I0000000001"},
		{"zero-width space", "G0K0\u200bSI0000000001"},
		{"right-to-left override", "G0K0\u202eSI0000000001"},
		{"soft hyphen", "G0K0\u00adSI0000000001"},
		{"byte order mark", "\ufeffG0K0SI0000000001"},
		{"no-break space", "G0K0SI0000000001\u00a0"},
	}
	if NormID(" g0k0si0000000001\t") != NormID(owned) {
		t.Fatalf("ASCII case and spaces must still fold: %q vs %q", NormID(" g0k0si0000000001\t"), NormID(owned))
	}
	for _, c := range cases {
		if got := NormID(c.foreign); got == NormID(owned) {
			t.Errorf("%s: NormID(%q) = %q, the owned ID's normal form", c.name, c.foreign, got)
		}
	}
	const email = "anna.kiss@example.com"
	for _, foreign := range []string{"anna.\u212aiss@example.com", "anna.ki\u017fs@example.com", "anna.k\u0131ss@example.com",
		"anna.kiss@exampl\uff45.com", "anna.kiss@\u0435xample.com", "anna.kiss\u200b@example.com"} {
		if got := NormEmail(foreign); got == NormEmail(email) {
			t.Errorf("NormEmail(%q) = %q, the owned address's normal form", foreign, got)
		}
	}
	if NormEmail(" Anna.KISS@Example.COM ") != NormEmail(email) {
		t.Error("ASCII case must still fold in e-mail addresses")
	}
}

func TestParseTime(t *testing.T) {
	want := time.Date(2023, 9, 16, 13, 43, 12, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2023-09-16T13:43:12.277Z", want.Add(277 * time.Millisecond)},
		{"2023-09-16T13:43:12Z", want},
		{"2023-09-16T15:43:12+02:00", want},
		{"2023-09-16T13:43:12", want},
		{"2023-09-16 13:43:12", want},
		{"09/16/2023 13:43", want.Truncate(time.Minute)},
		{"09/16/2023 13:43:12 UTC", want},
		{"09/16/2023 13:43:12", want},
		{"9/16/23 1:43:12 PM UTC", want},
		{"9/16/23 6:43:12 AM PDT", want},
		{"Sat Sep 16 13:43:12 UTC 2023", want},
		{"Sat, 16 Sep 2023 13:43:12 UTC", want},
		{"Sat, 16 Sep 2023 13:43:12 GMT", want},
		{"Sat, 16 Sep 2023 15:43:12 CEST", want},
		{"16.09.2023 13:43:12", want},
		{"Sep 16, 2023, 1:43:12\u202fPM UTC", want},
		{"16 sept. 2023, 13:43:12 UTC", want},
		{"16.09.2023, 13:43:12 UTC", want},
		{"1694871792", want},
		{"1694871792000", want},
	}
	for _, tc := range tests {
		got, ok := parseTime(tc.in)
		if !ok || !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("parseTime(%q): got %v, %v want %v (UTC)", tc.in, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "N/A", "yesterday", "13/45/2023 99:99", "12345"} {
		if got, ok := parseTime(bad); ok {
			t.Errorf("parseTime(%q): got %v, want no time", bad, got)
		}
	}
}

// isASCII finds a byte of 0x80 or more wherever it lies: in the first or
// the last of the eight bytes it tests at once, in the tail after them, at
// any length and any start within a longer string.
func TestIsASCII(t *testing.T) {
	base := strings.Repeat("abcdefgh", 5)
	for start := range 8 {
		for n := range len(base) - start {
			s := base[start : start+n]
			if !isASCII(s) {
				t.Fatalf("isASCII(%q) = false, want true", s)
			}
			for at := range n {
				for _, c := range []byte{0x80, 0xC3, 0xFF} {
					b := []byte(s)
					b[at] = c
					if isASCII(string(b)) {
						t.Fatalf("isASCII(%q) = true, want false (byte %#x at %d)", b, c, at)
					}
				}
			}
		}
	}
}

// TrimASCIISpace trims what strings.Trim with the six ASCII spaces trims,
// and nothing else: no-break, zero-width and other Unicode spaces stay.
func TestTrimASCIISpace(t *testing.T) {
	parts := []string{" ", "\t", "\r", "\n", "\v", "\f", "\u00a0", "\u200b", "\u3000", "a", "Z", "ü", "\x00", "\x85"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := TrimASCIISpace(s), strings.Trim(s, " \t\r\n\v\f"); got != want {
			t.Fatalf("TrimASCIISpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// doubledAt is what repairUTF8 looks for, by runes: a lead U+00C2..U+00F4
// right before a rune that latinByte makes a continuation byte.
func doubledAt(s string) bool {
	var prev rune
	for _, r := range s {
		if b, ok := latinByte(r); ok && prev >= 0xC2 && prev <= 0xF4 && b >= 0x80 && b <= 0xBF {
			return true
		}
		prev = r
	}
	return false
}

// TestMayBeDoubled: the byte filter says no only where no rune pair is
// there: every lead before every continuation-like rune (all of them),
// and random strings of leads, continuations, cp1252 runes, other letters
// and broken bytes, over many seeds.
func TestMayBeDoubled(t *testing.T) {
	var conts []rune
	for r := rune(0); r <= 0x10FFFF; r++ {
		if b, ok := latinByte(r); ok && b >= 0x80 && b <= 0xBF {
			conts = append(conts, r)
		}
	}
	if len(conts) < 64+27 {
		t.Fatalf("%d continuation-like runes, want the 64 of U+0080..U+00BF and cp1252's", len(conts))
	}
	for lead := rune(0xC2); lead <= 0xF4; lead++ {
		for _, c := range conts {
			if s := "x" + string(lead) + string(c) + "y"; !mayBeDoubled(s) {
				t.Fatalf("mayBeDoubled(%q) = false", s)
			}
		}
	}
	pool := []string{"a", " ", "ä", "Ã", "ü", "ô", "õ", "Á", "\u0080", "¼", "¿", "À", "€", "Š", "ƒ", "ˆ", "˜", "—", "™", "\xc3", "\xc2", "\xe2\x82", "\xff", "中", "\u2014", "\u00a0"}
	for seed := range uint64(500) {
		rng := rand.New(rand.NewPCG(seed, 9))
		for range 200 {
			s := joinSome(rng, pool, 12)
			if want := doubledAt(s); want && !mayBeDoubled(s) {
				t.Fatalf("seed %d: mayBeDoubled(%q) = false, but it holds a doubled pair", seed, s)
			}
			if got, changed := repairUTF8(s); changed && !doubledAt(s) {
				t.Fatalf("seed %d: repairUTF8(%q) = %q without a doubled pair", seed, s, got)
			}
		}
	}
}

// TestCleanSpace: ASCII and other text trim alike; Google's no-break
// spaces become spaces.
func TestCleanSpace(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "",
		" \t12:30 \r\n":            "12:30",
		"\v\fa b\f":                "a b",
		"\u00a012.\u202fMai\u2009": "12. Mai",
		"\u00a0 spät \u0085":       "spät",
		"x\u00a0y":                 "x y",
	} {
		if got := cleanSpace(in); got != want {
			t.Errorf("cleanSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

// joinSome joins fewer than n pieces drawn from pool.
func joinSome(rng *rand.Rand, pool []string, n int) string {
	var b strings.Builder
	for range rng.IntN(n) {
		b.WriteString(pool[rng.IntN(len(pool))])
	}
	return b.String()
}

// TestCleanPath: cleanPath is path.Clean on every string of slashes, dots
// and names, over many seeds.
func TestCleanPath(t *testing.T) {
	pool := []string{"a", "bc", "/", "//", ".", "..", "...", ".x", "x."}
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 11))
		for range 300 {
			if p := joinSome(rng, pool, 8); cleanPath(p) != path.Clean(p) {
				t.Fatalf("seed %d: cleanPath(%q) = %q, path.Clean %q", seed, p, cleanPath(p), path.Clean(p))
			}
		}
	}
}
