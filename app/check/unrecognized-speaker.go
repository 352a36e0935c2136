package check

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
		ev := valueEvidence(r.UnrecognizedSrc(), r.UnrecognizedSrc().Src())
		if ev.Path == "" {
			// No detail recorded: point to the record's details list.
			ev = srcEvidence(r.Src())
			ev.Field = "details"
			if ev.Pointer != "" {
				ev.Pointer += "/details"
			}
		}
		g.add(ev, c.recordingRow(i), i)
	}
	// Activity without a recording ("Used Assistant") marked the same way:
	// another voice used the assistant, though nothing of it was kept.
	others := 0
	for i := range c.x.Activity {
		pace()
		a := &c.x.Activity[i]
		if a.Unrecognized.Empty() {
			continue
		}
		others++
		g.add(valueEvidence(a.Unrecognized, a.Unrecognized.Src()), rowKey(a.Src), -1)
	}
	if g.hits == 0 {
		return
	}
	n := g.records()
	msg := msgUnrecognizedSpeaker
	if others > 0 {
		msg = msgUnrecognizedRecords
	}
	c.add(finding(RuleUnrecognizedSpeaker, Likely, unrecognizedSubject, n, g.evidence(), g.affected(), msg, n))
}
