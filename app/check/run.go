package check

import (
	"path"
	"slices"
	"strings"

	"exportlens/app/archive"
	"exportlens/app/export"
)

// rule is one ownership check. Each lives in its own file, named after its ID.
type rule struct {
	id  RuleID
	run func(*checker)
}

// rules run in this order; the order does not matter for the report (findings
// are sorted), only for which rule reports a shared missing file first.
var rules = []rule{
	{RuleForeignCustomer, checkForeignCustomer},
	{RuleUnregisteredDevice, checkUnregisteredDevice},
	{RuleUnknownVoiceProfile, checkUnknownVoiceProfile},
	{RuleRecordingsWithoutDevice, checkRecordingsWithoutDevice},
	{RuleIdentityConflict, checkIdentityConflict},
	{RuleUnreferencedRecording, checkUnreferencedRecording},
	{RuleMissingRecording, checkMissingRecording},
	{RuleUnrecognizedSpeaker, checkUnrecognizedSpeaker},
	{RuleForeignPart, checkForeignPart},
	{RuleTranscriptMismatch, checkTranscriptMismatch},
	{RuleDeclaredMismatch, checkDeclaredMismatch},
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
		c.explainMine()
		c.reportNoClaim()
		c.reportMissingFiles()
		c.flushNormOnly()
	} else {
		checkFormatUnknown(c)
	}
	sortFindings(c.findings)
	addShown(c.findings)
	r.Findings = c.findings
	r.Question, r.answer = c.question, c.answer
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	r.Verdict, r.why = verdict(r.Findings, c.vendorKnown() && c.claimEstablished(), neededProblem(x))
	r.Problems = problems(x.Problems)
	return r
}

// verdictWhy is why a verdict is unknown: the finding that could not tell,
// or the unreadable file a check needs. Both nil: no reason to give.
type verdictWhy struct {
	finding *Finding
	problem *export.Problem
}

// verdict: mismatch when any finding points to someone else; unknown when
// ownership could not be checked at all, when a check about records ended
// unknown (a finding of severity unknown that counts records: recordings
// whose device, profile or record table cannot be told), or when a file the
// checks need could not be read (bad, a problem on such a file); consistent
// only when none of these holds ("consistent" needs every recording
// explained). The reason is bad, the cause of all else (a damaged activity
// file reads as a missing one), else the first such finding in report order.
func verdict(fs []Finding, checkable bool, bad *export.Problem) (string, verdictWhy) {
	for _, f := range fs {
		pace()
		if f.Severity == Mismatch || f.Severity == Likely {
			return VerdictMismatch, verdictWhy{}
		}
	}
	var first, records *Finding
	for i := range fs {
		if fs[i].Severity != Unknown {
			continue
		}
		if first == nil {
			first = &fs[i]
		}
		if records == nil && fs[i].Records > 0 {
			records = &fs[i]
		}
	}
	switch {
	case bad != nil:
		return VerdictUnknown, verdictWhy{problem: bad}
	case !checkable:
		return VerdictUnknown, verdictWhy{finding: first}
	case records != nil:
		return VerdictUnknown, verdictWhy{finding: records}
	}
	return VerdictConsistent, verdictWhy{}
}

// neededProblem returns the first (in report order) problem that leaves a
// check without its input: a part or member the archive layer could not read
// (a damaged part may hold anything), or a file that could not be (fully)
// read and is one the checks need: the voice history, the activity, the
// registration, the customer profile... (an expectation found there, or of
// the same name, spaces aside: "My Activity.json" is "MyActivity.json"), or
// an encrypted member, which nobody can tell the contents of. A warning
// about a member's name or a duplicate copy is no such problem.
func neededProblem(x *export.Export) *export.Problem {
	base := func(p string) string {
		return strings.ToLower(strings.ReplaceAll(path.Base(p), " ", ""))
	}
	needed := map[[2]string]bool{}
	names := map[string]bool{}
	for _, e := range x.Expected {
		if e.Found {
			needed[[2]string{e.Src.Part, e.Src.Path}] = true
			names[base(e.Src.Path)] = true
		}
		if !strings.ContainsAny(e.Path, "*?[") {
			names[base(e.Path)] = true
		}
	}
	var out *export.Problem
	for i := range x.Problems {
		p := &x.Problems[i]
		if p.Note() { // the file was read: an unknown zone, a description row in an ID column
			continue
		}
		switch p.Kind {
		case "name", "duplicate":
			continue
		case "archive", "encrypted": // either may hold anything
		default:
			if !needed[[2]string{p.Src.Part, p.Src.Path}] && !names[base(p.Src.Path)] {
				continue
			}
		}
		if out == nil || cmpStrings(p.Src.Part, out.Src.Part, p.Src.Path, out.Src.Path, p.Reason, out.Reason) < 0 {
			out = p
		}
	}
	return out
}

func summarize(x *export.Export) Summary {
	s := Summary{Recordings: len(x.Recordings), Activity: len(x.Activity)}
	serials := map[string]bool{}
	for _, dv := range x.Devices {
		if k := export.NormID(dv.Serial.Text); k != "" && !dv.Inactive && dv.FromRegistration() {
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
		if withLine[i] || !rec.Transcript().Empty() {
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
		switch p.Kind {
		case export.ProblemZone:
			out[i].Zone = p.Zone
		case export.ProblemDuplicatePart:
			out[i].Copies = p.Copies
		}
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
		if d := cmpStrings(string(a.Rule), string(b.Rule), a.Subject, b.Subject, a.Title, b.Title); d != 0 {
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
