package ui

import (
	"cmp"
	"slices"

	"exportlens/app/check"
	"exportlens/app/export"
)

// deviceRow is one line of the overview's device table: a device registered
// to the claimed account or one that only appears in recordings.
type deviceRow struct {
	Serial     string
	Name       string
	Type       string
	Registered bool
	Records    int
}

// profileRow is one line of the voice profile table.
type profileRow struct {
	ID         string
	Name       string
	Registered bool
	Records    int
}

// deviceRows lists the claimed devices, then every other device recordings
// name, each with its recording count.
func deviceRows(r *check.Report, x *export.Export) []deviceRow {
	counts := map[string]int{}
	names := map[string]string{}
	for i, rec := range x.Recordings {
		paceUI(i)
		if id := export.NormID(rec.Device().Text); id != "" {
			counts[id]++
			if names[id] == "" {
				names[id] = rec.DeviceName().Text
			}
		}
	}
	var rows []deviceRow
	seen := map[string]bool{}
	for _, d := range r.Claim.Devices {
		id := export.NormID(d.Serial)
		seen[id] = true
		rows = append(rows, deviceRow{Serial: d.Serial, Name: d.Name, Type: d.Type, Registered: true, Records: counts[id]})
	}
	var other []deviceRow
	for i, rec := range x.Recordings {
		paceUI(i)
		id := export.NormID(rec.Device().Text)
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		other = append(other, deviceRow{Serial: rec.Device().Text, Name: names[id], Type: rec.DeviceType().Text, Records: counts[id]})
	}
	slices.SortFunc(other, func(a, b deviceRow) int {
		return cmp.Or(cmp.Compare(b.Records, a.Records), cmp.Compare(a.Serial, b.Serial))
	})
	return append(rows, other...)
}

// profileRows lists the claimed voice profiles, then every other person ID
// recordings name.
func profileRows(r *check.Report, x *export.Export) []profileRow {
	counts := map[string]int{}
	for i, rec := range x.Recordings {
		paceUI(i)
		if id := export.NormID(rec.PersonID().Text); id != "" {
			counts[id]++
		}
	}
	var rows []profileRow
	seen := map[string]bool{}
	for _, p := range r.Claim.VoiceProfiles {
		id := export.NormID(p.ID)
		seen[id] = true
		rows = append(rows, profileRow{ID: p.ID, Name: p.Name, Registered: true, Records: counts[id]})
	}
	var other []profileRow
	for i, rec := range x.Recordings {
		paceUI(i)
		id := export.NormID(rec.PersonID().Text)
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		other = append(other, profileRow{ID: rec.PersonID().Text, Name: rec.PersonName().Text, Records: counts[id]})
	}
	slices.SortFunc(other, func(a, b profileRow) int {
		return cmp.Or(cmp.Compare(b.Records, a.Records), cmp.Compare(a.ID, b.ID))
	})
	return append(rows, other...)
}
