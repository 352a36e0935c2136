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
		pace()
		r := &c.x.Recordings[i]
		if !r.Unrecognized {
			continue
		}
		// The detail that carries the mark: a JSON pointer to it, or the
		// HTML line; the value is the mark as written (translated in de/fr).
		ev := valueEvidence(r.UnrecognizedSrc, r.UnrecognizedSrc.Src)
		if ev.Path == "" {
			// No detail recorded: point to the record's details list.
			ev = srcEvidence(r.Src)
			ev.Field = "details"
			if ev.Pointer != "" {
				ev.Pointer += "/details"
			}
		}
		g.add(ev, rowKey(r.Src), i)
	}
	if len(g.hits) == 0 {
		return
	}
	n := g.records()
	c.add(finding(ruleUnrecognizedSpeaker, Likely, unrecognizedSubject, n, g.evidence(), g.affected(), msgUnrecognizedSpeaker, n))
}
