package check

import "exportlens/app/export"

// checkUnknownVoiceProfile: a recording attributed to a voice profile that is
// not enrolled under the claimed account. A strong sign rather than proof
// (a profile may have been deleted since), hence likely. One finding per
// person ID.
func checkUnknownVoiceProfile(c *checker) {
	checkRecordingIDs(c, idCheck{
		rule:      RuleUnknownVoiceProfile,
		value:     func(r *export.Recording) export.Value { return r.PersonID() },
		known:     c.profilesKnown,
		set:       &c.profiles,
		severity:  Likely,
		msg:       msgUnknownVoiceProfile,
		msgNoFile: msgRecordingsNoProfiles,
	})
}
