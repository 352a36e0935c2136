package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/view"
)

// Protecting the stranger (view.Protection): the pages hide what a
// mismatch or likely finding names until the person lifts that.

// actionLift lifts (or restores) the protection; Value: liftRequest.
const actionLift = "lift"

// onLift applies a liftRequest to the open export.
func onLift(ctx app.Context, a app.Action) {
	req, ok := a.Value.(view.LiftRequest)
	if !ok {
		return
	}
	changeLoaded(ctx, req.Gen, func(s *session) (ok bool) {
		s.Lifted, ok = s.Lifted.With(req)
		return ok
	})
}

// protectionCache is the protection last derived; UI goroutine only.
var protectionCache *view.Protection

// protectionOf returns what is hidden in s; nil when nothing is open.
func protectionOf(s session) *view.Protection {
	ix := recIndexOf(s)
	if ix == nil {
		return nil
	}
	if c := protectionCache; c.Of(ix, s.Lifted) {
		return c
	}
	protectionCache = view.NewProtection(ix, s.Lifted)
	return protectionCache
}

// protectNotice says why something is hidden and offers to lift it, for its
// findings (indexes into the report's findings) or for the whole export.
// Test hooks: data-testid="protect-notice", buttons "lift-finding" (with
// data-finding) and "lift-all".
type protectNotice struct {
	app.Compo
	Lang     string
	Gen      int    // the session's generation
	Why      string // the sentence that says what is hidden and why
	Report   *check.Report
	Findings []int
}

func (n *protectNotice) Render() app.UI {
	items := make([]app.UI, 0, len(n.Findings))
	for _, fi := range n.Findings {
		if fi < 0 || fi >= len(n.Report.Findings) {
			continue
		}
		f := &n.Report.Findings[fi]
		items = append(items, app.Li().Class("protect-finding").Body(
			app.Span().Class("protect-title").Text(findingText(n.Lang, f)),
			app.Button().Class("secondary", "protect-lift").Attr("data-testid", "lift-finding").
				Attr("data-finding", strconv.Itoa(fi)).
				OnClick(n.onLift(view.LiftRequest{Gen: n.Gen, Finding: view.FindingKey(f)})).
				Text(tr(n.Lang, tProtectLiftFinding)),
		))
	}
	return app.Div().Class("protect-notice").Attr("data-testid", "protect-notice").Role("note").Body(
		app.P().Class("protect-why").Text(n.Why),
		app.If(len(items) > 0, app.Ul().Class("protect-findings").Body(items...)),
		app.P().Body(
			app.Button().Class("secondary", "protect-lift-all").Attr("data-testid", "lift-all").
				OnClick(n.onLift(view.LiftRequest{Gen: n.Gen, All: true})).
				Text(tr(n.Lang, tProtectLiftAll)),
		),
		app.P().Class("hint").Text(tr(n.Lang, tProtectMemory)),
	)
}

func (n *protectNotice) onLift(req view.LiftRequest) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionLift, req)
	}
}

// liftedNotice says that protected records are shown because the person
// chose to, and offers to hide them again (test hook: "protect-reset").
func liftedNotice(lang string, gen int) app.UI {
	return app.Div().Class("protect-lifted").Attr("data-testid", "protect-lifted").Body(
		app.Span().Text(tr(lang, tProtectLifted)+" "),
		app.Button().Class("secondary").Attr("data-testid", "protect-reset").
			OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionLift, view.LiftRequest{Gen: gen, Reset: true})
			}).
			Text(tr(lang, tProtectReset)),
	)
}
