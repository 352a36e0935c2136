package ui

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/view"
)

// The guided tour (issue 12): four steps through a demo or a person's
// first own export: the verdict, one piece of evidence opened in its
// file, the recordings, what to do next. A panel at the bottom of every
// page says what the step shows and marks it on the page; its buttons
// (Back, Next, Skip; Escape skips too) work with the keyboard, focus
// moves to the panel at each step. It is in this page's memory only:
// nothing of it remains once the page is closed or reloaded.

// stateTour holds the tour's step (tourStep), memory only.
const stateTour = "tour"

// tourStep is a step of the tour; tourOff when it is not running.
type tourStep int

const (
	tourOff tourStep = iota
	tourVerdict
	tourEvidence
	tourRecordings
	tourNext
	tourSteps = tourNext // the number of steps
)

// touring is the tour's step, as the state holds it; UI goroutine only.
var touring tourStep

// tourTitleID is the tour panel's heading, where focus goes at each step.
const tourTitleID = "tour-title"

var (
	tTourStart     = def("tour.start", "Guided tour", "Rundgang")
	tTourStartHint = def("tour.start-hint", "A short tour of an export: the verdict, one piece of evidence, the recordings, what to do next.", "Ein kurzer Rundgang durch einen Export: das Ergebnis, ein Beleg, die Aufnahmen, was Sie tun können.")
	tTourStepOf    = def("tour.step-of", "Step %d of %d", "Schritt %d von %d")
	tTourBack      = def("tour.back", "Back", "Zurück")
	tTourNextB     = def("tour.next", "Next", "Weiter")
	tTourDone      = def("tour.done", "Finish the tour", "Rundgang beenden")
	tTourSkip      = def("tour.skip", "Skip the tour", "Rundgang überspringen")
	tTourKeys      = def("tour.keys", "Escape ends the tour.", "Mit Escape beenden Sie den Rundgang.")
	tTourOpenTitle = def("tour.open.title", "First, an export", "Zuerst ein Export")
	tTourOpenText  = def("tour.open.text", "The tour needs an export to show. Open your own above (it stays on this device), or the demo of a mix-up like the one of 2018.", "Der Rundgang braucht einen Export. Öffnen Sie oben Ihren eigenen (er bleibt auf diesem Gerät) oder das Beispiel einer Verwechslung wie der von 2018.")
	tTourOpenDemo  = def("tour.open.demo", "Open the demo", "Beispiel öffnen")
	tTourOpening   = def("tour.open.wait", "The export is being read …", "Der Export wird gelesen …")
	tTourVerTitle  = def("tour.verdict.title", "The verdict", "Das Ergebnis")
	tTourVerText   = def("tour.verdict.text", "This box says whether the export holds data that is not yours. It says so only when a file names another account's identifier; something merely missing or unknown is never called someone else's, and “consistent” means every recording is explained.", "Dieser Kasten sagt, ob der Export Daten enthält, die nicht Ihre sind. Das sagt er nur, wenn eine Datei die Kennung eines anderen Kontos nennt; was nur fehlt oder unbekannt ist, gilt nie als fremd, und „stimmig“ heißt, dass jede Aufnahme erklärt ist.")
	tTourEvTitle   = def("tour.evidence.title", "The evidence", "Die Belege")
	tTourEvText    = def("tour.evidence.text", "Each finding says what it concerns and lists its evidence: the file, the line and the value. Open one piece to see it marked in its file.", "Jeder Befund sagt, was er betrifft, und nennt seine Belege: Datei, Zeile und Wert. Öffnen Sie einen, um ihn in seiner Datei markiert zu sehen.")
	tTourEvOpen    = def("tour.evidence.open", "Open the first piece of evidence", "Ersten Beleg öffnen")
	tTourEvNone    = def("tour.evidence.none", "This export has no finding with evidence to open. When there is one, each piece names its file and line, and opens there.", "Dieser Export hat keinen Befund mit einem Beleg zum Öffnen. Gibt es einen, nennt jeder Beleg Datei und Zeile und öffnet sich dort.")
	tTourEvShown   = def("tour.evidence.shown", "This is the piece of evidence, marked in its file. A recording or transcript that may be someone else's stays hidden until you choose to check it yourself.", "Das ist der Beleg, markiert in seiner Datei. Eine Aufnahme oder ein Transkript, das wahrscheinlich jemand anderem gehört, bleibt ausgeblendet, bis Sie es selbst prüfen wollen.")
	tTourRecTitle  = def("tour.recordings.title", "The recordings", "Die Aufnahmen")
	tTourRecText   = def("tour.recordings.text", "Every recording of the export, with the findings that concern it. In the list, ↑ and ↓ choose one and Enter plays it; filters narrow the list to a device, a voice profile, some days or what may not be yours.", "Alle Aufnahmen des Exports, mit den Befunden, die sie betreffen. In der Liste wählen ↑ und ↓ eine Aufnahme, die Eingabetaste spielt sie ab; Filter zeigen nur ein Gerät, ein Stimmprofil, einige Tage oder was wahrscheinlich nicht Ihres ist.")
	tTourNextTitle = def("tour.next.title", "What to do next", "Was Sie tun können")
	tTourNextText  = def("tour.next.text", "These steps say what to do with what was found: keep the download as evidence, tell the company, and ask for your own data. The evidence pack and the letters are made here, on this device; nothing is sent.", "Diese Schritte sagen, was Sie mit dem Befund tun können: den Download als Beweis behalten, dem Unternehmen Bescheid geben und Ihre eigenen Daten anfordern. Beweispaket und Briefe entstehen hier, auf diesem Gerät; nichts wird gesendet.")
)

