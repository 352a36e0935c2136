package check

import (
	"sort"

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
	// A Value is 32 bytes; the record's Source (80 bytes) is looked up
	// when needed rather than copied: there is one place per record.
	type place struct {
		v   export.Value
		row *export.Source // the record the value belongs to, when not a recording
		rec int            // the recording's index, -1 when none
	}
	places := make([]place, 0, len(x.Recordings)+len(x.Devices)+len(x.VoiceProfiles)+len(x.Identities))
	for i := range x.Recordings {
		pace()
		places = append(places, place{x.Recordings[i].CustomerID(), nil, i})
	}
	for i := range x.Devices {
		places = append(places, place{x.Devices[i].CustomerID, &x.Devices[i].Src, -1})
	}
	for i := range x.VoiceProfiles {
		places = append(places, place{x.VoiceProfiles[i].CustomerID, &x.VoiceProfiles[i].Src, -1})
	}
	for i := range x.Identities {
		if id := &x.Identities[i]; id.Kind == export.IdentityCustomerID {
			places = append(places, place{id.Value, nil, -1})
		}
	}
	groups := map[string]*group{}
	unclaimed := map[string]*group{}              // Alexa IDs that could not be compared with the claim
	seen := make(map[[2]string]bool, len(places)) // {row, ID}: an identity repeats the cell of a record: count it once
	for _, p := range places {
		pace()
		key := export.NormID(p.v.Text)
		if key == "" {
			continue
		}
		var row export.Source
		switch {
		case p.row != nil:
			row = *p.row
		case p.rec >= 0:
			row = x.Recordings[p.rec].Src()
		}
		if row.Path == "" && row.Part == "" {
			row = p.v.Src()
		}
		ev := valueEvidence(p.v, row)
		rk := c.rowOf(ev.src(), p.rec)
		sk := [2]string{rk, key}
		if seen[sk] {
			continue
		}
		seen[sk] = true
		ok, onlyNorm, comparable := c.claimedID(p.v.Text)
		if !comparable {
			// Another numbering of customers than the claim's (numericID), or
			// no claimed ID at all: kept only to see whether the rows agree.
			if export.CustomerIDNumbering(key) == export.NumberingAlexa {
				g := unclaimed[key]
				if g == nil {
					g = &group{}
					unclaimed[key] = g
				}
				g.add(ev, c.rowOf(row, p.rec), p.rec)
			}
			continue
		}
		if ok {
			if onlyNorm {
				c.noteNormOnly(RuleForeignCustomer, ev, rk, p.rec)
			}
			continue
		}
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		g.add(ev, c.rowOf(row, p.rec), p.rec)
	}
	for _, g := range groups {
		pace()
		n, subj := g.records(), export.NormID(g.subject())
		c.add(finding(RuleForeignCustomer, Mismatch, subj, n, g.evidence(), g.affected(), msgForeignCustomer, n, subj))
	}
	checkCustomersDisagree(c, unclaimed)
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
