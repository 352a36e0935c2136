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
	shownLang = *lang
	ctx.ObserveState(stateLang).OnChange(func() { shownLang = *lang }).Value(lang)
	ctx.GetState(statePresent, &presenting)
	ctx.ObserveState(statePresent).Value(&presenting)
	ctx.GetState(stateTour, &touring)
	ctx.ObserveState(stateTour).Value(&touring)
	ctx.GetState(stateSession, s)
	focusedGen = max(focusedGen, s.Gen)
	ctx.ObserveState(stateSession).OnChange(func() {
		if s.Loaded() && s.Gen > focusedGen {
			focusedGen = s.Gen
			focusHeading(ctx)
		}
	}).Value(s)
}

// focusedGen is the last opened export (session.Gen) focus moved for; only
// the UI goroutine uses it.
var focusedGen int

// shownLang is the language of the pages, as the state holds it; only the
// UI goroutine uses it.
var shownLang string

// initialView sets a page's session and language before its first render
// (OnInit). go-app calls OnMount, where observeSession reads the state,
// only after the page was drawn once: without this every navigation drew
// the page first in English and empty ("Open an export to see its
// recordings"), for a frame or, on a busy page, longer.
func initialView(s *session, lang *string) {
	*s = current.snapshot()
	*lang = shownLang
	if *lang == "" {
		*lang = browser.Language()
	}
}
