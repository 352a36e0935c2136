package check

import "exportlens/app/export"

const ruleUnknownVoiceProfile = "unknown-voice-profile"

// checkUnknownVoiceProfile: a recording attributed to a voice profile that is
// not enrolled under the claimed account. A strong sign rather than proof
// (a profile may have been deleted since), hence likely. One finding per
// person ID.
func checkUnknownVoiceProfile(c *checker) {
	x := c.x
	var withPerson []int
	for i := range x.Recordings {
		if export.NormID(x.Recordings[i].PersonID.Text) != "" {
			withPerson = append(withPerson, i)
		}
	}
	if len(withPerson) == 0 {
		return
	}
	if known, missing := c.profilesKnown(); !known {
		g := &group{}
		for _, i := range withPerson {
			r := &x.Recordings[i]
			g.add(valueEvidence(r.PersonID, r.Src), rowKey(r.Src), i)
		}
		n := g.records()
		c.add(finding(ruleUnknownVoiceProfile, Unknown, missing, n, g.evidence(), g.affected(), msgRecordingsNoProfiles, n, missing))
		return
	}
	groups := map[string]*group{}
	for _, i := range withPerson {
		r := &x.Recordings[i]
		ev := valueEvidence(r.PersonID, r.Src)
		ok, onlyNorm := c.profiles.match(r.PersonID.Text)
		if ok {
			if onlyNorm {
				c.noteNormOnly(ruleUnknownVoiceProfile, ev, rowKey(r.Src), i)
			}
			continue
		}
		key := export.NormID(r.PersonID.Text)
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		g.add(ev, rowKey(r.Src), i)
	}
	for _, g := range groups {
		n := g.records()
		c.add(finding(ruleUnknownVoiceProfile, Likely, g.subject(), n, g.evidence(), g.affected(), msgUnknownVoiceProfile, n))
	}
}
