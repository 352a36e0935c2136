package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// The open panel as the server prerenders it, before app.wasm runs: the
// page is there and its file inputs take a choice or a drop, but no Go
// code listens yet. web/early.js keeps what is chosen or dropped then
// (the app takes it when it starts, homePage.OnMount), and it shows these
// texts in the browser's language: the server renders the page once, in
// English, with the German beside it in data attributes. The running app
// renders none of this.

var (
	tOpenLoading       = def("open.loading", "loading…", "lädt…")
	tOpenLoadingPicked = def("open.loadingPicked", "opens once the app has loaded", "öffnet, sobald die App geladen ist")
)

// prerendering reports whether this render is the server's (the page sent
// before the wasm runs), not the app's.
var prerendering = app.IsServer

// earlyText is key's text in the prerendered page: English, with both
// languages for web/early.js to choose from.
func earlyText(key textKey) app.HTMLSpan {
	return app.Span().Attr("data-early-en", tr("en", key)).Attr("data-early-de", tr("de", key)).Text(tr("en", key))
}

// pickerLabel is the body of a picker's label: its text, and in the
// prerendered page a note that the app is still loading (and, once
// something is chosen, that it opens when the app has).
func pickerLabel(lang string, key textKey) []app.UI {
	if !prerendering {
		return []app.UI{app.Text(tr(lang, key))}
	}
	return []app.UI{
		earlyText(key),
		app.Text(" "),
		earlyText(tOpenLoading).Class("loading-note").Attr("data-testid", "open-loading").
			Attr("data-early-picked-en", tr("en", tOpenLoadingPicked)).
			Attr("data-early-picked-de", tr("de", tOpenLoadingPicked)),
	}
}
