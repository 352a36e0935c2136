package check

const ruleUnrecognizedSpeaker = "unrecognized-speaker"

// unrecognizedSubject is the subject of every unrecognized-speaker finding:
// Takeout names no one, only that the voice was not the account's.
const unrecognizedSubject = "unrecognized speaker"

// checkUnrecognizedSpeaker: Takeout marks records whose voice did not match
// the account's voice model. The only per-record voice signal Google gives;
// a strong sign, hence likely.
func checkUnrecognizedSpeaker(c *checker) {
	g := &group{}
	for i := range c.x.Recordings {
		r := &c.x.Recordings[i]
		if !r.Unrecognized {
			continue
		}
		// The record's details list holds the mark; JSON records point to it,
		// HTML records name their line.
		ev := srcEvidence(r.Src)
		ev.Field = "details"
		if ev.Pointer != "" {
			ev.Pointer += "/details"
		}
		g.add(ev, rowKey(r.Src), i)
	}
	if len(g.hits) == 0 {
		return
	}
	n := g.records()
	c.add(finding(ruleUnrecognizedSpeaker, Likely, unrecognizedSubject, n, g.evidence(), g.affected(), msgUnrecognizedSpeaker, n))
}
