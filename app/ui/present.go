package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/view"
)

// Presenter mode (view.Pseudonyms): off by default; the top bar turns it
// on, and so does a shared view's link that asks for it (?present=1). It
// stays on until the person turns it off, in this page's memory only.

// statePresent holds whether presenter mode is on (bool), memory only.
const statePresent = "present"

var (
	tPresentOn    = def("present.on", "Presenter mode", "Präsentationsmodus")
	tPresentIsOn  = def("present.is-on", "Presenter mode is on.", "Der Präsentationsmodus ist an.")
	tPresentBadge = def("present.badge", "Names, e-mail addresses, IDs and serials are replaced by pseudonyms, and nothing anyone said is shown.", "Namen, E-Mail-Adressen, IDs und Seriennummern sind durch Pseudonyme ersetzt, und nichts Gesagtes wird angezeigt.")
	tPresentOff   = def("present.off", "Turn off", "Ausschalten")
	tPresentSaid  = def("present.said", "(not shown while presenting)", "(beim Präsentieren nicht angezeigt)")
	tPresentHint  = def("present.hint", "Replaces names, e-mail addresses, IDs, serials and transcripts on screen, for a demo or a screenshot.", "Ersetzt Namen, E-Mail-Adressen, IDs, Seriennummern und Transkripte auf dem Bildschirm – für eine Vorführung oder einen Screenshot.")
	tPresentFacts = def("present.facts", "What you said about yourself is not shown while presenting.", "Ihre Angaben zu sich selbst werden beim Präsentieren nicht angezeigt.")
	tPresentFind  = def("present.search", "Searching what was said is off while presenting.", "Die Suche im Gesagten ist beim Präsentieren ausgeschaltet.")
)

// presenting is whether presenter mode is on, as the state holds it; only
// the UI goroutine uses it.
var presenting bool

// shownPseudo are the pseudonyms of the export the pages show while
// presenting, nil when presenter mode is off; set by every page's Render
// (presentFor) before its parts are drawn. UI goroutine only.
var shownPseudo *view.Pseudonyms

// pseudoCache: the pseudonyms last made, for the report they were made of.
var pseudoCache struct {
	of *check.Report
	p  *view.Pseudonyms
}

// presentFor sets shownPseudo (and tourSession) for the session s a page
// shows.
func presentFor(s session) {
	tourSession = s
	if !presenting {
		shownPseudo = nil
		return
	}
	if pseudoCache.of != s.Report || pseudoCache.p == nil {
		pseudoCache.of, pseudoCache.p = s.Report, view.NewPseudonyms(s.Export, s.Report)
	}
	shownPseudo = pseudoCache.p
}

// shownText is text from the export with its identifiers replaced while
// presenting; as it is otherwise.
func shownText(s string) string { return shownPseudo.Text(shownLang, s) }

// saidText is what a record says, or while presenting the words that it
// is not shown; "" stays "".
func saidText(lang, s string) string {
	if shownPseudo == nil || s == "" {
		return s
	}
	return tr(lang, tPresentSaid)
}

// findingText is a finding's sentence in lang, its identifiers replaced
// while presenting.
func findingText(lang string, f *check.Finding) string {
	return shownPseudo.Text(lang, f.Text(lang))
}

// pageRoot is a page's outermost element. While presenting it shows the
// badge first and holds the page one level deeper: turning presenter mode
// on or off draws every part of the page anew (go-app keeps a part whose
// fields did not change, and the export's words are in most).
func pageRoot(lang string, class []string, body ...app.UI) app.UI {
	root := app.Div().Class(class...)
	if !presenting {
		return root.Body(append(body, tourFor(lang))...)
	}
	return root.Class("presenting").Body(
		app.Div().Class("present-badge").Attr("data-testid", "present-badge").Role("status").Body(
			app.Strong().Text(tr(lang, tPresentIsOn)+" "),
			app.Span().Text(tr(lang, tPresentBadge)+" "),
			app.Button().Class("secondary").Attr("data-testid", "present-off").
				OnClick(func(ctx app.Context, e app.Event) { ctx.SetState(statePresent, false) }).
				Text(tr(lang, tPresentOff)),
		),
		app.Div().Class("present-body").Body(body...),
		tourFor(lang),
	)
}

// presentToggle is the top bar's switch (test hook: "present-toggle").
func presentToggle(lang string) app.UI {
	on := presenting
	return app.Button().Class("present-toggle").Attr("data-testid", "present-toggle").
		Aria("pressed", on).Title(tr(lang, tPresentHint)).
		OnClick(func(ctx app.Context, e app.Event) { ctx.SetState(statePresent, !on) }).
		Text(tr(lang, tPresentOn))
}
