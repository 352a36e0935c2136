package check

import (
	"slices"
	"strings"

	"exportlens/app/archive"
	"exportlens/app/export"
)

// rule is one ownership check. Each lives in its own file, named after its ID.
type rule struct {
	id  string
	run func(*checker)
}

// rules run in this order; the order does not matter for the report (findings
// are sorted), only for which rule reports a shared missing file first.
var rules = []rule{
	{ruleForeignCustomer, checkForeignCustomer},
	{ruleUnregisteredDevice, checkUnregisteredDevice},
	{ruleUnknownVoiceProfile, checkUnknownVoiceProfile},
	{ruleRecordingsWithoutDevice, checkRecordingsWithoutDevice},
	{ruleIdentityConflict, checkIdentityConflict},
	{ruleUnreferencedRecording, checkUnreferencedRecording},
	{ruleMissingRecording, checkMissingRecording},
	{ruleUnrecognizedSpeaker, checkUnrecognizedSpeaker},
	{ruleForeignPart, checkForeignPart},
	{ruleTranscriptMismatch, checkTranscriptMismatch},
	{ruleDeclaredMismatch, checkDeclaredMismatch},
}

// Run compares the export with the claim it makes and with what the person
// declares, and returns the report. It never fails: what cannot be checked
// becomes a finding of severity unknown. The same input, in any order, gives
// the same report. Inputs is left empty for the caller to fill.
func Run(x *export.Export, d Declared) *Report {
	if x == nil {
		x = &export.Export{Vendor: export.Unknown}
	}
	c := newChecker(x, d)
	r := &Report{
		Schema:  Schema,
		Inputs:  []Input{},
		Vendor:  c.vendor(),
		Claim:   c.claim(),
		Summary: summarize(x),
	}
	if c.vendorKnown() {
		for _, rl := range rules {
			rl.run(c)
			// In the browser (wasm) nothing preempts a running goroutine,
			// and a garbage collection cannot finish until it yields: let
			// one finish between rules, or the wasm memory (which never
			// shrinks) grows by everything the rules allocate.
			archive.Yield()
		}
		c.reportNoClaim()
		c.reportMissingFiles()
		c.flushNormOnly()
	} else {
		checkFormatUnknown(c)
	}
	sortFindings(c.findings)
	addShown(c.findings)
	r.Findings = c.findings
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	r.Verdict = verdict(r.Findings, c.vendorKnown() && c.claimEstablished())
	r.Problems = problems(x.Problems)
	return r
}

// verdict: mismatch when any finding points to someone else; unknown when
// ownership could not be checked at all; consistent otherwise.
func verdict(fs []Finding, checkable bool) string {
	for _, f := range fs {
		pace()
		if f.Severity == Mismatch || f.Severity == Likely {
			return VerdictMismatch
		}
	}
	if !checkable {
		return VerdictUnknown
	}
	return VerdictConsistent
}

func summarize(x *export.Export) Summary {
	s := Summary{Recordings: len(x.Recordings)}
	serials := map[string]bool{}
	for _, dv := range x.Devices {
		if k := export.NormID(dv.Serial.Text); k != "" && !dv.Inactive {
			serials[k] = true
		}
	}
	s.Devices = len(serials)
	ids := map[string]bool{}
	for _, p := range x.VoiceProfiles {
		if k := export.NormID(p.ID.Text); k != "" {
			ids[k] = true
		}
	}
	s.VoiceProfiles = len(ids)
	// A transcript is a recording with recognised text, or a transcript line
	// that matches no recording; a recording with both counts once.
	withLine := make([]bool, len(x.Recordings))
	for _, t := range x.Transcripts {
		pace()
		if t.Recording >= 0 && t.Recording < len(x.Recordings) {
			withLine[t.Recording] = true
		} else {
			s.Transcripts++
		}
	}
	for i, rec := range x.Recordings {
		pace()
		if withLine[i] || !rec.Transcript.Empty() {
			s.Transcripts++
		}
	}
	return s
}

func problems(ps []export.Problem) []Problem {
	if len(ps) == 0 {
		return nil
	}
	out := make([]Problem, len(ps))
	for i, p := range ps {
		out[i] = Problem{Part: p.Src.Part, Path: p.Src.Path, Reason: p.Reason}
	}
	slices.SortFunc(out, func(a, b Problem) int {
		return cmpStrings(a.Part, b.Part, a.Path, b.Path, a.Reason, b.Reason)
	})
	return out
}

// sevRank orders severities as the report lists them.
func sevRank(s Severity) int {
	switch s {
	case Mismatch:
		return 0
	case Likely:
		return 1
	case Unknown:
		return 2
	case Note:
		return 3
	}
	return 4
}

// sortFindings orders findings by severity, rule and subject, and breaks the
// remaining ties by content, so that the order never depends on input order.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		pace()
		if d := sevRank(a.Severity) - sevRank(b.Severity); d != 0 {
			return d
		}
		if d := cmpStrings(a.Rule, b.Rule, a.Subject, b.Subject, a.Title, b.Title); d != 0 {
			return d
		}
		if d := a.Records - b.Records; d != 0 {
			return d
		}
		return slices.CompareFunc(a.Evidence, b.Evidence, compareEvidence)
	})
}

// cmpStrings compares pairs (a0,b0), (a1,b1), ... in turn.
func cmpStrings(pairs ...string) int {
	for i := 0; i+1 < len(pairs); i += 2 {
		if d := strings.Compare(pairs[i], pairs[i+1]); d != 0 {
			return d
		}
	}
	return 0
}

// addShown sets the shown forms of subjects and evidence values that a
// person would otherwise misread (see Show).
func addShown(fs []Finding) {
	for i := range fs {
		pace()
		f := &fs[i]
		if sh := Show(f.Subject); sh.Changed() {
			f.SubjectShown = sh.Text
		}
		for j := range f.Evidence {
			e := &f.Evidence[j]
			if sh := Show(e.Value); sh.Changed() {
				e.ValueShown = sh.Text
			}
		}
	}
}
