package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
)

// observeSession keeps *s and *lang up to date for a page. The language
// defaults to the browser's on first use.
func observeSession(ctx app.Context, s *session, lang *string) {
	ctx.GetState(stateLang, lang)
	if *lang == "" {
		*lang = browser.Language()
		ctx.SetState(stateLang, *lang)
	}
	ctx.ObserveState(stateLang).Value(lang)
	ctx.ObserveState(stateSession).Value(s)
}
