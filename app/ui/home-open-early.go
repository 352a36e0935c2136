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
	// When the app cannot start at all: the pickers say so, and a message
	// below them says why and what to do (web/early.js).
	tOpenUnavailable = def("open.unavailable", "not available: see the message below", "nicht verfügbar – siehe Hinweis unten")
	tEarlyNoWasm     = def("early.noWasm",
		"ExportLens cannot start in this browser: it needs WebAssembly, which is turned off or not supported here (a security setting, a company policy or Lockdown Mode can turn it off). Turn it on for this site, or open this page in a current Firefox, Chrome, Edge or Safari. Nothing was read or sent.",
		"ExportLens kann in diesem Browser nicht starten: Es braucht WebAssembly, das hier ausgeschaltet ist oder nicht unterstützt wird (eine Sicherheitseinstellung, eine Firmenrichtlinie oder der Blockierungsmodus können es abschalten). Schalten Sie es für diese Seite ein oder öffnen Sie die Seite in einem aktuellen Firefox, Chrome, Edge oder Safari. Es wurde nichts gelesen oder gesendet.")
	tEarlyFailed = def("early.failed",
		"ExportLens could not be loaded (%s). Check the connection and reload the page; once it has loaded, it also works offline. Nothing was read or sent.",
		"ExportLens ließ sich nicht laden (%s). Prüfen Sie die Verbindung und laden Sie die Seite neu; einmal geladen, funktioniert sie auch offline. Es wurde nichts gelesen oder gesendet.")
)

// earlyFailure is the prerendered page's message for an app that cannot
// start, hidden until web/early.js fills it in: WebAssembly missing or
// turned off, or app.wasm failing to load (%s: the browser's reason).
func earlyFailure() app.UI {
	return app.P().Class("error", "early-fail").Attr("data-testid", "early-fail").Hidden(true).
		Attr("data-early-nowasm-en", tr("en", tEarlyNoWasm)).Attr("data-early-nowasm-de", tr("de", tEarlyNoWasm)).
		Attr("data-early-failed-en", tr("en", tEarlyFailed)).Attr("data-early-failed-de", tr("de", tEarlyFailed))
}

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
			Attr("data-early-picked-de", tr("de", tOpenLoadingPicked)).
			Attr("data-early-fail-en", tr("en", tOpenUnavailable)).
			Attr("data-early-fail-de", tr("de", tOpenUnavailable)),
	}
}
