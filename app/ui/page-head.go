package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/view"
)

// headingID is the id of the one h1 of every page. It takes focus
// (tabindex -1) after a navigation and after an export was opened, so a
// screen reader starts reading at the new content and a keyboard user
// tabs on from there.
const headingID = "page-h1"

// pageHeading is a page's h1.
func pageHeading(text string) app.HTMLH1 {
	return app.H1().ID(headingID).Class("page-h1").TabIndex(-1).Text(text)
}

// appName ends every document title.
const appName = "ExportLens"

// docHead is what the document shows now, so that a render that changes
// nothing writes nothing. Only the UI goroutine uses it.
var docHead struct{ title, lang, path string }

// showHead puts the view's title ("Aufnahme 3 von 12 – Aufnahmen –
// ExportLens", most specific first) and the UI language (<html lang>, so
// that a screen reader speaks German with a German voice) on the document.
// Titles go into the history and the tab list: they name pages and
// positions, never anything of the export. Natively (the server's one
// prerender) it does nothing.
func showHead(lang string, parts ...string) {
	if lang != "de" {
		lang = "en"
	}
	title := strings.Join(append(parts, appName), " – ")
	if title != docHead.title {
		domSetTitle(title)
		docHead.title = title
	}
	if lang != docHead.lang {
		domSetLang(lang)
		docHead.lang = lang
	}
}

// focusHeading moves focus to the page's h1 once the page is drawn.
func focusHeading(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		if touring != tourOff {
			domFocus(tourTitleID) // the tour says what the page shows
			return
		}
		domFocus(headingID)
	})
}

// onPageNav moves focus to the new page's h1 when the person went to
// another page; not on the first page the app shows (focus starts at the
// top there, as on any page load), and not when only the query changed
// (choosing a recording or a file keeps focus where the person is).
func onPageNav(ctx app.Context) {
	if view.AsksPresent(ctx.Page().URL().Query()) && !presenting {
		ctx.SetState(statePresent, true) // a shared link asked for presenter mode
	}
	path := ctx.Page().URL().Path
	if docHead.path != "" && path != docHead.path {
		focusHeading(ctx)
	}
	docHead.path = path
}
