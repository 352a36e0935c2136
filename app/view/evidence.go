package view

import (
	"time"

	"exportlens/app/check"
	"exportlens/app/pack"
)

// Recipient is whom a letter is to (pack.Recipient).
type Recipient = pack.Recipient

// The letters' recipients.
const (
	ToCompany   = pack.Company   // the company that sent the export
	ToAuthority = pack.Authority // the data protection authority
)

// Evidence is what the evidence pack, the letters and the printed report
// say of a session: its report with the inputs' checksums, the facts the
// person declared and the excerpts they chose, in one language, made at
// one time.
type Evidence struct {
	rep  *check.Report
	meta pack.Meta
}

// Evidence is what s gives the pack and the letters. rep is s.Report with
// the inputs' SHA-256 filled in (the page computes them from the files it
// holds); made is when, in UTC to the second.
func (s Session) Evidence(rep *check.Report, lang string, made time.Time) Evidence {
	m := pack.Meta{Made: made.UTC().Truncate(time.Second), Lang: lang, Declared: s.Declared}
	// Every ref was taken from a recording of this export: none is missing.
	m.Excerpts, _ = pack.Excerpts(s.Export, s.Excerpts, lang)
	return Evidence{rep: rep, meta: m}
}

// Pack is the evidence pack: one ZIP, as `exportlens check --pack` writes it.
func (e Evidence) Pack() ([]byte, error) { return pack.Build(e.rep, e.meta) }

// Letter is the letter to to, ready to be edited.
func (e Evidence) Letter(to Recipient) string { return pack.Letter(e.rep, to, e.meta) }

// PrintHead is what the printed report adds before the page, as report.txt
// has it: the inputs and their checksums, then the person's statements and
// the excerpts they chose, when there are any.
func (e Evidence) PrintHead() string {
	head := pack.Head(e.rep, e.meta)
	if st := e.rep.StatementsText(e.meta.Lang); st != "" {
		head += "\n" + st
	}
	if ex := pack.ExcerptsText(e.meta); ex != "" {
		head += "\n" + ex
	}
	return head
}
