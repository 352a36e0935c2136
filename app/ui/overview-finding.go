package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/view"
)

// findingView is one finding: severity, title, affected records, evidence.
// Each evidence item opens the Files view at its place; "show the affected
// recordings" opens the recordings filtered to this finding.
type findingView struct {
	app.Compo
	Lang    string
	Finding check.Finding
	Index   int           // the finding's index in the report: the recordings filter names it
	Report  *check.Report // the report it is in: it names the files
}

func (v *findingView) Render() app.UI {
	f := v.Finding
	ev := make([]app.UI, len(f.Evidence))
	for i, e := range f.Evidence {
		ev[i] = evidenceItem(v.Lang, v.Report, v.Index, i, e)
	}
	body := []app.UI{
		app.Div().Class("finding-head").Body(
			app.Span().Class("severity", "severity-"+string(f.Severity)).Text(tr(v.Lang, textOr(severityText[f.Severity], tSevUnknown))),
			app.Strong().Class("finding-title").Text(findingText(v.Lang, &f)),
		),
	}
	if phrase, ok := check.SubjectText(v.Lang, f.Subject); ok {
		// A phrase of ours ("voice recordings"), in the reader's language;
		// data-subject keeps the report's word.
		body = append(body, app.P().Class("subject").Text(tr(v.Lang, tFindingSubject, phrase)))
	} else if f.Subject != "" {
		body = append(body, app.P().Class("subject").Body(app.Text(tr(v.Lang, tFindingSubject, "")), shownID(v.Lang, f.Subject, "mono")))
	}
	if f.Records > 0 {
		records := []app.UI{app.Text(trn(v.Lang, tFindingRecords, f.Records))}
		if len(f.Affected) > 0 {
			records = append(records, app.Text(" · "),
				app.A().Href("/recordings?finding="+strconv.Itoa(v.Index)).
					Attr("data-testid", "affected-recordings").
					Text(tr(v.Lang, tFindingAffected)))
		}
		body = append(body, app.P().Class("records").Body(records...))
	}
	if len(ev) > 0 {
		body = append(body, app.Details().Class("evidence").Open(true).Body(
			app.Summary().Text(tr(v.Lang, tEvidenceTitle)),
			app.Ul().Body(ev...),
		))
	}
	return app.Article().
		Class("finding", "finding-"+string(f.Severity)).
		Attr("data-testid", "finding").
		Attr("data-rule", string(f.Rule)).
		Attr("data-severity", string(f.Severity)).
		Attr("data-subject", shownText(f.Subject)).
		Body(body...)
}

// evidenceItem shows one place, item i of finding f: file, line / pointer /
// page, field, value.
func evidenceItem(lang string, rep *check.Report, f, i int, e check.Evidence) app.UI {
	file := rep.Name(e.Part, e.Path)
	var where string
	switch {
	case e.Page > 0 && e.Line > 0:
		where = tr(lang, tEvPageLine, e.Page, e.Line)
	case e.Page > 0:
		where = tr(lang, tEvPage, e.Page)
	case e.Line > 0:
		where = tr(lang, tEvLine, e.Line)
	case e.Pointer != "":
		where = e.Pointer
	}
	parts := []app.UI{app.Span().Class("ev-file", "mono").Text(shownText(file))}
	if where != "" {
		parts = append(parts, app.Span().Class("ev-where").Text(where))
	}
	if e.Field != "" {
		parts = append(parts, app.Span().Class("ev-field", "mono").Text(e.Field))
	}
	if e.Value != "" {
		parts = append(parts, app.Mark().Class("ev-value", "mono").Body(shownID(lang, e.Value)))
	}
	if e.Raw != "" {
		parts = append(parts, app.Span().Class("ev-raw").Body(app.Text(tr(lang, tEvRaw, "")), shownID(lang, e.Raw)))
	}
	if e.Path == "" {
		return app.Li().Attr("data-testid", "evidence").Body(parts...)
	}
	// The link names the place, never the value: the value is read again
	// from the file and marked there.
	return app.Li().Attr("data-testid", "evidence").Body(
		app.A().Href(view.EvidenceLoc(f, i, e).URL()).Class("ev-link").
			Title(tr(lang, tEvidenceOpen)).
			Body(parts...),
	)
}
