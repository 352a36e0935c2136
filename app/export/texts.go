package export

import "unsafe"

// keptTexts gives the values a load keeps text of their own. encoding/csv
// makes one string per record and hands its cells out as parts of it, so
// a Recording holding any cell keeps the whole row alive: its unread
// columns, the time text, the delimiters. A voice-history row of
// `mkexport -big` is 263 bytes; its Recording needs the utterance ID and
// the audio reference (unique to the row) and six values that repeat on
// nearly every row (the account, the device, the person) and often its
// transcript and answer ("Alexa, stop"). So the kept values are copied,
// and the short ones are shared: one copy per distinct text. (A
// Recording's values are kept the same way by its recordStore; keptTexts
// keeps the others and the utterance IDs.)
//
// The table of shared texts is bounded (maxShared entries of up to
// maxSharedLen bytes), so a file of all-different values costs a copy per
// value and a bounded table, never a table that grows with the file.
type keptTexts struct {
	blocks textBlocks
	shared map[string]string
	bytes  int64 // what the copies and the table hold, for the budget
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
	c := t.blocks.keep(s)
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
	return t.blocks.keep(s)
}

// textBlocks keeps copies of texts in shared blocks: one allocation a block
// instead of one a text, so the collector has few objects to mark (in the
// browser it marks without yielding to the page). A copy is a string (keep)
// or, where even a string is one pointer too many, a block index and an
// offset (add, text). Bytes once appended are never written again, so the
// strings made from them stay immutable.
type textBlocks struct {
	bufs [][]byte
	cur  int // bufs[cur-1] is the block being filled; 0 before the first
}

// keep is a copy of s of its own.
func (b *textBlocks) keep(s string) string {
	if s == "" {
		return ""
	}
	blk, at := b.add(s)
	return b.text(blk, at, len(s))
}

// add copies s into the blocks: the copy is text(blk, at, len(s)).
func (b *textBlocks) add(s string) (blk, at int) {
	if len(s) > 1<<10 {
		b.bufs = append(b.bufs, []byte(s)) // a long text is a block of its own
		return len(b.bufs) - 1, 0
	}
	if b.cur == 0 || cap(b.bufs[b.cur-1])-len(b.bufs[b.cur-1]) < len(s) {
		// Blocks grow with the texts kept, so a small load does not hold a
		// big block for a few texts.
		size := 1 << 10
		if b.cur > 0 {
			size = min(max(2*cap(b.bufs[b.cur-1]), size), 64<<10)
		}
		b.bufs = append(b.bufs, make([]byte, 0, size))
		b.cur = len(b.bufs)
	}
	p := &b.bufs[b.cur-1]
	at = len(*p)
	*p = append(*p, s...)
	return b.cur - 1, at
}

// text is the n bytes at at in block blk, as a string.
func (b *textBlocks) text(blk, at, n int) string {
	if n == 0 {
		return ""
	}
	return unsafe.String(&b.bufs[blk][at], n)
}
