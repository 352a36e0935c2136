package check

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"exportlens/app/export"
)

// checkForeignCustomer: a customer ID in any row (voice history, device
// registration, voice profile, any table with a customer column) that is not
// the claimed one proves data of another account. One finding per foreign ID.
//
// When the claim holds no Alexa customer ID (an export named only by its
// e-mail), the rows cannot be compared with it; but two different Alexa
// customer IDs in the rows prove that at least one is another account's
// (checkCustomersDisagree).
func checkForeignCustomer(c *checker) {
	x := c.x
	groups := map[string]*group{}
	unclaimed := map[string]*group{} // Alexa IDs that could not be compared with the claim
	take := func(p idPlace) {
		ok, onlyNorm, comparable := c.claimedID(p.v.Text)
		if !comparable {
			// Another numbering of customers than the claim's (numericID), or
			// no claimed ID at all: kept only to see whether the rows agree.
			if export.CustomerIDNumbering(p.key) == export.NumberingAlexa {
				g := unclaimed[p.key]
				if g == nil {
					g = &group{}
					unclaimed[p.key] = g
				}
				g.add(p.ev, c.rowOf(p.row, p.rec), p.rec)
			}
			return
		}
		if ok {
			if onlyNorm {
				c.noteNormOnly(RuleForeignCustomer, p.ev, p.rk, p.rec)
			}
			return
		}
		g := groups[p.key]
		if g == nil {
			g = &group{}
			groups[p.key] = g
		}
		g.add(p.ev, c.rowOf(p.row, p.rec), p.rec)
	}

	// A customer ID counts once per record: an identity repeats the cell of
	// the record it was read with. The recordings' rows are found through
	// an index of 32 bytes a recording (idRows); the few other places keep
	// theirs in seen. Both were one map of every place before, which cost
	// the check 35 MB at 100,000 recordings.
	rows := newIDRows(c)
	// claimed is the last recording's customer ID when it is the claim's
	// own as written: take does nothing with it, so the recordings after
	// it with the same text (most, in a clean export) need no place.
	claimed := ""
	for i := range x.Recordings {
		pace()
		if t := x.Recordings[i].CustomerID().Text; t != "" && t == claimed {
			continue
		}
		p, ok := c.recordingIDPlace(i)
		if !ok {
			continue
		}
		if !rows.repeats(i) {
			take(p)
		}
		if ok, onlyNorm, comparable := c.claimedID(p.v.Text); ok && !onlyNorm && comparable {
			claimed = p.v.Text
		} else {
			claimed = ""
		}
	}
	type rowValue struct {
		row rowID
		key string
	}
	seen := map[rowValue]bool{}
	other := func(v export.Value, row *export.Source) {
		p, ok := c.idPlace(v, row, -1)
		if !ok || rows.holds(p.rk, p.key) || seen[rowValue{p.rk, p.key}] {
			return
		}
		seen[rowValue{p.rk, p.key}] = true
		take(p)
	}
	for i := range x.Devices {
		other(x.Devices[i].CustomerID, &x.Devices[i].Src)
	}
	for i := range x.VoiceProfiles {
		other(x.VoiceProfiles[i].CustomerID, &x.VoiceProfiles[i].Src)
	}
	for i := range x.Identities {
		pace()
		if id := &x.Identities[i]; id.Kind == export.IdentityCustomerID {
			other(id.Value, nil)
		}
	}
	for _, g := range groups {
		pace()
		n, subj := g.records(), export.NormID(g.subject())
		c.add(finding(RuleForeignCustomer, Mismatch, subj, n, g.evidence(), g.affected(), msgForeignCustomer, n, subj))
	}
	checkCustomersDisagree(c, unclaimed)
}

// idPlace is a customer ID where it was read: its normalised key, its
// evidence, the record it belongs to (row; rk its rowID) and the
// recording's index (-1 when it is none's).
type idPlace struct {
	v   export.Value
	key string
	ev  Evidence
	row export.Source
	rk  rowID
	rec int
}

// idPlace is v read in the record at row (nil: none but v's own) or in
// recording rec; false when v holds no ID.
func (c *checker) idPlace(v export.Value, row *export.Source, rec int) (idPlace, bool) {
	p := idPlace{v: v, key: export.NormID(v.Text), rec: rec}
	if p.key == "" {
		return p, false
	}
	switch {
	case row != nil:
		p.row = *row
	case rec >= 0:
		p.row = c.x.Recordings[rec].Src()
	}
	if p.row.Path == "" && p.row.Part == "" {
		p.row = v.Src()
	}
	p.ev = valueEvidence(v, p.row)
	p.rk = c.rowOf(p.ev.src(), rec)
	return p, true
}

// recordingIDPlace is the customer ID of recording i.
func (c *checker) recordingIDPlace(i int) (idPlace, bool) {
	return c.idPlace(c.x.Recordings[i].CustomerID(), nil, i)
}

// idRows finds the recordings whose customer ID lies on a row: per file,
// the rows of its recordings in row order (32 bytes a recording).
type idRows struct {
	c      *checker
	byFile map[[2]string][]idRow
	repeat []bool // a recording whose row and ID an earlier one has

	lastFile [2]string // holds' last file and index in it
	last     int
}

