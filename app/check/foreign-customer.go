package check

import (
	"exportlens/app/export"
)

const ruleForeignCustomer = "foreign-customer"

// checkForeignCustomer: a customer ID in any row (voice history, device
// registration, voice profile, any table with a customer column) that is not
// the claimed one proves data of another account. One finding per foreign ID.
func checkForeignCustomer(c *checker) {
	if c.ids.len() == 0 {
		return // nothing to compare with; reportNoClaim or the claim's e-mail speaks
	}
	x := c.x
	// Pointers into the export, not copies: a Value with its Source is
	// 112 bytes, and there is one place per record.
	type place struct {
		v   *export.Value
		row *export.Source // the record the value belongs to
		rec int
	}
	places := make([]place, 0, len(x.Recordings)+len(x.Devices)+len(x.VoiceProfiles)+len(x.Identities))
	for i := range x.Recordings {
		pace()
		r := &x.Recordings[i]
		places = append(places, place{&r.CustomerID, &r.Src, i})
	}
	for i := range x.Devices {
		places = append(places, place{&x.Devices[i].CustomerID, &x.Devices[i].Src, -1})
	}
	for i := range x.VoiceProfiles {
		places = append(places, place{&x.VoiceProfiles[i].CustomerID, &x.VoiceProfiles[i].Src, -1})
	}
	for i := range x.Identities {
		if id := &x.Identities[i]; id.Kind == "customer-id" {
			places = append(places, place{&id.Value, &id.Value.Src, -1})
		}
	}
	groups := map[string]*group{}
	seen := map[string]bool{} // an identity repeats the cell of a record: count it once
	for _, p := range places {
		key := export.NormID(p.v.Text)
		if key == "" {
			continue
		}
		row := *p.row
		if row.Path == "" && row.Part == "" {
			row = p.v.Src
		}
		ev := valueEvidence(*p.v, row)
		rk := rowKey(ev.src())
		sk := rk + "\x00" + key
		if seen[sk] {
			continue
		}
		seen[sk] = true
		ok, onlyNorm := c.ids.match(p.v.Text)
		if ok {
			if onlyNorm {
				c.noteNormOnly(ruleForeignCustomer, ev, rk, p.rec)
			}
			continue
		}
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		g.add(ev, rowKey(row), p.rec)
	}
	for _, g := range groups {
		pace()
		n, subj := g.records(), export.NormID(g.subject())
		c.add(finding(ruleForeignCustomer, Mismatch, subj, n, g.evidence(), g.affected(), msgForeignCustomer, n, subj))
	}
}
