package check

import "exportlens/app/export"

// declaredNotMine: the person marked a device or a voice profile as not
// theirs. Its recordings are then a strong sign of someone else's data
// (likely); a mark on a device or profile of the account with no recording
// is worth knowing only (note): a household member's Echo is registered to
// the account too. The marks are the person's own statements: the finding
// says so, and the evidence is the export's places that match the mark.
func declaredNotMine(c *checker) {
	notMine(c, c.d.NotMineDevices, func(r *export.Recording) export.Value { return r.Device() },
		func(yield func(export.Value, export.Source) bool) {
			for _, dv := range c.accountDevices {
				if !yield(dv.Serial, dv.Src) {
					return
				}
			}
		}, msgNotMineDeviceRecordings, msgNotMineDevice)
	notMine(c, c.d.NotMineProfiles, func(r *export.Recording) export.Value { return r.PersonID() },
		func(yield func(export.Value, export.Source) bool) {
			for _, p := range c.x.VoiceProfiles {
				if !yield(p.ID, p.Src) {
					return
				}
			}
		}, msgNotMineProfileRecordings, msgNotMineProfile)
}

// notMine flags, for each marked key, the recordings whose field matches
// it, else the account's entry (registry) that matches it.
func notMine(c *checker, marks []string, field func(*export.Recording) export.Value,
	registry func(yield func(export.Value, export.Source) bool), msgRecordings, msgListed string) {
	keys, _ := declaredKeys(marks, declaredIDKey)
	for _, key := range keys {
		g := &group{}
		for i := range c.x.Recordings {
			pace()
			r := &c.x.Recordings[i]
			if v := field(r); !v.Empty() && declaredIDKey(v.Text) == key {
				g.add(valueEvidence(v, r.Src()), c.recordingRow(i), i)
			}
		}
		// The subject is the value as the export writes it.
		if n := g.records(); n > 0 {
			subj := export.NormID(g.subject())
			c.add(finding(RuleDeclaredMismatch, Likely, subj, n, g.evidence(), g.affected(), msgRecordings, n, subj))
			continue
		}
		for v, src := range registry {
			if declaredIDKey(v.Text) == key {
				subj := export.NormID(v.Text)
				c.add(finding(RuleDeclaredMismatch, Note, subj, 0, []Evidence{valueEvidence(v, src)}, nil, msgListed, subj))
				break
			}
		}
	}
}
