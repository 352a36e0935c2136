package ui

import (
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The excerpts: recordings whose words the person chose to put into the
// evidence pack (pack.Meta.Excerpts, as `exportlens check --excerpt`). The
// pack holds nothing that was said otherwise. The choice is made in the
// player, only for a recording that is shown, and lives in the page's
// memory only, like the marks.

const actionExcerpt = "excerpt" // Value: excerptRequest

// excerptRequest adds a recording (check.RecordingRef) to the excerpts or
// takes it out, or, with Clear, takes all out. Gen is the session's.
type excerptRequest struct {
	Gen   int
	Ref   string
	On    bool
	Clear bool
}

var (
	tExcerptChoose   = def("excerpt.choose", "Put what was said into the evidence pack", "Das Gesagte in das Beweispaket aufnehmen")
	tExcerptHint     = def("excerpt.hint", "Only if you need it as evidence: it may be another person's words. It goes into report.txt under its own heading; nothing else of it is kept.", "Nur, wenn Sie es als Beleg brauchen: Es können die Worte einer anderen Person sein. Es kommt unter eigener Überschrift in report.txt; sonst wird nichts davon behalten.")
	tExcerptCount    = def("excerpt.count", "The pack will also hold what %d recordings say, as you chose.", "Das Paket enthält außerdem, was %d Aufnahmen sagen, wie von Ihnen ausgewählt.")
	_                = one(tExcerptCount, "The pack will also hold what %d recording says, as you chose.", "Das Paket enthält außerdem, was %d Aufnahme sagt, wie von Ihnen ausgewählt.")
	tExcerptClear    = def("excerpt.clear", "Leave them out", "Wieder herausnehmen")
	tExcerptClearOne = one(tExcerptClear, "Leave it out", "Wieder herausnehmen")
)

func onExcerpt(ctx app.Context, a app.Action) {
	req, ok := a.Value.(excerptRequest)
	if !ok {
		return
	}
	changeLoaded(ctx, req.Gen, func(s *session) (changed bool) {
		s.Excerpts, changed = withExcerpt(s.Excerpts, req)
		return changed
	})
}

// withExcerpt returns the excerpts changed as req asks, in the order they
// were chosen, and whether anything changed; ex itself is left as it is
// (published sessions share it).
func withExcerpt(ex []string, req excerptRequest) ([]string, bool) {
	switch {
	case req.Clear:
		return nil, len(ex) > 0
	case req.Ref == "":
		return ex, false
	case req.On && !slices.Contains(ex, req.Ref):
		return append(slices.Clip(ex), req.Ref), true
	case !req.On && slices.Contains(ex, req.Ref):
		return slices.DeleteFunc(slices.Clone(ex), func(s string) bool { return s == req.Ref }), true
	}
	return ex, false
}

// renderExcerpt is the player's "put what was said into the pack" box
// (test hook: data-testid="excerpt").
func (v *playerView) renderExcerpt(ref string) app.UI {
	on := slices.Contains(v.Excerpts, ref)
	gen := v.Gen
	return app.Div().Class("player-excerpt").Body(
		app.Label().Body(
			app.Input().Type("checkbox").Attr("data-testid", "excerpt").Attr("data-ref", ref).Checked(on).
				OnChange(func(ctx app.Context, e app.Event) {
					ctx.NewActionWithValue(actionExcerpt, excerptRequest{Gen: gen, Ref: ref, On: ctx.JSSrc().Get("checked").Bool()})
				}),
			app.Text(" "+tr(v.Lang, tExcerptChoose)),
		),
		app.P().Class("hint").Text(tr(v.Lang, tExcerptHint)),
	)
}
