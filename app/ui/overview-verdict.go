package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
)

// verdictBanner says the verdict in plain words. It is rendered only once
// the checks finished, so data-verdict (the test hook) never shows a guess;
// the overview shows it in a live region (verdictLive).
type verdictBanner struct {
	app.Compo
	Lang    string
	Verdict string
	Reason  string // for "cannot tell": why, in Lang (check.Report.VerdictReason); "" for the others
	// Complete: the rest of the overview is shown around the banner. Only
	// then is data-verdict set, so that whoever waits for it (the tests,
	// the benchmarks) finds the whole overview.
	Complete bool
}

func (v *verdictBanner) Render() app.UI {
	key, ok := verdictText[v.Verdict]
	if !ok {
		key = verdictText[check.VerdictUnknown]
	}
	d := app.Div().Class("verdict", "verdict-"+v.Verdict).Attr("data-testid", "verdict")
	if v.Complete {
		d = d.Attr("data-verdict", v.Verdict)
	}
	return d.Body(
		app.Strong().Text(tr(v.Lang, key[0])),
		v.sub(key[1]),
	)
}

// sub is the line under the verdict: for "cannot tell", the reason the
// checks give (the same words as the command's verdict line), else the
// verdict's own explanation.
func (v *verdictBanner) sub(explain textKey) app.UI {
	if v.Reason != "" {
		r := v.Reason
		if !strings.HasSuffix(r, ".") {
			r += "." // the reason is a clause; here it stands as a sentence
		}
		return app.P().Attr("data-testid", "verdict-reason").Text(r)
	}
	return app.P().Text(tr(v.Lang, explain))
}
