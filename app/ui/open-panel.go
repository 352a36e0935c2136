package ui

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
)

// openInputID is the stable test hook: <input type=file multiple id=open-files>.
const openInputID = "open-files"

// openPanel chooses files, shows progress while reading, and says in one
// sentence what could not be read.
type openPanel struct {
	app.Compo
	Lang    string
	Session session
	DropErr error
	pickErr error
}

func (o *openPanel) Render() app.UI {
	s := o.Session
	body := []app.UI{
		app.H2().Text(tr(o.Lang, "open.title")),
		app.P().Class("hint").Text(tr(o.Lang, "open.hint")),
		app.Label().Class("button").For(openInputID).Body(
			app.Text(tr(o.Lang, "open.choose")),
		),
		app.Input().Type("file").ID(openInputID).Multiple(true).Class("file-input").OnChange(o.onChoose),
	}
	if s.Status == statusLoading {
		body = append(body, o.renderProgress())
	}
	if s.Canceled {
		body = append(body, app.P().Class("notice").Text(tr(o.Lang, "open.canceled")))
	}
	if s.Status == statusFailed && s.Err != nil {
		body = append(body, errorView(o.Lang, s.Err, firstName(s)))
	}
	if o.pickErr != nil {
		body = append(body, errorView(o.Lang, o.pickErr, ""))
	}
	if o.DropErr != nil {
		body = append(body, app.P().Class("error").Text(tr(o.Lang, "open.dropError", fmt.Sprint(o.DropErr))))
	}
	if s.loaded() {
		body = append(body, o.renderOpened())
	}
	return app.Section().Class("open-panel").Body(body...)
}

func (o *openPanel) renderProgress() app.UI {
	p := o.Session.Progress
	label := tr(o.Lang, "open.reading", mib(p.Bytes), mib(p.Total), p.Entries)
	return app.Div().Class("progress").Body(
		app.Progress().Max(max(p.Total, 1)).Value(p.Bytes).Aria("label", label),
		app.Span().Text(label),
		app.Button().Type("button").Text(tr(o.Lang, "open.cancel")).OnClick(o.onCancel),
	)
}

func (o *openPanel) renderOpened() app.UI {
	s := o.Session
	names := make([]string, len(s.Files))
	for i, f := range s.Files {
		names[i] = f.Name()
	}
	var problems []app.UI
	if s.Tree != nil {
		for _, pr := range s.Tree.Problems {
			problems = append(problems, app.Li().Body(errorView(o.Lang, pr, "")))
		}
	}
	return app.Div().Class("opened").Body(
		app.P().Text(tr(o.Lang, "open.opened", strings.Join(names, ", "))),
		app.If(len(problems) > 0,
			app.Div().Class("problems").Body(
				app.P().Text(tr(o.Lang, "open.problems")),
				app.Ul().Body(problems...),
			),
		),
	)
}

func (o *openPanel) onChoose(ctx app.Context, e app.Event) {
	files, err := browser.InputFiles(openInputID)
	o.pickErr = err
	if len(files) > 0 {
		ctx.NewActionWithValue(actionOpen, files)
	}
}

func (o *openPanel) onCancel(ctx app.Context, e app.Event) {
	ctx.NewAction(actionCancel)
}

// errorView is one plain sentence with the error's own text on demand.
func errorView(lang string, err error, file string) app.UI {
	return app.Div().Class("error").Body(
		app.P().Text(sentence(lang, err, file)),
		app.Details().Body(
			app.Summary().Text(tr(lang, "open.details")),
			app.Code().Text(err.Error()),
		),
	)
}

func firstName(s session) string {
	if len(s.Files) == 0 {
		return ""
	}
	return s.Files[0].Name()
}

// mib formats a byte count for people.
func mib(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d kB", (n+1023)/1024)
}
