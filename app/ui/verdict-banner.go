package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
)

// verdictBanner says the verdict in plain words. It is rendered only once
// the checks finished, so data-verdict (the test hook) never shows a guess.
type verdictBanner struct {
	app.Compo
	Lang    string
	Verdict string
}

func (v *verdictBanner) Render() app.UI {
	key := "verdict.unknown"
	switch v.Verdict {
	case check.VerdictMismatch:
		key = "verdict.mismatch"
	case check.VerdictConsistent:
		key = "verdict.consistent"
	}
	return app.Div().
		Class("verdict", "verdict-"+v.Verdict).
		Attr("data-testid", "verdict").
		Attr("data-verdict", v.Verdict).
		Attr("role", "status").
		Body(
			app.Strong().Text(tr(v.Lang, key)),
			app.P().Text(tr(v.Lang, key+".sub")),
		)
}
