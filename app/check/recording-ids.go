package check

import "exportlens/app/export"

// idCheck describes a rule that compares one identifier of every recording
// (its device serial, its person ID) with what the claimed account has.
type idCheck struct {
	rule      RuleID
	value     func(*export.Recording) export.Value
	known     func() (bool, string) // the account's list was read; else the missing file
	set       *refSet               // the account's identifiers
	severity  Severity
	normalize bool   // the subject is shown normalised (serials), else as first written
	msg       string // the finding, args: count
	msgNoFile string // cannot tell, args: count, missing file
	// with, when set, words what the affected recordings have in common
	// ("" when nothing): the finding is then msgWith, args: count, that.
	with    func(recs []int) string
	msgWith string
}

// checkRecordingIDs: one finding per identifier the account does not know,
// counting its recordings; without the account's list, one unknown finding
// naming the missing file. Values that match only after normalising are
// consistent and noted once.
func checkRecordingIDs(c *checker, k idCheck) {
	x := c.x
	// with yields the recordings that have the identifier: a sequence, not
	// a list (a list of 100,000 indices grew to 8 MB as it doubled).
	with := func(yield func(int, *export.Recording) bool) {
		for i := range x.Recordings {
			pace()
			if r := &x.Recordings[i]; displayText(k.value(r).Text) != "" { // NormID's emptiness, without upper-casing
				if !yield(i, r) {
					return
				}
			}
		}
	}
	some := false
	for range with {
		some = true
		break
	}
	if !some {
		return
	}
	if known, missing := k.known(); !known {
		g := &group{}
		for i, r := range with {
			g.add(valueEvidence(k.value(r), r.Src()), c.recordingRow(i), i)
		}
		n := g.records()
		c.add(finding(k.rule, Unknown, missing, n, g.evidence(), g.affected(), k.msgNoFile, n, missing))
		return
	}
	groups := map[string]*group{}
	// A column repeats its value row after row: the last text's match is
	// kept, and the evidence made only for a value that is not the
	// account's as written (at 100,000 recordings, the evidence of every
	// one was most of this check).
	var last struct {
		text         string
		ok, onlyNorm bool
		set          bool
	}
	for i, r := range with {
		v := k.value(r)
		if !last.set || v.Text != last.text {
			last.ok, last.onlyNorm = k.set.match(v.Text)
			last.text, last.set = v.Text, true
		}
		if last.ok && !last.onlyNorm {
			continue
		}
		ev := valueEvidence(v, r.Src())
		if last.ok {
			c.noteNormOnly(k.rule, ev, c.recordingRow(i), i)
			continue
		}
		key := export.NormID(v.Text)
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		g.add(ev, c.recordingRow(i), i)
	}
	for _, g := range groups {
		pace()
		n := g.records()
		subject := g.subject()
		if k.normalize {
			subject = export.NormID(subject)
		}
		if k.with != nil {
			if w := k.with(g.affected()); w != "" {
				c.add(finding(k.rule, k.severity, subject, n, g.evidence(), g.affected(), k.msgWith, n, w))
				continue
			}
		}
		c.add(finding(k.rule, k.severity, subject, n, g.evidence(), g.affected(), k.msg, n))
	}
}
