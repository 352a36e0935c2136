package pack

import (
	"strings"

	"exportlens/app/check"
)

// Text is the report for people, in m.Lang: when and with which version it
// was made and how, every input with its size and SHA-256, then the report
// of `exportlens check` (the verdict and its reason, the claim and the
// person's statements, the counts, every finding with its evidence places),
// and last the excerpts the person chose, under their own heading.
func Text(rep *check.Report, m Meta) string {
	lang := m.Lang
	var b strings.Builder
	b.WriteString(Head(rep, m))
	b.WriteByte('\n')
	// strings.Builder never fails to write.
	_ = rep.WriteText(&b, lang)
	if len(m.Excerpts) > 0 {
		b.WriteByte('\n')
		b.WriteString(ExcerptsText(m))
	}
	return b.String()
}

// ExcerptsText is the end of Text: the excerpts the person chose under
// their heading, which the printed report shows too; "" for none.
func ExcerptsText(m Meta) string {
	if len(m.Excerpts) == 0 {
		return ""
	}
	var b strings.Builder
	line := func(s string) { b.WriteString(s); b.WriteByte('\n') }
	h := tr(m.Lang, "excerpts")
	line(h)
	line(strings.Repeat("-", len([]rune(h))))
	line(tr(m.Lang, "excerpts.why"))
	for _, e := range m.Excerpts {
		b.WriteByte('\n')
		for _, l := range strings.Split(strings.TrimRight(e, "\n"), "\n") {
			line("> " + check.ShowText(l))
		}
	}
	return b.String()
}

// Head is the start of Text, which the printed report shows above the
// verdict: the title, when and with which version it was made and how, and
// every input with its size and SHA-256.
func Head(rep *check.Report, m Meta) string {
	lang := m.Lang
	var b strings.Builder
	line := func(s string) { b.WriteString(s); b.WriteByte('\n') }
	title := tr(lang, "title")
	line(title)
	line(strings.Repeat("=", len([]rune(title))))
	made := m.Made.UTC()
	line(tr(lang, "made", longDate(lang, made), made.Format("15:04")+" UTC", check.ShowText(m.version())))
	line(tr(lang, "how"))
	line(tr(lang, "how.report"))
	b.WriteByte('\n')
	line(tr(lang, "inputs"))
	for _, in := range rep.Inputs {
		name := check.ShowText(in.Name)
		switch {
		case in.Folder:
			line(tr(lang, "input.folder", name))
		case in.SHA256 != "":
			line(tr(lang, "input.file", name, in.Size, in.SHA256))
		default:
			line(tr(lang, "input.nohash", name, in.Size))
		}
	}
	return b.String()
}

// readme is README.txt: what the pack is, what it holds and how it was made.
func readme(rep *check.Report, m Meta) string {
	lang := m.Lang
	var b strings.Builder
	line := func(s string) { b.WriteString(s); b.WriteByte('\n') }
	title := tr(lang, "readme.title")
	line(title)
	line(strings.Repeat("=", len([]rune(title))))
	made := m.Made.UTC()
	line(tr(lang, "made", longDate(lang, made), made.Format("15:04")+" UTC", check.ShowText(m.version())))
	b.WriteByte('\n')
	line(tr(lang, "readme.files"))
	line(tr(lang, "readme.json"))
	line(tr(lang, "readme.txt"))
	switch rep.Verdict {
	case check.VerdictMismatch:
		line(tr(lang, "readme.company"))
		line(tr(lang, "readme.authority"))
	case check.VerdictConsistent:
		b.WriteByte('\n')
		line(tr(lang, "readme.noletters.consistent"))
	default:
		b.WriteByte('\n')
		line(tr(lang, "readme.noletters.unknown"))
	}
	b.WriteByte('\n')
	line(tr(lang, "how"))
	line(tr(lang, "readme.nocontent"))
	if len(m.Excerpts) > 0 {
		line(tr(lang, "readme.excerpts"))
	}
	if rep.Verdict == check.VerdictMismatch {
		b.WriteByte('\n')
		line(tr(lang, "readme.keep"))
	}
	return b.String()
}