// tourButton starts the tour (test hook "tour-start").
func tourButton(lang string) app.UI {
	return app.Button().Type("button").Class("secondary", "tour-start").Attr("data-testid", "tour-start").
		Title(tr(lang, tTourStartHint)).
		OnClick(func(ctx app.Context, e app.Event) {
			ctx.SetState(stateTour, tourVerdict)
			if ctx.Page().URL().Path != "/" {
				ctx.Navigate("/")
			}
		}).
		Text(tr(lang, tTourStart))
}

// tourSession is the session the page being drawn shows (presentFor sets
// it); the tour's panel tours it. UI goroutine only.
var tourSession session

// tourFor is the tour's panel for the page being drawn; nothing when the
// tour is not running.
func tourFor(lang string) app.UI {
	if touring == tourOff || prerendering {
		return app.Text("")
	}
	return &tourPanel{Lang: lang, Step: touring, Route: app.Window().URL().Path, Session: tourSession}
}

// tourPanel is the running tour's panel (test hooks: "tour", "tour-next",
// "tour-back", "tour-skip", "tour-action").
type tourPanel struct {
	app.Compo
	Lang    string
	Step    tourStep
	Route   string // the page shown
	Session session

	stopKeys func()
	shown    string // the step, page and export focus last moved to
}

func (p *tourPanel) OnMount(ctx app.Context) {
	p.stopKeys = domOnKeyDown(func(ctx app.Context, e app.Event) {
		if e.Get("key").String() == "Escape" && touring != tourOff {
			p.end(ctx)
		}
	})
	p.arrive(ctx)
}

func (p *tourPanel) OnDismount() {
	if p.stopKeys != nil {
		p.stopKeys()
	}
	domMark("", false)
}

func (p *tourPanel) OnUpdate(ctx app.Context) { p.arrive(ctx) }

// arrive moves focus to the panel and marks the step's part of the page,
// once per step and page.
func (p *tourPanel) arrive(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		at := fmt.Sprint(p.Step, p.Route, p.loaded())
		p.mark(ctx, at, p.shown != at, 0)
		if p.shown == at {
			return
		}
		p.shown = at
		domFocus(tourTitleID)
	})
}

// mark marks the step's part of the page; a page that draws it a moment
// after it arrived (the overview's findings) is tried again, for up to
// two seconds, while the tour is at the same place.
func (p *tourPanel) mark(ctx app.Context, at string, scroll bool, tries int) {
	if domMark(p.target(), scroll) || tries >= 20 {
		return
	}
	ctx.After(100*time.Millisecond, func(ctx app.Context) {
		if p.shown == at && touring != tourOff {
			p.mark(ctx, at, scroll, tries+1)
		}
	})
}

// loaded reports whether an export is open to tour.
func (p *tourPanel) loaded() bool { return p.Session.Loaded() && p.Session.Report != nil }

// route is the page step s shows.
func (p *tourPanel) route(s tourStep) string {
	switch s {
	case tourEvidence:
		if p.Route == view.FilesRoute {
			return view.FilesRoute
		}
		return "/"
	case tourRecordings:
		return view.RecordingsRoute
	}
	return "/"
}

// target is the CSS selector of what the step shows on the page.
func (p *tourPanel) target() string {
	if !p.loaded() {
		return ".open-panel"
	}
	switch p.Step {
	case tourVerdict:
		return "[data-testid=verdict]"
	case tourEvidence:
		if p.Route == view.FilesRoute {
			return "[data-testid=evidence-target], [data-testid=protect-notice], [data-testid=file-audio]"
		}
		return "[data-testid=finding]"
	case tourRecordings:
		return ".recording-list"
	case tourNext:
		return "[data-testid=next-steps]"
	}
	return ""
}

