package check

// checkTranscriptMismatch: a transcript document (the 2018 PDF) should have a
// line per recording. Lines without a recording, and recordings without a
// line, are worth knowing (the pairing is by order, the only link the 2018
// export offered) but no sign of someone else: notes.
func checkTranscriptMismatch(c *checker) {
	x := c.x
	if len(x.Transcripts) == 0 {
		return
	}
	lines := &group{}
	withLine := make([]bool, len(x.Recordings))
	for _, t := range x.Transcripts {
		pace()
		if t.Recording >= 0 && t.Recording < len(x.Recordings) {
			withLine[t.Recording] = true
			continue
		}
		// The place only, never the line's words: a transcript line may be
		// another person's speech, and the report is meant to be kept,
		// printed and handed on (the evidence pack). Page and line find it.
		lines.add(srcEvidence(t.Src), rowKey(t.Src), -1)
	}
	if lines.hits > 0 {
		n := lines.records()
		evs := lines.evidence()
		c.add(finding(RuleTranscriptMismatch, Note, evs[0].Path, n, evs, nil, msgTranscriptLines, n))
	}
	recs := &group{}
	for i := range x.Recordings {
		pace()
		r := &x.Recordings[i]
		if withLine[i] || !r.Transcript().Empty() {
			continue
		}
		recs.add(recordingEvidence(r), c.recordingRow(i), i)
	}
	if recs.hits > 0 {
		n := recs.records()
		evs := recs.evidence()
		c.add(finding(RuleTranscriptMismatch, Note, folderOf(evs[0].Path), n, evs, recs.affected(), msgTranscriptRecordings, n))
	}
}