// idRow is the row within its file of recording rec's customer ID.
type idRow struct {
	line, page int32
	rec        int32
	pointer    string
}

func (a idRow) compare(b idRow) int {
	return cmp.Or(cmp.Compare(a.page, b.page), cmp.Compare(a.line, b.line), strings.Compare(a.pointer, b.pointer))
}

func (a idRow) same(b idRow) bool {
	return a.line == b.line && a.page == b.page && a.pointer == b.pointer
}

func newIDRows(c *checker) *idRows {
	r := &idRows{c: c, byFile: map[[2]string][]idRow{}}
	// idPlace's rk, without the rest.
	src := func(i int) (export.Source, bool) {
		rec := &c.x.Recordings[i]
		v := rec.CustomerID()
		s := v.Src()
		if s.Path == "" && s.Part == "" {
			s = rec.Src()
		}
		return s, v.Text != ""
	}
	// Counted first: grown by appending, the index cost twice its size.
	// A file's rows come one after another, so the map is used once per
	// run of rows, not once per row: hashing two paths per recording was
	// a sixth of the check at 100,000 recordings in the browser.
	count := map[[2]string]int{}
	var (
		f   [2]string
		run int
	)
	for i := range c.x.Recordings {
		pace()
		s, ok := src(i)
		if !ok {
			continue
		}
		if s.Part != f[0] || s.Path != f[1] {
			if run > 0 {
				count[f] += run
			}
			f, run = [2]string{s.Part, s.Path}, 0
		}
		run++
	}
	if run > 0 {
		count[f] += run
	}
	var rows []idRow // f's rows
	f = [2]string{}
	for i := range c.x.Recordings {
		pace()
		s, ok := src(i)
		if !ok {
			continue
		}
		if rows == nil || s.Part != f[0] || s.Path != f[1] {
			if rows != nil {
				r.byFile[f] = rows
			}
			f = [2]string{s.Part, s.Path}
			if rows = r.byFile[f]; rows == nil {
				rows = make([]idRow, 0, count[f])
			}
		}
		rows = append(rows, idRow{line: int32(s.Line), page: int32(s.Page), rec: int32(i), pointer: s.Pointer})
	}
	if rows != nil {
		r.byFile[f] = rows
	}
	for _, rows := range r.byFile {
		pace()
		// Rows come in file order; a JSON file's pointers do not sort so.
		if !slices.IsSortedFunc(rows, idRow.compare) {
			slices.SortStableFunc(rows, idRow.compare)
		}
		for k := 1; k < len(rows); k++ {
			if !rows[k-1].same(rows[k]) {
				continue
			}
			a, _ := c.recordingIDPlace(int(rows[k-1].rec))
			b, _ := c.recordingIDPlace(int(rows[k].rec))
			if a.key != "" && a.key == b.key {
				if r.repeat == nil {
					r.repeat = make([]bool, len(c.x.Recordings))
				}
				r.repeat[rows[k].rec] = true
			}
		}
	}
	return r
}

// repeats: recording i's row and ID are an earlier recording's.
func (r *idRows) repeats(i int) bool { return r.repeat != nil && r.repeat[i] }

// holds: a recording's customer ID is key on row rk.
func (r *idRows) holds(rk rowID, key string) bool {
	f := [2]string{rk.part, rk.path}
	rows := r.byFile[f]
	want := idRow{line: int32(rk.line), page: int32(rk.page), pointer: rk.pointer}
	// Identities come in the order of their rows, as the recordings do:
	// the row after the last one found is tried before a search.
	k := -1
	if r.lastFile == f && r.last+1 < len(rows) && rows[r.last+1].same(want) {
		k = r.last + 1
	} else {
		k, _ = slices.BinarySearchFunc(rows, want, idRow.compare)
	}
	r.lastFile, r.last = f, k
	for ; k < len(rows) && rows[k].same(want); k++ {
		if p, _ := r.c.recordingIDPlace(int(rows[k].rec)); p.key == key {
			return true
		}
	}
	return false
}

// checkCustomersDisagree: rows that name two or more Alexa customer IDs
// while the claim names none hold at least one other account's data. Which
// one is the person's cannot be read from the export, so the ID on the most
// records is taken as theirs (ties: the first in sort order) and every other
// one is reported, with a place of the first beside its own.
func checkCustomersDisagree(c *checker, ids map[string]*group) {
	if len(ids) < 2 {
		return
	}
	keys := make([]string, 0, len(ids))
	count := map[string]int{}
	for k, g := range ids {
		keys = append(keys, k)
		count[k] = g.records()
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	most := ids[keys[0]]
	for _, k := range keys[1:] {
		g := ids[k]
		n, subj := g.records(), export.NormID(g.subject())
		ev := append(g.evidence(), most.evidence()[0])
		c.add(finding(RuleForeignCustomer, Mismatch, subj, n, ev, g.affected(), msgCustomersDisagree, n, subj, export.NormID(most.subject())))
	}
}
