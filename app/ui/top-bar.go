package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/view"
)

// topBar is the header of every page: name, navigation, language switch.
type topBar struct {
	app.Compo
	Lang    string
	Current string // the route shown
	Share   string // the address of the view shown (shareBar)
}

func (b *topBar) Render() app.UI {
	link := func(href string, key textKey) app.UI {
		a := app.A().Href(href).Text(tr(b.Lang, key))
		if href == b.Current {
			a = a.Class("current").Aria("current", "page")
		}
		return a
	}
	var early app.UI
	if prerendering {
		early = earlyFailure()
	}
	return app.Header().Class("top-bar").Body(
		app.Div().Class("brand").Body(
			app.Strong().Text("ExportLens"),
			app.Span().Class("tagline").Text(tr(b.Lang, tAppTagline)),
		),
		app.Nav().Body(
			link("/", tNavOverview),
			link("/recordings", tNavRecordings),
			link(transcriptsRoute, tNavTranscripts),
			link(view.FilesRoute, tNavFiles),
			link(helpRoute, tNavHelp),
		),
		app.Div().Class("top-tools").Body(
			tourButton(b.Lang),
			presentToggle(b.Lang),
			&shareBar{Lang: b.Lang, URL: b.Share},
		),
		app.Label().Class("lang").Body(
			app.Span().Class("visually-hidden").Text(tr(b.Lang, tNavLanguage)),
			app.Select().ID("lang-select").OnChange(b.onLang).Body(
				langOption("en", "English", b.Lang != "de"),
				langOption("de", "Deutsch", b.Lang == "de"),
			),
		),
		early,
	)
}

// OnMount: the top bar is on every page, so its first mount is the app's
// first page in place of the prerendered one: go-app's loader goes, and
// the warm-up starts (startWarm, once).
func (b *topBar) OnMount(ctx app.Context) {
	browser.LoaderDone()
	startWarm(ctx)
}

func (b *topBar) onLang(ctx app.Context, e app.Event) {
	lang := ctx.JSSrc().Get("value").String()
	if lang != "de" {
		lang = "en"
	}
	ctx.SetState(stateLang, lang)
}

// langOption is one language of the switch. The server writes a boolean
// attribute as its value (selected="false" selects), so the prerendered
// page names only the selected option: otherwise it would show "Deutsch"
// until the app runs (and web/watchdog.js reads the switch).
func langOption(value, name string, selected bool) app.UI {
	o := app.Option().Value(value).Text(name)
	if selected || !prerendering {
		o = o.Selected(selected)
	}
	return o
}
