package export

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormID normalises an identifier (customer ID, serial, person ID) for
// comparison: trimmed, upper-case, NFC.
func NormID(s string) string {
	return nfc(strings.ToUpper(strings.TrimSpace(s)))
}

// nfc is norm.NFC.String with a fast path for ASCII, which is always in
// NFC: IDs are ASCII, and the checks normalise every ID of every record.
func nfc(s string) string {
	if isASCII(s) {
		return s
	}
	return norm.NFC.String(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// NormEmail normalises an e-mail address for comparison: trimmed,
// lower-case, NFC.
func NormEmail(s string) string {
	return nfc(strings.ToLower(strings.TrimSpace(s)))
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
	if isASCII(s) { // most cells
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
	s = strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\u202f' || r == '\u2009' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimFunc(s, unicode.IsSpace)
}
