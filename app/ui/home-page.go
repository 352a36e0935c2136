package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/view"
)

// homePage is "/": open an export, say who you are, read the overview.
type homePage struct {
	app.Compo
	s        session
	lang     string
	stopDrop func()
	dropErr  error
	warm     warmShown // the warm-up's overview, drawn out of sight once
}

func newHomePage() *homePage { return &homePage{} }

// OnInit draws the page with the open export and language from the start.
func (p *homePage) OnInit() { initialView(&p.s, &p.lang) }

func (p *homePage) OnMount(ctx app.Context) {
	observeSession(ctx, &p.s, &p.lang)
	ctx.ObserveState(stateWarm).Value(&p.warm)
	p.stopDrop = browser.ListenDrop(p.onDropped(ctx))
	// What was chosen or dropped while the page was there but the app was
	// still loading opens now, as if it had been chosen now.
	browser.TakeEarly(p.onDropped(ctx))
}

// onDropped opens what was dropped (or chosen before the app started) and
// says what of it could not be taken.
func (p *homePage) onDropped(ctx app.Context) func(files []*browser.File, err error) {
	return func(files []*browser.File, err error) {
		ctx.Dispatch(func(ctx app.Context) { p.dropErr = err })
		if len(files) > 0 {
			ctx.NewActionWithValue(actionOpen, files)
		}
	}
}

func (p *homePage) OnDismount() {
	if p.stopDrop != nil {
		p.stopDrop()
	}
}

// OnNav moves focus to the h1 when the person came from another page.
func (p *homePage) OnNav(ctx app.Context) { onPageNav(ctx) }

func (p *homePage) Render() app.UI {
	presentFor(p.s)
	// Before an export is open the page is for opening one; then it is
	// the export's overview.
	title := tr(p.lang, tHomeTitle)
	if p.s.Loaded() {
		title = tr(p.lang, tNavOverview)
	}
	showHead(p.lang, title)
	// What ExportLens is for, until an export is open or opening.
	intro := p.s.Status != view.StatusLoaded && p.s.Status != view.StatusLoading
	return pageRoot(p.lang, []string{"page"},
		&topBar{Lang: p.lang, Current: "/", Share: "/"},
		app.Main().Body(
			pageHeading(title),
			// Each in a place of its own: go-app matches children by
			// position, and an element gone from before the open panel
			// made it a new one (its demo list fetch cancelled).
			app.Div().Class("intro-slot").Body(app.If(intro, homeLead(p.lang))),
			&openPanel{Lang: p.lang, Session: p.s, DropErr: p.dropErr},
			&aboutForm{Lang: p.lang, Declared: p.s.Declared},
			&layoutForm{Lang: p.lang, Session: p.s},
			app.Div().Class("intro-slot").Body(app.If(intro, &homeIntro{Lang: p.lang})),
			&overview{Lang: p.lang, Session: p.s},
		),
		p.warmSlot(intro),
	)
}

// warmSlot draws the warm-up's overview (startWarm) where nobody sees or
// hears it, so that V8 compiles the code of an overview before the
// person's first export needs it; the overview drops it once drawn whole.
// Only on the page for opening (intro): an opening replaces it at once.
func (p *homePage) warmSlot(intro bool) app.UI {
	slot := app.Div().Class("warm-slot").Hidden(true).Aria("hidden", "true")
	if !intro || !p.warm.S.Loaded() {
		return slot
	}
	// With the progress an opening shows (its Cancel is never pressed:
	// nobody reaches it).
	loading := session{Session: view.Session{Status: view.StatusLoading, Progress: view.Progress{Bytes: 1 << 20, Total: 1 << 30, Entries: 1000}}}
	return slot.Body(
		(&openPanel{Lang: p.lang, Session: loading}).renderProgress(),
		&overview{Lang: p.lang, Session: p.warm.S, Index: p.warm.Index, Warm: true},
	)
}
