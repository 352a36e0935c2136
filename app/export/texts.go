package export

import "strings"

// keptTexts gives the values a load keeps text of their own. encoding/csv
// makes one string per record and hands its cells out as parts of it, so
// a Recording holding any cell keeps the whole row alive: its unread
// columns, the time text, the delimiters. A voice-history row of
// `mkexport -big` is 263 bytes; its Recording needs the utterance ID and
// the audio reference (unique to the row) and six values that repeat on
// nearly every row (the account, the device, the person) and often its
// transcript and answer ("Alexa, stop"). So the kept values are copied,
// and the short ones are shared: one copy per distinct text.
//
// The table of shared texts is bounded (maxShared entries of up to
// maxSharedLen bytes), so a file of all-different values costs a copy per
// value and a bounded table, never a table that grows with the file.
type keptTexts struct {
	shared map[string]string
	bytes  int64 // what the copies and the table hold, for the budget
	// last is each Field's text as read last and its copy: a column
	// repeats its value row after row (the account, the device), and a
	// comparison costs less than the table's hash, the more so in wasm.
	last [numFields]struct{ read, kept string }
}

const (
	maxShared    = 1 << 14
	maxSharedLen = 128
	// sharedCost is what a table entry costs beyond its text: a key and
	// a value of 16 bytes each, the control byte, and the room a Swiss
	// table keeps free.
	sharedCost = 48
)

// share returns s as a text of its own, the one copy of that text when the
// table has it or has room for it.
func (t *keptTexts) share(s string) string {
	if s == "" {
		return ""
	}
	if c, ok := t.shared[s]; ok {
		return c
	}
	c := strings.Clone(s)
	t.bytes += int64(len(c))
	if len(c) <= maxSharedLen && len(t.shared) < maxShared {
		if t.shared == nil {
			t.shared = make(map[string]string, 64)
		}
		t.shared[c] = c
		t.bytes += sharedCost
	}
	return c
}

// own returns s as a copy of its own, for a text unique to its record (an
// utterance ID, an audio reference): sharing it would only fill the table.
func (t *keptTexts) own(s string) string {
	if s == "" {
		return ""
	}
	t.bytes += int64(len(s))
	return strings.Clone(s)
}

// shareAs is share for a value of field f.
func (t *keptTexts) shareAs(f Field, s string) string {
	if l := &t.last[f]; s == l.read && s != "" {
		return l.kept
	}
	c := t.share(s)
	t.last[f].read, t.last[f].kept = s, c
	return c
}
