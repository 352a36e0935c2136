package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/export"
	"exportlens/app/view"
)

// transcriptsRoute is the Transcripts page.
const transcriptsRoute = "/transcripts"

// transcriptsPage is "/transcripts": the transcript document (the 2018 PDF)
// as text, each line marked as matching a recording or not, with a link to
// the matching recording and to the line in the original PDF.
type transcriptsPage struct {
	app.Compo
	s    session
	lang string
}

func newTranscriptsPage() *transcriptsPage { return &transcriptsPage{} }

// OnInit draws the page with the open export and language from the start.
func (p *transcriptsPage) OnInit() { initialView(&p.s, &p.lang) }

func (p *transcriptsPage) OnMount(ctx app.Context) {
	observeSession(ctx, &p.s, &p.lang)
}

// OnNav moves focus to the h1 when the person came from another page.
func (p *transcriptsPage) OnNav(ctx app.Context) { onPageNav(ctx) }

func (p *transcriptsPage) Render() app.UI {
	presentFor(p.s)
	showHead(p.lang, tr(p.lang, tTranscriptsTitle))
	body := []app.UI{pageHeading(tr(p.lang, tTranscriptsTitle))}
	switch {
	case !p.s.Loaded() || p.s.Export == nil:
		body = append(body,
			app.P().Text(tr(p.lang, tTranscriptsEmpty)),
			&openPanel{Lang: p.lang, Session: p.s},
		)
	case len(p.s.Export.Transcripts) == 0:
		body = append(body, app.P().Text(tr(p.lang, tTranscriptsNone)))
	default:
		body = append(body, p.renderLines(p.s.Export.Transcripts)...)
	}
	return pageRoot(p.lang, []string{"page"},
		&topBar{Lang: p.lang, Current: transcriptsRoute, Share: transcriptsRoute},
		app.Main().Class("transcripts").Body(body...),
	)
}

func (p *transcriptsPage) renderLines(lines []export.TranscriptLine) []app.UI {
	matched := 0
	for _, l := range lines {
		if l.Recording >= 0 {
			matched++
		}
	}
	var out []app.UI
	out = append(out, app.P().Class("summary").Attr("data-testid", "transcript-summary").
		Text(tr(p.lang, tTranscriptsSummary, len(lines), matched, len(lines)-matched)))
	out = append(out, app.P().Class("hint", "zone-note").Attr("data-testid", "zone-note").
		Text(zoneText(p.lang)+" "+tr(p.lang, tTranscriptsZone)))

	prot := protectionOf(p.s)
	hidden := 0
	var findings []int // the findings that hide lines, in report order
	for _, l := range lines {
		if prot.HidesLine(l) {
			hidden++
		}
	}
	if hidden > 0 {
		fs := map[int]bool{}
		for _, l := range lines {
			if !prot.HidesLine(l) {
				continue
			}
			for _, fi := range prot.Docs[view.FileKey(l.Src.Part, l.Src.Path)] {
				fs[fi] = true
			}
			if l.Recording >= 0 {
				for _, fi := range prot.Index.ItemFindings[l.Recording] {
					fs[fi] = true
				}
			}
		}
		for fi := range p.s.Report.Findings {
			if fs[fi] {
				findings = append(findings, fi)
			}
		}
		out = append(out, &protectNotice{Lang: p.lang, Gen: p.s.Gen, Report: p.s.Report,
			Why: trn(p.lang, tProtectLines, hidden), Findings: findings})
	} else if prot.AnyLifted() {
		out = append(out, liftedNotice(p.lang, p.s.Gen))
	}

	// One link per document: a transcript may span several PDFs.
	seen := map[string]bool{}
	for _, l := range lines {
		doc := view.FileLoc{Part: l.Src.Part, Path: l.Src.Path}
		if l.Src.Path == "" || seen[doc.URL()] {
			continue
		}
		seen[doc.URL()] = true
		out = append(out, app.P().Body(
			app.A().Href(doc.URL()).Class("button").Attr("data-testid", "transcript-original").
				Text(tr(p.lang, tTranscriptsOriginal)),
			app.Span().Class("mono", "hint").Text(" "+p.s.Report.Name(doc.Part, doc.Path)),
		))
	}

	rows := make([]app.UI, len(lines))
	for i, l := range lines {
		rows[i] = p.renderLine(l, prot.HidesLine(l))
	}
	out = append(out, app.Div().Class("table-scroll").Body(app.Table().Class("transcript-table").Body(
		app.THead().Body(app.Tr().Body(
			app.Th().Text(tr(p.lang, tFilesWhere)),
			app.Th().Text(tr(p.lang, tTranscriptsTime)),
			app.Th().Text(tr(p.lang, tFilesText)),
			app.Th().Text(tr(p.lang, tTranscriptsStatus)),
		)),
		app.TBody().Body(rows...),
	)))
	return out
}

// asWritten is the line's time as the PDF writes it (read as UTC), for the
// time cell's title: the page shows it in the browser's zone.
func (p *transcriptsPage) asWritten(l export.TranscriptLine) string {
	if l.Time.IsZero() {
		return ""
	}
	layout := timeLayoutEN
	if p.lang == "de" {
		layout = timeLayoutDE
	}
	return tr(p.lang, tTranscriptsAsWritten, l.Time.UTC().Format(layout))
}

// renderLine shows one line; a hidden one keeps its place, time and status,
// never its text.
func (p *transcriptsPage) renderLine(l export.TranscriptLine, hidden bool) app.UI {
	when := timeText(p.lang, l.Time)
	where := app.UI(app.Span())
	if l.Src.Path != "" {
		at := view.FileLoc{Part: l.Src.Part, Path: l.Src.Path, Page: l.Src.Page, Line: l.Src.Line}
		where = app.A().Href(at.URL()).Class("ln-link").Text(tr(p.lang, tFilesPageLine, l.Src.Page, l.Src.Line))
	}
	status := app.UI(app.Span().Class("badge", "badge-warn").Text(tr(p.lang, tTranscriptsNomatch)))
	matched := l.Recording >= 0
	if matched {
		status = app.Span().Body(
			app.Span().Class("badge", "badge-ok").Text(tr(p.lang, tTranscriptsMatched)),
			app.Text(" "),
			app.A().Href("/recordings?rec="+strconv.Itoa(l.Recording)).Class("play-link").
				Attr("data-testid", "transcript-recording").
				Text(tr(p.lang, tTranscriptsPlay, l.Recording+1)),
		)
	}
	cls := "tx-unmatched"
	if matched {
		cls = "tx-matched"
	}
	text := app.Td().Class("tx-text").Text(saidText(p.lang, l.Text))
	if hidden {
		text = app.Td().Class("tx-text", "tx-hidden").Attr("data-testid", "transcript-hidden").Text(tr(p.lang, tProtectLine))
	}
	return app.Tr().Class("transcript-line", cls).
		Attr("data-testid", "transcript-line").
		Attr("data-matched", strconv.FormatBool(matched)).
		Attr("data-hidden", strconv.FormatBool(hidden)).
		Body(
			app.Td().Class("nowrap").Body(where),
			app.Td().Class("mono", "nowrap").Title(p.asWritten(l)).Text(when),
			text,
			app.Td().Body(status),
		)
}
