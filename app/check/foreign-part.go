package check

import (
	"slices"
	"strings"

	"exportlens/app/export"
)

// checkForeignPart: a Takeout export comes in parts that belong together.
// A part whose archive overview names another account was mixed in from
// another account's export: that is the only mismatch here. A part the
// overview does not list, or one of another Takeout job that names no
// account, is an absence, not another account's identifier: a note, never
// a mismatch.
func checkForeignPart(c *checker) {
	parts := slices.Clone(c.x.Parts)
	if len(parts) == 0 {
		return
	}
	slices.SortStableFunc(parts, func(a, b export.Part) int { return cmpStrings(a.Name, b.Name) })
	named := slices.ContainsFunc(parts, func(p export.Part) bool { return p.Account != "" || p.Listed })
	if !named {
		// No overview at all: whether the parts belong together cannot be told.
		if len(parts) > 1 {
			subj := parts[0].Name
			if exp, listed, found := c.expectation(export.NeedArchiveBrowser); listed && !found {
				subj = missingSubject(exp, "archive-browser")
			}
			c.add(finding(RuleForeignPart, Unknown, subj, 0, nil, nil, msgForeignPartUnverifiable, len(parts)))
		}
		return
	}
	ref := c.refEmail
	items := slices.Collect(c.voiceItems)
	for _, p := range parts {
		if p.DuplicateOf != "" {
			continue // a second download of a part: a note of its own (export.ProblemDuplicatePart)
		}
		if p.Account != "" && ref != nil {
			k := export.NormEmail(p.Account)
			partEv := valueEvidence(export.NewValue(p.Account, p.Src), p.Src)
			if k == ref.key {
				if p.Account != ref.v.Text {
					c.noteNormOnly(RuleForeignPart, partEv, rowKey(p.Src), -1)
				}
				continue
			}
			g := partGroup(items, p.Name)
			n := g.records()
			ev := []Evidence{valueEvidence(ref.v, ref.v.Src()), partEv}
			ev = append(ev, g.first(maxEvidence-len(ev))...)
			c.add(finding(RuleForeignPart, Mismatch, k, n, ev, g.affected(), msgForeignPartAccount, p.Name, k))
			continue
		}
		if p.Listed {
			continue
		}
		g := partGroup(items, p.Name)
		n := g.records()
		var ev []Evidence
		if ref != nil && ref.part != "" {
			// The overview that lists the export's files, and not these.
			ev = append(ev, srcEvidence(export.Source{Part: ref.v.Src().Part, Path: ref.v.Src().Path}))
		}
		if g.hits > 0 {
			ev = append(ev, g.first(maxEvidence-len(ev))...)
		} else {
			ev = append(ev, Evidence{Part: p.Name, Path: p.Src.Path})
		}
		msg, args := msgForeignPartUnlisted, []any{p.Name}
		if ref != nil {
			if own, job := takeoutJob(ref.v.Src().Part), takeoutJob(p.Name); own != "" && job != "" && own != job {
				msg, args = msgForeignPartOtherJob, []any{p.Name, job}
			}
		}
		c.add(finding(RuleForeignPart, Note, p.Name, n, ev, g.affected(), msg, args...))
	}
}

// partGroup gathers the recordings and audio files that come from a part
// (the part itself or an archive nested in it).
func partGroup(items []voiceItem, part string) *group {
	g := &group{}
	for _, it := range items {
		pace()
		if it.ev.Part == part || strings.HasPrefix(it.ev.Part, part+"!") {
			g.add(it.ev, it.row, it.rec)
		}
	}
	return g
}