// firstEvidence is the address of the report's first piece of evidence
// that names a place in a file (a line, a page or a JSON pointer), else of
// the first that names a file (an audio file); "" when none does.
func firstEvidence(r *check.Report) string {
	for _, inFile := range []bool{true, false} {
		for fi := range r.Findings {
			for i, e := range r.Findings[fi].Evidence {
				if e.Path != "" && (!inFile || e.Line > 0 || e.Page > 0 || e.Pointer != "") {
					return view.EvidenceLoc(fi, i, e).URL()
				}
			}
		}
	}
	return ""
}

// goTo moves the tour to step s, on its page.
func (p *tourPanel) goTo(ctx app.Context, s tourStep) {
	ctx.SetState(stateTour, s) // the page draws the panel anew with it (OnUpdate)
	if r := p.route(s); r != p.Route {
		ctx.Navigate(r)
	}
}

// end stops the tour; focus goes to the page's heading.
func (p *tourPanel) end(ctx app.Context) {
	touring = tourOff
	domMark("", false)
	domFocus(headingID) // now: the panel, and its context, go with the state
	ctx.SetState(stateTour, tourOff)
}

func (p *tourPanel) Render() app.UI {
	lang := p.Lang
	button := func(key textKey, testid string, primary bool, h app.EventHandler) app.UI {
		b := app.Button().Type("button").Attr("data-testid", testid).OnClick(h).Text(tr(lang, key))
		if !primary {
			b = b.Class("secondary")
		}
		return b
	}
	title, text := tTourOpenTitle, tTourOpenText
	var actions []app.UI
	next := func() app.UI {
		if p.Step == tourSteps {
			return button(tTourDone, "tour-next", true, func(ctx app.Context, e app.Event) { p.end(ctx) })
		}
		return button(tTourNextB, "tour-next", true, func(ctx app.Context, e app.Event) { p.goTo(ctx, p.Step+1) })
	}
	if p.Step > tourVerdict && p.loaded() {
		actions = append(actions, button(tTourBack, "tour-back", false, func(ctx app.Context, e app.Event) {
			if p.Step == tourEvidence && p.Route == view.FilesRoute {
				ctx.Navigate("/") // from the evidence opened back to its finding
				return
			}
			p.goTo(ctx, p.Step-1)
		}))
	}
	switch {
	case !p.loaded():
		if p.Session.Status == view.StatusLoading {
			text = tTourOpening
		} else if d, ok := firstDemo(); ok {
			actions = append(actions, button(tTourOpenDemo, "tour-action", true, func(ctx app.Context, e app.Event) {
				if p.Route != "/" {
					ctx.Navigate("/")
				}
				ctx.NewActionWithValue(actionOpen, d)
			}))
		}
	case p.Step == tourVerdict:
		title, text = tTourVerTitle, tTourVerText
		actions = append(actions, next())
	case p.Step == tourEvidence && p.Route == view.FilesRoute:
		title, text = tTourEvTitle, tTourEvShown
		actions = append(actions, next())
	case p.Step == tourEvidence:
		title, text = tTourEvTitle, tTourEvText
		if href := firstEvidence(p.Session.Report); href != "" {
			actions = append(actions, button(tTourEvOpen, "tour-action", true, func(ctx app.Context, e app.Event) { ctx.Navigate(href) }))
		} else {
			text = tTourEvNone
			actions = append(actions, next())
		}
	case p.Step == tourRecordings:
		title, text = tTourRecTitle, tTourRecText
		actions = append(actions, next())
	case p.Step == tourNext:
		title, text = tTourNextTitle, tTourNextText
		actions = append(actions, next())
	}
	actions = append(actions, button(tTourSkip, "tour-skip", false, func(ctx app.Context, e app.Event) { p.end(ctx) }))
	step := p.Step
	if !p.loaded() {
		step = tourVerdict
	}
	return app.Aside().Class("tour").Attr("data-testid", "tour").Attr("data-step", int(step)).
		Attr("role", "dialog").Aria("modal", "false").Aria("labelledby", tourTitleID).
		Body(
			app.P().Class("tour-count").Text(tr(lang, tTourStepOf, int(step), int(tourSteps))),
			app.H2().ID(tourTitleID).TabIndex(-1).Text(tr(lang, title)),
			app.P().Attr("data-testid", "tour-text").Text(tr(lang, text)),
			app.Div().Class("tour-actions").Body(actions...),
			app.P().Class("hint", "tour-keys").Text(tr(lang, tTourKeys)),
		)
}

// firstDemo is the first bundled demo, once the list is read.
func firstDemo() (demo, bool) {
	demos.mu.Lock()
	defer demos.mu.Unlock()
	if len(demos.list) == 0 {
		return demo{}, false
	}
	return demos.list[0], true
}
