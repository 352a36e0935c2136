package export

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// NormID normalises an identifier (customer ID, serial, person ID) for
// comparison: ASCII white space trimmed, ASCII letters upper-cased, and
// nothing else. IDs are ASCII by shape, so a character outside ASCII is kept
// exactly as written: Unicode case mapping and normalisation would turn a
// foreign value into an owned one ("ſ" upper-cases to "S", dotless "ı" to
// "I", NFC maps the Kelvin sign "\u212A" to "K"), and a value that differs
// from an owned ID by any non-ASCII character is never that ID.
func NormID(s string) string {
	return asciiUpper(TrimASCIISpace(s))
}

// TrimASCIISpace trims only ASCII white space: a no-break or zero-width
// space around an ID is part of what the export wrote, not padding. (Not
// strings.Trim with a cutset, which builds its set on every call: the
// checks normalise every ID of every recording.)
func TrimASCIISpace(s string) string {
	i, j := 0, len(s)
	for i < j && isASCIISpace(s[i]) {
		i++
	}
	for j > i && isASCIISpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

// asciiUpper upper-cases a–z only.
func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'a' <= c && c <= 'z' {
					b[j] = c - 'a' + 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// asciiLower lower-cases A–Z only.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c - 'A' + 'a'
				}
			}
			return string(b)
		}
	}
	return s
}

// nfc is norm.NFC.String with a fast path for ASCII, which is always in
// NFC: IDs are ASCII, and the checks normalise every ID of every record.
func nfc(s string) string {
	if isASCII(s) {
		return s
	}
	return norm.NFC.String(s)
}

// isASCII reports whether s is all ASCII. It tests eight bytes at a time:
// it runs on every cell of every table, and the wasm build tested them a
// byte at a time.
func isASCII(s string) bool {
	i := 0
	if len(s) >= 8 {
		p := unsafe.Pointer(unsafe.StringData(s))
		for ; i+8 <= len(s); i += 8 {
			// Unaligned 8-byte loads: both wasm and the native targets
			// allow them.
			if *(*uint64)(unsafe.Add(p, i))&0x8080808080808080 != 0 {
				return false
			}
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// NormEmail normalises an e-mail address for comparison: ASCII white space
// trimmed, ASCII letters lower-cased (addresses are compared
// case-insensitively in ASCII, as mail systems do), and composed to NFC so
// that "ü" typed decomposed equals "ü". Nothing else folds: no Unicode case
// mapping (the Kelvin sign lower-cases to "k"), no NFKC (fullwidth letters,
// "ſ"), and an address holding a character that NFC would replace on its own
// (a singleton such as the Kelvin sign, which NFC turns into "K") is kept as
// written, so a look-alike never equals an owned address.
func NormEmail(s string) string {
	s = asciiLower(TrimASCIISpace(s))
	if isASCII(s) {
		return s
	}
	for _, r := range s {
		if r >= utf8.RuneSelf && !norm.NFC.IsNormalString(string(r)) {
			return s
		}
	}
	return norm.NFC.String(s)
}

// NormName normalises a person's or device's name for comparison: trimmed,
// NFC, every run of white space folded to one space. Case is kept: names
// differing only in case are shown as written.
func NormName(s string) string {
	return strings.Join(strings.Fields(nfc(s)), " ")
}

// cp1252 maps the runes that Windows-1252 puts at bytes 0x80–0x9F back to
// those bytes: a double-encoded "€" reads "â‚¬", and "‚" must become 0x82.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// latinByte returns the byte a rune stood for when UTF-8 bytes were wrongly
// read as Latin-1 or Windows-1252.
func latinByte(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	b, ok := cp1252[r]
	return b, ok
}

// repairUTF8 undoes UTF-8 that was encoded twice ("KÃ¼che" -> "Küche").
// It repairs run by run, so a value mixing good and broken text is fixed
// too, and only where the bytes form a valid multi-byte sequence: a genuine
// "Ã" followed by a letter stays.
func repairUTF8(s string) (string, bool) {
	// Fast path: double encoding always leaves a lead (U+00C2..U+00F4)
	// right before a continuation (U+0080..U+00BF or its cp1252 rune);
	// "spät" has a lead-like "ä" but no continuation after it.
	if isASCII(s) || !mayBeDoubled(s) { // most cells
		return s, false
	}
	hit := false
	var prev rune
	for _, r := range s {
		if prev >= 0xC2 && prev <= 0xF4 {
			if b, ok := latinByte(r); ok && b >= 0x80 && b <= 0xBF {
				hit = true
				break
			}
		}
		prev = r
	}
	if !hit {
		return s, false
	}
	rs := []rune(s)
	var b strings.Builder
	changed := false
	for i := 0; i < len(rs); {
		lead, ok := latinByte(rs[i])
		n := seqLen(lead)
		if !ok || n < 2 || i+n > len(rs) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		buf := []byte{lead}
		for k := 1; k < n; k++ {
			c, ok := latinByte(rs[i+k])
			if !ok || c < 0x80 || c > 0xBF {
				buf = nil
				break
			}
			buf = append(buf, c)
		}
		if buf == nil || !utf8.Valid(buf) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		b.Write(buf)
		i += n
		changed = true
	}
	if !changed {
		return s, false
	}
	return b.String(), true
}

// mayBeDoubled reports whether s can hold what repairUTF8 looks for: a
// lead rune U+00C2..U+00F4 (the bytes C3 82..C3 B4) right before a rune
// that latinByte turns into a continuation byte, U+0080..U+00BF (C2 80..
// C2 BF) or one of cp1252's runes (U+0152..U+0192: C5, C6; U+02C6, U+02DC:
// CB; U+2013..U+2122: E2). False means repairUTF8 changes nothing; it reads
// bytes only, where repairUTF8's loop decodes every rune (TestMayBeDoubled).
func mayBeDoubled(s string) bool {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], 0xC3)
		if k < 0 {
			return false
		}
		i += k
		if i+2 < len(s) && s[i+1] >= 0x82 && s[i+1] <= 0xB4 {
			switch s[i+2] {
			case 0xC2, 0xC5, 0xC6, 0xCB, 0xE2:
				return true
			}
		}
		i++
	}
}

// cleanPath is path.Clean(p), answered without it when p is already a
// clean relative path (no empty, "." or ".." segment), as an audio
// reference per row is.
func cleanPath(p string) string {
	seg := 0
	for i := 0; i <= len(p); i++ {
		if i < len(p) && p[i] != '/' {
			continue
		}
		switch p[seg:i] {
		case "", ".", "..":
			return path.Clean(p)
		}
		seg = i + 1
	}
	return p
}

// seqLen is the length of the UTF-8 sequence a lead byte starts (0 if none).
func seqLen(b byte) int {
	switch {
	case b >= 0xC2 && b <= 0xDF:
		return 2
	case b >= 0xE0 && b <= 0xEF:
		return 3
	case b >= 0xF0 && b <= 0xF4:
		return 4
	}
	return 0
}

// cleanSpace turns the no-break spaces Google puts into titles and times
// into plain spaces and trims.
func cleanSpace(s string) string {
	if isASCII(s) { // no such space; unicode.IsSpace of an ASCII byte is TrimSpace's
		return strings.TrimSpace(s)
	}
	s = strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\u202f' || r == '\u2009' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimFunc(s, unicode.IsSpace)
}
