package check

import (
	"io"
	"strconv"
	"strings"
	"unicode"

	"exportlens/app/archive"
	"exportlens/app/export"
)

// Exit statuses of `exportlens check`, so that a script can tell a clean
// export from one nobody could check.
const (
	ExitConsistent = 0 // nothing points to someone else's data
	ExitMismatch   = 1 // a finding of severity mismatch or likely
	ExitUnreadable = 2 // the input cannot be read (the caller's)
	ExitUnknown    = 3 // cannot tell: the verdict is unknown
)

// ExitCode is the command's exit status for this report: ExitMismatch when
// a finding points to someone else's data (mismatch or likely), ExitUnknown
// when the verdict is not consistent ("cannot tell"), else ExitConsistent.
func (r *Report) ExitCode() int {
	for _, f := range r.Findings {
		if f.Severity == Mismatch || f.Severity == Likely {
			return ExitMismatch
		}
	}
	if r.Verdict != VerdictConsistent {
		return ExitUnknown
	}
	return ExitConsistent
}

// WriteText writes the report for people: the verdict in plain words, the
// claim, the contents, then every finding with its evidence, one place a
// line ("Alexa.zip!Alexa.VoiceHistory/…/Alexa.VoiceHistory.csv:17
// DeviceSerialNumber = G070RQ0000000099"). lang "de" gives German, anything
// else English. Export text is shown with control characters escaped, so a
// hostile value cannot drive the terminal.
func (r *Report) WriteText(w io.Writer, lang string) error {
	var b strings.Builder
	t := func(key string, args ...any) string { return render(lang, key, args...) }
	line := func(s string) { b.WriteString(s); b.WriteByte('\n') }
	folders := r.FolderInputs()

	switch r.Verdict {
	case VerdictMismatch:
		line(t(txtVerdictMismatch))
	case VerdictConsistent:
		line(t(txtVerdictConsistent))
	default:
		if why := r.VerdictReason(lang); why != "" {
			line(t(txtVerdictUnknownWhy, why))
		} else {
			line(t(txtVerdictUnknown))
		}
		if r.Question == QuestionVoiceDevice {
			line(t(txtSettleVoiceDevice))
		}
	}
	line(t(txtFormat, clean(r.Vendor)))

	line(t(txtClaim))
	cl := r.Claim
	if len(cl.CustomerIDs)+len(cl.Emails)+len(cl.Names)+len(cl.Devices)+len(cl.VoiceProfiles) == 0 {
		line(t(txtClaimNone))
	}
	for _, s := range cl.CustomerIDs {
		line(t(txtCustomerID, ident(lang, s)))
	}
	for _, s := range cl.Emails {
		line(t(txtEmail, ident(lang, s)))
	}
	for _, s := range cl.Names {
		line(t(txtName, ident(lang, s)))
	}
	for _, d := range cl.Devices {
		line(t(txtDevice, ident(lang, d.Serial), paren(lang, d.Type, d.Name)))
	}
	for _, p := range cl.VoiceProfiles {
		line(t(txtProfile, ident(lang, p.ID), paren(lang, p.Name)))
	}
	b.WriteString(r.StatementsText(lang))
	s := r.Summary
	line(t(txtSummary, s.Recordings, s.Transcripts, s.Devices, s.VoiceProfiles))
	if s.Activity > 0 {
		line(t(txtActivity, s.Activity))
	}

	b.WriteByte('\n')
	if len(r.Findings) == 0 {
		line(t(txtNoFindings))
	} else {
		line(t(txtFindings, len(r.Findings)))
	}
	for _, f := range r.Findings {
		b.WriteByte('\n')
		line("[" + severityLabel(lang, f.Severity) + "] " + clean(f.Text(lang)))
		meta := []string{t(txtRule, clean(string(f.Rule)))}
		if phrase, ours := SubjectText(lang, f.Subject); ours {
			meta = append(meta, t(txtSubject, phrase))
		} else if f.Subject != "" {
			meta = append(meta, t(txtSubject, ident(lang, f.Subject)))
		}
		meta = append(meta, t(txtRecords, f.Records))
		line("  " + strings.Join(meta, ", "))
		for _, e := range f.Evidence {
			line("  " + evidenceLine(lang, e, folders))
		}
	}
	if len(r.Problems) > 0 {
		b.WriteByte('\n')
		line(t(txtProblems, len(r.Problems)))
		for _, p := range r.Problems {
			reason := clean(p.Reason)
			switch {
			case p.Zone != "":
				reason = t(txtProblemZone, clean(p.Zone))
			case p.Copies != "":
				reason = t(txtProblemCopy, clean(p.Copies))
			}
			line("  " + location(lang, Evidence{Part: p.Part, Path: p.Path}, folders) + ": " + reason)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// VerdictReason says, in lang, why the verdict is unknown ("cannot tell"):
// the finding that could not tell, or the file the checks need that could
// not be read. "" when the verdict is not unknown or the report was not made
// by Run (a report read back from JSON).
func (r *Report) VerdictReason(lang string) string {
	if r.Verdict != VerdictUnknown {
		return ""
	}
	switch w := r.why; {
	case w.finding != nil:
		return clean(w.finding.Text(lang))
	case w.problem != nil:
		where := location(lang, Evidence{Part: w.problem.Src.Part, Path: w.problem.Src.Path}, r.FolderInputs())
		switch w.problem.Kind {
		case export.ProblemArchive:
			return render(lang, txtWhyDamagedPart, where)
		case export.ProblemEncrypted:
			return render(lang, txtWhyEncrypted, max(w.problem.Members, 1), where)
		}
		return render(lang, txtWhyUnreadable, where)
	}
	return ""
}

func severityLabel(lang string, s Severity) string {
	switch s {
	case Mismatch:
		return render(lang, txtSevMismatch)
	case Likely:
		return render(lang, txtSevLikely)
	case Unknown:
		return render(lang, txtSevUnknown)
	case Note:
		return render(lang, txtSevNote)
	}
	return clean(string(s))
}

// evidenceLine: "part!path:line Field = value (as written: raw)".
func evidenceLine(lang string, e Evidence, folders map[string]bool) string {
	s := location(lang, e, folders)
	switch {
	case e.Field != "" && e.Value != "":
		s += " " + clean(e.Field) + " = " + value(lang, e.Value)
	case e.Field != "":
		s += " " + clean(e.Field)
	case e.Value != "":
		s += " = " + value(lang, e.Value)
	}
	if e.Raw != "" {
		s += render(lang, txtRaw, clean(e.Raw))
	}
	return s
}

// location names a place: "part!path" (archive.JoinName; "folder/path" in
// a folder input, which folders names), then ":line" for text files,
// "#pointer" for JSON, or the page and line for PDF.
func location(lang string, e Evidence, folders map[string]bool) string {
	s := archive.JoinName(clean(e.Part), clean(e.Path), folders[e.Part])
	switch {
	case e.Page > 0 && e.Line > 0:
		s += " " + render(lang, txtPageLine, e.Page, e.Line)
	case e.Page > 0:
		s += " " + render(lang, txtPage, e.Page)
	case e.Line > 0:
		s += ":" + strconv.Itoa(e.Line)
	}
	if e.Pointer != "" {
		s += "#" + clean(e.Pointer)
	}
	return s
}

// paren gives " (a, b)" of the non-empty parts, "" when all are empty.
func paren(lang string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, ident(lang, p))
		}
	}
	if len(keep) == 0 {
		return ""
	}
	return " (" + strings.Join(keep, ", ") + ")"
}

