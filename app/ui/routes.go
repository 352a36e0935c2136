package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/view"
)

// Routes registers every page and the action handlers. Call it before
// app.RunWhenOnBrowser in the wasm and before serving on the server (which
// prerenders the pages).
func Routes() {
	zoneName = browser.UseLocalZone()
	view.SetPause(browser.Pause)
	view.SetInflater(browser.Inflater())
	app.RouteFunc("/", func() app.Composer { return newHomePage() })
	app.RouteFunc("/recordings", func() app.Composer { return newRecordingsPage() })
	app.RouteFunc(view.FilesRoute, func() app.Composer { return newFilesPage() })
	app.RouteFunc(transcriptsRoute, func() app.Composer { return newTranscriptsPage() })
	app.RouteFunc(helpRoute, func() app.Composer { return newHelpPage() })
	app.Handle(actionOpen, onOpen)
	app.Handle(actionCancel, onCancel)
	app.Handle(actionDeclare, onDeclare)
	app.Handle(actionAdd, onAdd)
	app.Handle(actionAnswer, onAnswer)
	app.Handle(actionKeep, onKeep)
	app.Handle(actionLift, onLift)
	app.Handle(actionExcerpt, onExcerpt)
	app.Handle(actionLayout, onLayout)
}
