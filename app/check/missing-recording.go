package check

// checkMissingRecording: records that refer to an audio file the export does
// not hold. Worth knowing (the export is incomplete), not a sign of someone
// else: a note. Subject: the first missing file, as resolved (else as written).
func checkMissingRecording(c *checker) {
	g := &group{}
	subject, first := "", Evidence{}
	for i := range c.x.Recordings {
		pace()
		r := &c.x.Recordings[i]
		if r.Audio().Empty() || r.AudioPath() != "" {
			continue
		}
		ev := valueEvidence(r.Audio(), r.Src())
		g.add(ev, c.recordingRow(i), i)
		name := r.AudioExpected()
		if name == "" {
			name = r.Audio().Text
		}
		if subject == "" || compareEvidence(ev, first) < 0 {
			subject, first = name, ev
		}
	}
	if g.hits == 0 {
		return
	}
	n := g.records()
	c.add(finding(RuleMissingRecording, Note, subject, n, g.evidence(), g.affected(), msgMissingRecording, n))
}
