package export

import "strings"

// recordStore holds what the Recordings of one load keep beyond their ID
// and time: their texts, their origins and what few of them have more of,
// each by a 32-bit index. A Recording holding strings and pointers had
// fifteen pointers for the collector to follow; in the browser the
// collector marks without yielding to the page, and at 100,000 recordings
// those were most of a mark that held the page for over 100 ms. With the
// store a Recording has three (its ID, its time's zone, the store), and
// the store one a text kept as it was given (an audio path, a part of the
// archive's listing): the texts it copies are spans of its own blocks.
//
// Index 0 is "none" in every table. The tables only grow; a Recording
// copied and then changed adds entries and never changes one another
// Recording reads. A store is filled by one goroutine (its load, or the
// code building Recordings by hand); once built it is only read.
type recordStore struct {
	texts   []textSpan
	blocks  textBlocks // the copies
	kept    []string   // the texts kept as they were given (keptBlock)
	origins ptrTable[origin]
	ats     ptrTable[fieldOrigins]
	mores   ptrTable[recordingMore]

	// index finds a short text already kept (at most maxShared entries,
	// as keptTexts); last is each Field's last text and its index, since
	// a column repeats its value row after row and a comparison costs
	// less than a hash.
	index map[string]uint32
	last  [numFields]struct {
		text string
		ref  uint32
	}
	// looks and found count each Field's lookups in index and those that
	// found a text: a column whose values all differ (utterance IDs,
	// transcripts) is no longer looked up, nor put in index, once
	// uniqueAfter of its values were and fewer than one in eight found
	// (distinct: a hash and a miss per row for nothing).
	looks, found [numFields]uint32

	bytes int64 // what the tables and the copies hold, for the budget
}

// textSpan is where a text lies: n bytes at off in block blk; kept[off]
// when blk is keptBlock; the last n bytes of kept[off] when it is keptTail.
type textSpan struct{ blk, off, n uint32 }

const (
	keptBlock = ^uint32(0)
	keptTail  = keptBlock - 1
)

// storeEntryCost is what a store's entry adds to the text or pointer it
// holds (the slot of a table, the share of a map entry), for the budget.
const storeEntryCost = 16

func newRecordStore() *recordStore {
	return &recordStore{texts: []textSpan{{}}}
}

// text is the text of index i.
func (s *recordStore) text(i uint32) string {
	if i == 0 {
		return ""
	}
	switch sp := s.texts[i]; sp.blk {
	case keptBlock:
		return s.kept[sp.off]
	case keptTail:
		k := s.kept[sp.off]
		return k[len(k)-int(sp.n):]
	}
	sp := s.texts[i]
	return s.blocks.text(int(sp.blk), int(sp.off), int(sp.n))
}

// textRef is the index of text t, a value of field f, kept as it is.
func (s *recordStore) textRef(f Field, t string) uint32 { return s.ref(f, t, false) }

// copyRef is textRef for a text that is part of something bigger (a CSV
// row: encoding/csv makes one string per record): a new text is kept as a
// copy of its own.
func (s *recordStore) copyRef(f Field, t string) uint32 { return s.ref(f, t, true) }

func (s *recordStore) ref(f Field, t string, copied bool) uint32 {
	if t == "" {
		return 0
	}
	if l := &s.last[f]; l.ref != 0 && l.text == t {
		return l.ref
	}
	ref, ok := uint32(0), false
	share := len(t) <= maxSharedLen && !s.distinct(f)
	if share {
		ref, ok = s.index[t]
		s.looks[f]++
		if ok {
			s.found[f]++
		}
	}
	if !ok {
		if copied {
			ref = s.keepCopy(t)
			t = s.text(ref)
		} else {
			ref = s.ownRef(t)
		}
		if share && len(s.index) < maxShared {
			if s.index == nil {
				s.index = make(map[string]uint32, 64)
			}
			s.index[t] = ref
			s.bytes += sharedCost
		}
	}
	s.last[f].text, s.last[f].ref = t, ref
	return ref
}

// uniqueAfter is how many lookups of a Field's values decide whether its
// values repeat (recordStore.distinct).
const uniqueAfter = 1024

// distinct reports whether f's values have turned out all different.
func (s *recordStore) distinct(f Field) bool {
	return s.looks[f] >= uniqueAfter && s.found[f] < s.looks[f]/8
}

// keepCopy is the index of a new copy of t in the store's blocks.
func (s *recordStore) keepCopy(t string) uint32 {
	s.bytes += int64(len(t)) + storeEntryCost
	blk, at := s.blocks.add(t)
	s.texts = append(s.texts, textSpan{blk: uint32(blk), off: uint32(at), n: uint32(len(t))})
	return uint32(len(s.texts) - 1)
}

// tailRef is the index of text t when it ends the text of index of (an
// audio reference as written is most often the tail of the member's path,
// kept by ownRef): no string of its own then. Else t is copied.
func (s *recordStore) tailRef(of uint32, t string) uint32 {
	if t == "" {
		return 0
	}
	if sp := s.texts[of]; of != 0 && sp.blk == keptBlock && strings.HasSuffix(s.kept[sp.off], t) {
		s.texts = append(s.texts, textSpan{blk: keptTail, off: sp.off, n: uint32(len(t))})
		s.bytes += storeEntryCost
		return uint32(len(s.texts) - 1)
	}
	return s.keepCopy(t)
}

// ownRef is the index of a text unique to its record (an audio path, kept
// as it is): never looked up, never indexed.
func (s *recordStore) ownRef(t string) uint32 {
	if t == "" {
		return 0
	}
	s.kept = append(s.kept, t)
	s.texts = append(s.texts, textSpan{blk: keptBlock, off: uint32(len(s.kept) - 1)})
	s.bytes += storeEntryCost
	return uint32(len(s.texts) - 1)
}

// origin, at and more are the entries of index i; 0 is none, and is all a
// zero Recording, which has no store, asks for.

func (s *recordStore) origin(i uint32) *origin {
	if i == 0 {
		return nil
	}
	return s.origins.items[i]
}

func (s *recordStore) at(i uint32) *fieldOrigins {
	if i == 0 {
		return nil
	}
	return s.ats.items[i]
}

func (s *recordStore) more(i uint32) *recordingMore {
	if i == 0 {
		return nil
	}
	return s.mores.items[i]
}

func (s *recordStore) originRef(o *origin) uint32      { return s.origins.ref(o, &s.bytes) }
func (s *recordStore) atRef(a *fieldOrigins) uint32    { return s.ats.ref(a, &s.bytes) }
func (s *recordStore) moreRef(m *recordingMore) uint32 { return s.mores.ref(m, &s.bytes) }

// ptrTable is a table of pointers by index; index 0 is nil. A pointer
// added twice in a row (a table's column origins, row after row) is one
// entry.
type ptrTable[T any] struct {
	items   []*T // items[0] is nil once anything was added
	last    *T
	lastRef uint32
}

// ref is p's index, adding it (and its cost to bytes) unless it is nil or
// the pointer added last.
func (t *ptrTable[T]) ref(p *T, bytes *int64) uint32 {
	switch {
	case p == nil:
		return 0
	case p == t.last:
		return t.lastRef
	}
	if len(t.items) == 0 {
		t.items = append(t.items, nil)
	}
	t.items = append(t.items, p)
	*bytes += storeEntryCost
	t.last, t.lastRef = p, uint32(len(t.items)-1)
	return t.lastRef
}
