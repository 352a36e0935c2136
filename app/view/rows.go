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
	counts := map[string]int{}
	names := map[string]string{}
	for i, rec := range x.Recordings {
		Pace(i)
		if id := export.NormID(rec.Device().Text); id != "" {
			counts[id]++
			if names[id] == "" {
				names[id] = rec.DeviceName().Text
			}
		}
	}
	var rows []DeviceRow
	seen := map[string]bool{}
	for _, d := range r.Claim.Devices {
		id := export.NormID(d.Serial)
		seen[id] = true
		rows = append(rows, DeviceRow{Serial: d.Serial, Name: d.Name, Type: d.Type, Registered: true, Records: counts[id]})
	}
	var other []DeviceRow
	for i, rec := range x.Recordings {
		Pace(i)
		id := export.NormID(rec.Device().Text)
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		other = append(other, DeviceRow{Serial: rec.Device().Text, Name: names[id], Type: rec.DeviceType().Text, Records: counts[id]})
	}
	slices.SortFunc(other, func(a, b DeviceRow) int {
		return cmp.Or(cmp.Compare(b.Records, a.Records), cmp.Compare(a.Serial, b.Serial))
	})
	return append(rows, other...)
}

// ProfileRows lists the claimed voice profiles, then every other person ID
// recordings name.
func ProfileRows(r *check.Report, x *export.Export) []ProfileRow {
	counts := map[string]int{}
	for i, rec := range x.Recordings {
		Pace(i)
		if id := export.NormID(rec.PersonID().Text); id != "" {
			counts[id]++
		}
	}
	var rows []ProfileRow
	seen := map[string]bool{}
	for _, p := range r.Claim.VoiceProfiles {
		id := export.NormID(p.ID)
		seen[id] = true
		rows = append(rows, ProfileRow{ID: p.ID, Name: p.Name, Registered: true, Records: counts[id]})
	}
	var other []ProfileRow
	for i, rec := range x.Recordings {
		Pace(i)
		id := export.NormID(rec.PersonID().Text)
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		other = append(other, ProfileRow{ID: rec.PersonID().Text, Name: rec.PersonName().Text, Records: counts[id]})
	}
	slices.SortFunc(other, func(a, b ProfileRow) int {
		return cmp.Or(cmp.Compare(b.Records, a.Records), cmp.Compare(a.ID, b.ID))
	})
	return append(rows, other...)
}