// maxTextRunes bounds a value shown in the text report: a transcript may be
// long, and a line of evidence should stay a line.
const maxTextRunes = 200

// clean makes export text safe for a terminal and honest to read: control
// characters (line breaks, escape sequences), invisible characters and
// bidirectional overrides are shown as their code ("⟨U+202E⟩", see
// ShowText), invalid UTF-8 as U+FFFD, and long text is cut.
func clean(s string) string {
	return ShowText(cut(s))
}

// ident shows an identifier (see Show) with what was made visible in
// brackets: "G070RQ⟨U+200B⟩0000000001 [contains an invisible character]".
func ident(lang, s string) string {
	sh := Show(cut(s))
	if n := sh.Note(lang); n != "" {
		return sh.Text + " [" + n + "]"
	}
	return sh.Text
}

// value shows an evidence value: as an identifier when it is one word, as
// text otherwise (a transcript may mix scripts from word to word).
func value(lang, s string) string {
	if strings.IndexFunc(s, unicode.IsSpace) < 0 {
		return ident(lang, s)
	}
	return clean(s)
}

// cut keeps the first maxTextRunes runes of s, and "…" when there were more.
func cut(s string) string {
	if len(s) <= maxTextRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == maxTextRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// StatementsText is what the person stated, as WriteText lists it: what
// they declared, then their marks, each under a heading that says it is
// their own statement; "" when they stated nothing.
func (r *Report) StatementsText(lang string) string {
	var b strings.Builder
	t := func(key string, args ...any) string { return render(lang, key, args...) }
	line := func(s string) { b.WriteString(s); b.WriteByte('\n') }
	d := r.Claim.Declared
	if len(d.Emails)+len(d.CustomerIDs)+len(d.Devices) > 0 || d.NoDevices || d.OwnsDevice {
		line(t(txtDeclared))
		for _, s := range d.CustomerIDs {
			line(t(txtCustomerID, ident(lang, s)))
		}
		for _, s := range d.Emails {
			line(t(txtEmail, ident(lang, s)))
		}
		for _, s := range d.Devices {
			line(t(txtDevice, ident(lang, s), ""))
		}
		if d.NoDevices {
			line(t(txtNoDevices))
		}
		if d.OwnsDevice {
			line(t(txtOwnsDevice))
		}
	}
	if len(d.NotMineDevices)+len(d.NotMineProfiles)+len(d.NotMineRecordings) > 0 {
		line(t(txtMarkedNotMine))
		for _, s := range d.NotMineDevices {
			line(t(txtDevice, ident(lang, s), ""))
		}
		for _, s := range d.NotMineProfiles {
			line(t(txtProfile, ident(lang, s), ""))
		}
		for _, s := range d.NotMineRecordings {
			line(t(txtRecording, ident(lang, s)))
		}
	}
	if len(d.MineRecordings) > 0 {
		line(t(txtMarkedMine))
		for _, s := range d.MineRecordings {
			line(t(txtRecording, ident(lang, s)))
		}
	}
	return b.String()
}
