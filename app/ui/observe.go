package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
)

// observeSession keeps *s and *lang up to date for a page. The language
// defaults to the browser's on first use. When an export has been opened
// (a new one is loaded), focus moves to the page's h1, above what it shows.
func observeSession(ctx app.Context, s *session, lang *string) {
	ctx.GetState(stateLang, lang)
	if *lang == "" {
		*lang = browser.Language()
		ctx.SetState(stateLang, *lang)
	}
	ctx.ObserveState(stateLang).Value(lang)
	ctx.GetState(stateSession, s)
	focusedGen = max(focusedGen, s.Gen)
	ctx.ObserveState(stateSession).OnChange(func() {
		if s.loaded() && s.Gen > focusedGen {
			focusedGen = s.Gen
			focusHeading(ctx)
		}
	}).Value(s)
}

// focusedGen is the last opened export (session.Gen) focus moved for; only
// the UI goroutine uses it.
var focusedGen int
