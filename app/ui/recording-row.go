package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/export"
)

// recordingRow is one line of the recordings list (test hook:
// data-testid="recording").
type recordingRow struct {
	app.Compo
	Lang     string
	Index    int
	Rec      *export.Recording
	Flagged  bool
	Selected bool
	OnSelect func(ctx app.Context, i int)
}

func (r *recordingRow) Render() app.UI {
	rec := r.Rec
	when := ""
	if !rec.Time.IsZero() {
		when = rec.Time.Local().Format("2006-01-02 15:04:05")
	}
	device := rec.DeviceName.Text
	if device == "" {
		device = rec.Device.Text
	}
	profile := rec.PersonName.Text
	if profile == "" {
		profile = rec.PersonID.Text
	}
	flag := app.UI(app.Span())
	if r.Flagged {
		flag = app.Span().Class("badge", "badge-warn").Text(tr(r.Lang, "rec.flag"))
	}
	cls := []string{"recording"}
	if r.Selected {
		cls = append(cls, "selected")
	}
	return app.Div().
		Class(cls...).
		Attr("data-testid", "recording").
		Attr("data-index", strconv.Itoa(r.Index)).
		Attr("role", "button").
		TabIndex(0).
		OnClick(r.onClick).
		Body(
			app.Span().Class("rec-time", "mono").Text(when),
			app.Span().Class("rec-device").Text(device),
			app.Span().Class("rec-profile").Text(profile),
			app.Span().Class("rec-transcript").Text(rec.Transcript.Text),
			flag,
		)
}

func (r *recordingRow) onClick(ctx app.Context, e app.Event) {
	if r.OnSelect != nil {
		r.OnSelect(ctx, r.Index)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
