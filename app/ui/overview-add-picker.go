package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
)

// addInputID is the stable test hook of the "add files" picker.
const addInputID = "add-files"

var (
	tAddChoose = def("add.choose", "Add files", "Dateien hinzufügen")
	tAddHint   = def("add.hint", "Is a part missing (a Takeout part, an Amazon ZIP)? Add it to this export: everything is checked again together, and the facts you gave stay.", "Fehlt ein Teil (ein Takeout-Teil, eine Amazon-ZIP)? Fügen Sie ihn diesem Export hinzu: Alles wird zusammen neu geprüft, und Ihre Angaben bleiben erhalten.")
)

// addPicker adds chosen files to the open export (the "add" action) instead
// of replacing it, as "Choose files" does.
type addPicker struct {
	app.Compo
	Lang string
}

func (a *addPicker) Render() app.UI {
	return app.Div().Class("add-files", "pickers").Body(
		app.Input().Type("file").ID(addInputID).Multiple(true).Class("file-input").OnChange(a.onChoose),
		app.Label().Class("button", "button-secondary").For(addInputID).Text(tr(a.Lang, tAddChoose)),
		app.Span().Class("hint").Text(tr(a.Lang, tAddHint)),
	)
}

func (a *addPicker) onChoose(ctx app.Context, e app.Event) {
	files, _ := browser.InputFiles(addInputID)
	ctx.JSSrc().Set("value", "") // choosing the same file again adds it again
	if len(files) > 0 {
		ctx.NewActionWithValue(actionAdd, files)
	}
}
