package check

import (
	"cmp"
	"slices"
	"strings"

	"exportlens/app/export"
)

// maxEvidence bounds the places listed per finding: a person checks a few
// places by hand, and a report must not grow with the export.
const maxEvidence = 5

// compareSrc orders sources as they appear in the export: by part, path,
// page, line, then JSON pointer (numeric segments compared as numbers, so
// "/9" comes before "/10"), then field.
func compareSrc(a, b export.Source) int {
	if d := cmpStrings(a.Part, b.Part, a.Path, b.Path); d != 0 {
		return d
	}
	if d := cmp.Compare(a.Page, b.Page); d != 0 {
		return d
	}
	if d := cmp.Compare(a.Line, b.Line); d != 0 {
		return d
	}
	if d := comparePointer(a.Pointer, b.Pointer); d != 0 {
		return d
	}
	return strings.Compare(a.Field, b.Field)
}

func comparePointer(a, b string) int {
	if a == b {
		return 0
	}
	// Segment by segment, as strings.Split would cut them, without the
	// slices: every hit of a Takeout group is compared with its first ones.
	for {
		as, arest, amore := strings.Cut(a, "/")
		bs, brest, bmore := strings.Cut(b, "/")
		if d := compareSegment(as, bs); d != 0 {
			return d
		}
		if !amore || !bmore {
			return cmp.Compare(boolInt(amore), boolInt(bmore))
		}
		a, b = arest, brest
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// compareSegment compares array indexes by value. Indexes are compared by
// length first, so hostile 100-digit "numbers" need no parsing.
func compareSegment(a, b string) int {
	if isDigits(a) && isDigits(b) {
		a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
		if d := cmp.Compare(len(a), len(b)); d != 0 {
			return d
		}
	}
	return strings.Compare(a, b)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func compareEvidence(a, b Evidence) int {
	if d := compareSrc(a.src(), b.src()); d != 0 {
		return d
	}
	return cmpStrings(a.Value, b.Value, a.Raw, b.Raw)
}

func (e Evidence) src() export.Source {
	return export.Source{Part: e.Part, Path: e.Path, Line: e.Line, Page: e.Page, Pointer: e.Pointer, Field: e.Field}
}

// srcEvidence is the place src with no value.
func srcEvidence(src export.Source) Evidence {
	return Evidence{Part: src.Part, Path: src.Path, Line: src.Line, Page: src.Page, Pointer: src.Pointer, Field: src.Field}
}

// valueEvidence shows a value where it was read, with its raw form when
// text repair changed it. A value without its own source falls back to the
// record's (parsers set both; this keeps evidence from pointing nowhere).
func valueEvidence(v export.Value, record export.Source) Evidence {
	src := v.Src()
	if src.Path == "" && src.Part == "" {
		field := src.Field
		src = record
		src.Field = field
	}
	e := srcEvidence(src)
	e.Value = v.Text
	e.Raw = v.Raw()
	return e
}

// recordingEvidence shows a recording by its audio file when it has one,
// else by its record.
func recordingEvidence(rec *export.Recording) Evidence {
	if rec.AudioPath() != "" {
		part := rec.AudioPart()
		if part == "" {
			part = rec.Src().Part
		}
		return Evidence{Part: part, Path: rec.AudioPath()}
	}
	return srcEvidence(rec.Src())
}

// rowID identifies the record a source belongs to (the field left out), so
// that two values of one row count as one record; the zero rowID is no
// record. It is a value, not a string built per place: its texts are the
// Source's own, so keying 100,000 recordings allocates nothing.
type rowID struct {
	part, path, pointer string
	page, line          int
}

// rowKey is the rowID of the record s belongs to.
func rowKey(s export.Source) rowID {
	return rowID{part: s.Part, path: s.Path, pointer: s.Pointer, page: s.Page, line: s.Line}
}

// group gathers the places that show one finding and turns them into the
// record count, the first few pieces of evidence and the affected recordings.
//
// It keeps of each hit only its record (row) and recording (rec), and the
// first maxEvidence places: a finding shows no more, and a group of 150,000
// hits with their evidence (152 bytes each, grown by doubling) made a hostile
// export's check peak at 270 MiB.
type group struct {
	hits int         // places added
	top  topEvidence // the first maxEvidence of them in source order
	rows []rowID     // the record of each place; the zero rowID when it is not a record (counted nowhere)
	recs []int       // the recordings, indexes into Export.Recordings
	// audio are the audio files no recording stands for, indexes into
	// Export.Audio (Finding.AffectedAudio).
	audio []int
}

func (g *group) add(ev Evidence, row rowID, rec int) {
	g.hits++
	g.top.n = maxEvidence
	g.top.add(&ev)
	if row != (rowID{}) {
		g.rows = append(g.rows, row)
	}
	if rec >= 0 {
		g.recs = append(g.recs, rec)
	}
}

// addAudio adds audio file i of Export.Audio, which no recording stands
// for, at ev.
func (g *group) addAudio(ev Evidence, row rowID, i int) {
	g.add(ev, row, -1)
	g.audio = append(g.audio, i)
}

// merged is a new group of g's places and h's: the same as adding h's
// after g's (its top evidence is the first of both tops).
func (g *group) merged(h *group) *group {
	m := &group{hits: g.hits + h.hits, top: topEvidence{n: maxEvidence},
		rows:  slices.Concat(g.rows, h.rows),
		recs:  slices.Concat(g.recs, h.recs),
		audio: slices.Concat(g.audio, h.audio)}
	for _, t := range []*group{g, h} {
		for i := range t.top.evs {
			m.top.add(&t.top.evs[i])
		}
	}
	return m
}

// withAudio is f with the group's audio files as its AffectedAudio.
func (g *group) withAudio(f Finding) Finding {
	if len(g.audio) > 0 {
		f.AffectedAudio = slices.Compact(slices.Sorted(slices.Values(g.audio)))
	}
	return f
}

// records counts distinct records.
func (g *group) records() int {
	seen := make(map[rowID]bool, len(g.rows))
	for _, r := range g.rows {
		pace()
		seen[r] = true
	}
	return len(seen)
}

// evidence returns the first places in source order, without repeats.
func (g *group) evidence() []Evidence { return g.first(maxEvidence) }

// first returns the first n places in source order, without repeats (n is
// at most maxEvidence).
func (g *group) first(n int) []Evidence {
	evs := g.top.list()
	return slices.Clone(evs[:min(max(n, 0), len(evs))])
}

// subject is the group's value as first written in source order.
func (g *group) subject() string {
	if len(g.top.evs) == 0 {
		return ""
	}
	return displayText(g.top.evs[0].Value)
}

// affected returns the sorted, distinct recording indexes.
func (g *group) affected() []int {
	out := slices.Clone(g.recs)
	slices.Sort(out)
	return slices.Compact(out)
}

// firstEvidence sorts evs in source order, drops repeats and keeps n.
func firstEvidence(evs []Evidence, n int) []Evidence {
	t := topEvidence{n: n}
	for i := range evs {
		t.add(&evs[i])
	}
	return t.list()
}

// topEvidence keeps the first n distinct pieces of evidence in source order
// of those added: what sorting them all and keeping n gives, without a copy
// of a group's ten thousand hits or sorting them (n is maxEvidence).
type topEvidence struct {
	n   int
	evs []Evidence
}

func (t *topEvidence) add(e *Evidence) {
	if t.n <= 0 {
		return
	}
	if len(t.evs) == t.n && compareEvidence(*e, t.evs[t.n-1]) > 0 {
		return // after all it keeps: one comparison for most places
	}
	i := len(t.evs)
	for j := range t.evs {
		d := compareEvidence(t.evs[j], *e)
		if d == 0 && t.evs[j] == *e {
			return // a repeat
		}
		if d > 0 {
			i = j
			break
		}
	}
	if i >= t.n {
		return
	}
	if len(t.evs) < t.n {
		t.evs = append(t.evs, Evidence{})
	}
	copy(t.evs[i+1:], t.evs[i:])
	t.evs[i] = *e
}

func (t *topEvidence) list() []Evidence {
	if t.evs == nil {
		return []Evidence{}
	}
	return t.evs
}

// finding builds a finding whose title comes from the message table.
func finding(rule RuleID, sev Severity, subject string, records int, evidence []Evidence, affected []int, msg string, args ...any) Finding {
	if evidence == nil {
		evidence = []Evidence{}
	}
	return Finding{
		Rule:     rule,
		Severity: sev,
		Title:    render("en", msg, args...),
		Subject:  subject,
		Records:  records,
		Evidence: evidence,
		Affected: affected,
		Msg:      msg,
		Args:     args,
	}
}

// folderOf is the folder that holds a path, with a trailing slash to show it
// is a folder ("a/b/c.wav" -> "a/b/"), or the path itself when it lies at the
// top.
func folderOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i > 0 {
		return p[:i+1]
	}
	return p
}
