package check

import (
	"path"
	"strconv"
	"strings"

	"exportlens/app/export"
)

// Subjects of the findings about single recordings the person marked: a
// phrase of ours, not an identifier of the export.
const (
	notMineRecordingsSubject = "recordings marked not yours"
	mineRecordingsSubject    = "recordings marked yours"
)

// RecordingRef names one recording for the person's marks
// (Declared.MineRecordings, Declared.NotMineRecordings): the member path
// of its audio file when it has one ("Alexa/audio/2018-05-01_0812.wav"),
// else its record's place, "path#line" or "path#pointer"
// ("Takeout/My Activity/Assistant/MyActivity.json#/12"). It is what the
// viewer and the command's --my-recording / --not-my-recording use.
func RecordingRef(r *export.Recording) string {
	switch {
	case r.AudioPath() != "":
		return r.AudioPath()
	case r.Audio().Text != "":
		return r.Audio().Text
	case r.Src().Pointer != "":
		return r.Src().Path + "#" + r.Src().Pointer
	case r.Src().Line > 0:
		return r.Src().Path + "#" + strconv.Itoa(r.Src().Line)
	}
	return r.Src().Path
}

// NamedRecordings returns the indexes (into Export.Recordings) of the
// recordings that refs name, in the export's order: the person's marks,
// and the excerpts they chose for the evidence pack (app/pack). A ref names a recording by RecordingRef as
// written, spaces around it aside, or, typed without a folder, by the base
// name of its audio file ("2018-05-01_0812.wav").
func NamedRecordings(x *export.Export, refs []string) []int {
	if len(refs) == 0 {
		return nil
	}
	full, base := map[string]bool{}, map[string]bool{}
	for _, s := range refs {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		full[s] = true
		if !strings.Contains(s, "/") {
			base[s] = true
		}
	}
	var out []int
	for i := range x.Recordings {
		pace()
		r := &x.Recordings[i]
		ref := RecordingRef(r)
		if full[ref] || r.AudioPath() != "" && base[path.Base(r.AudioPath())] {
			out = append(out, i)
		}
	}
	return out
}

// declaredRecordings: recordings the person marked as not theirs are a
// strong sign of someone else's data (likely), like the recordings of a
// device they marked. The finding names the person's statement as its
// subject and the records as its evidence.
func declaredRecordings(c *checker) {
	notMine := NamedRecordings(c.x, c.d.NotMineRecordings)
	if len(notMine) == 0 {
		return
	}
	g := &group{}
	for _, i := range notMine {
		r := &c.x.Recordings[i]
		g.add(srcEvidence(r.Src()), c.recordingRow(i), i)
	}
	n := g.records()
	c.add(g.withAudio(finding(RuleDeclaredMismatch, Likely, notMineRecordingsSubject, n, g.evidence(), g.affected(), msgNotMineRecordings, n)))
}

// explainMine applies the recordings the person marked as theirs, after
// every rule ran: a finding that could not tell (unknown) and concerns only
// such recordings is settled by the person's word, and a note says so. A
// mark never outweighs evidence: findings that point to someone else stay,
// and so does one that also concerns recordings not marked.
func (c *checker) explainMine() {
	mine := NamedRecordings(c.x, c.d.MineRecordings)
	if len(mine) == 0 {
		return
	}
	marked := map[int]bool{}
	for _, i := range mine {
		marked[i] = true
	}
	settled := false
	kept := c.findings[:0]
	for _, f := range c.findings {
		if f.Severity == Unknown && f.Records > 0 && len(f.Affected) > 0 && allMarked(f.Affected, marked) && distinct(f.Affected) >= f.Records {
			settled = true
			continue
		}
		kept = append(kept, f)
	}
	c.findings = kept
	g := &group{}
	for _, i := range mine {
		r := &c.x.Recordings[i]
		g.add(srcEvidence(r.Src()), c.recordingRow(i), i)
	}
	n := g.records()
	msg := msgMineRecordings
	if settled {
		msg = msgMineRecordingsSettled
	}
	c.add(g.withAudio(finding(RuleDeclaredMismatch, Note, mineRecordingsSubject, n, g.evidence(), g.affected(), msg, n)))
}

func allMarked(recs []int, marked map[int]bool) bool {
	for _, i := range recs {
		if !marked[i] {
			return false
		}
	}
	return true
}

func distinct(v []int) int {
	seen := map[int]bool{}
	for _, n := range v {
		seen[n] = true
	}
	return len(seen)
}
