package view

import (
	"cmp"
	"slices"

	"exportlens/app/check"
	"exportlens/app/export"
)

// DeviceRow is one line of the overview's device table: a device registered
// to the claimed account or one that only appears in recordings.
type DeviceRow struct {
	Serial     string
	Name       string
	Type       string
	Registered bool
	Records    int
}

// ProfileRow is one line of the voice profile table.
type ProfileRow struct {
	ID         string
	Name       string
	Registered bool
	Records    int
}

// DeviceRows lists the claimed devices, then every other device recordings
// name, each with its recording count.
func DeviceRows(r *check.Report, x *export.Export) []DeviceRow {
	ids, by := tallyIDs(x, (*export.Recording).Device, (*export.Recording).DeviceName)
	var rows []DeviceRow
	seen := map[string]bool{}
	for _, d := range r.Claim.Devices {
		id := export.NormID(d.Serial)
		seen[id] = true
		rows = append(rows, DeviceRow{Serial: d.Serial, Name: d.Name, Type: d.Type, Registered: true, Records: by.records(id)})
	}
	var other []DeviceRow
	for _, id := range ids {
		if seen[id] {
			continue
		}
		t := by[id]
		first := &x.Recordings[t.first]
		name := ""
		if t.named >= 0 {
			name = x.Recordings[t.named].DeviceName().Text
		}
		other = append(other, DeviceRow{Serial: first.Device().Text, Name: name, Type: first.DeviceType().Text, Records: t.records})
	}
	slices.SortFunc(other, func(a, b DeviceRow) int {
		return cmp.Or(cmp.Compare(b.Records, a.Records), cmp.Compare(a.Serial, b.Serial))
	})
	return append(rows, other...)
}

// ProfileRows lists the claimed voice profiles, then every other person ID
// recordings name.
func ProfileRows(r *check.Report, x *export.Export) []ProfileRow {
	ids, by := tallyIDs(x, (*export.Recording).PersonID, nil)
	var rows []ProfileRow
	seen := map[string]bool{}
	for _, p := range r.Claim.VoiceProfiles {
		id := export.NormID(p.ID)
		seen[id] = true
		rows = append(rows, ProfileRow{ID: p.ID, Name: p.Name, Registered: true, Records: by.records(id)})
	}
	var other []ProfileRow
	for _, id := range ids {
		if seen[id] {
			continue
		}
		t := by[id]
		first := &x.Recordings[t.first]
		other = append(other, ProfileRow{ID: first.PersonID().Text, Name: first.PersonName().Text, Records: t.records})
	}
	slices.SortFunc(other, func(a, b ProfileRow) int {
		return cmp.Or(cmp.Compare(b.Records, a.Records), cmp.Compare(a.ID, b.ID))
	})
	return append(rows, other...)
}

// idTally is the recordings that name one normalised ID.
type idTally struct {
	records int
	first   int // the first of them
	named   int // the first of them whose name is not empty; -1 for none
}

type tallies map[string]*idTally

func (ts tallies) records(id string) int {
	if t := ts[id]; t != nil {
		return t.records
	}
	return 0
}

// tallyIDs counts the recordings by the normalised ID of value: the IDs in
// the order they first appear, and each one's tally. name, when not nil,
// is the value whose first non-empty text is the ID's name.
//
// A recording costs one map lookup by its ID's text, none when it is the
// previous recording's: an ID is normalised once per spelling. Normalising
// and looking up each recording's ID four times over was most of the
// tables' 100 ms at 100,000 recordings in the browser.
func tallyIDs(x *export.Export, value, name func(*export.Recording) export.Value) ([]string, tallies) {
	var ids []string
	by := tallies{}
	bySpelling := map[string]*idTally{} // nil: the text names no ID
	var (
		last  string
		lastT *idTally
	)
	for i := range x.Recordings {
		Pace(i)
		rec := &x.Recordings[i]
		text := value(rec).Text
		t := lastT
		if i == 0 || text != last {
			var ok bool
			if t, ok = bySpelling[text]; !ok {
				if id := export.NormID(text); id != "" {
					if t = by[id]; t == nil {
						t = &idTally{first: i, named: -1}
						by[id] = t
						ids = append(ids, id)
					}
				}
				bySpelling[text] = t
			}
			last, lastT = text, t
		}
		if t == nil {
			continue
		}
		t.records++
		if name != nil && t.named < 0 && name(rec).Text != "" {
			t.named = i
		}
	}
	return ids, by
}
