package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
)

// homePage is "/": open an export, say who you are, read the overview.
type homePage struct {
	app.Compo
	s        session
	lang     string
	stopDrop func()
	dropErr  error
}

func newHomePage() *homePage { return &homePage{} }

func (p *homePage) OnMount(ctx app.Context) {
	observeSession(ctx, &p.s, &p.lang)
	p.stopDrop = browser.ListenDrop(func(files []*browser.File, err error) {
		ctx.Dispatch(func(ctx app.Context) { p.dropErr = err })
		if len(files) > 0 {
			ctx.NewActionWithValue(actionOpen, files)
		}
	})
}

func (p *homePage) OnDismount() {
	if p.stopDrop != nil {
		p.stopDrop()
	}
}

func (p *homePage) Render() app.UI {
	return app.Div().Class("page").Body(
		&topBar{Lang: p.lang, Current: "/"},
		app.Main().Body(
			&openPanel{Lang: p.lang, Session: p.s, DropErr: p.dropErr},
			&aboutForm{Lang: p.lang, Declared: p.s.Declared},
			app.If(p.s.loaded(), &overview{Lang: p.lang, Session: p.s}),
		),
	)
}
