package ui

import (
	"io"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/export"
	"exportlens/app/view"
)

// The layout file in the viewer: what `exportlens check --layout FILE`
// does on the command line. A company that renamed its files or columns
// breaks the default table; a layout file (`exportlens layout` prints the
// default one) teaches the new names. It is read here, validated as the
// command validates it, kept in this page's memory and used for every
// export opened until it is removed; an export already open is read again
// with it.

const actionLayout = "layout" // Value: layoutRequest

// layoutRequest loads File as the layout, or, File nil, removes it.
type layoutRequest struct{ File *browser.File }

var (
	tLayoutTitle   = def("layout.title", "Changed file names (advanced)", "Geänderte Dateinamen (für Fortgeschrittene)")
	tLayoutHint    = def("layout.hint", "If the company renamed its files or columns, a layout file tells ExportLens the new names: the command %s prints the default one to start from. It is read here and kept only in this page's memory.", "Hat das Unternehmen seine Dateien oder Spalten umbenannt, nennt eine Layout-Datei ExportLens die neuen Namen: Der Befehl %s gibt die übliche als Vorlage aus. Sie wird hier gelesen und nur im Speicher dieser Seite behalten.")
	tLayoutChoose  = def("layout.choose", "Load a layout file", "Layout-Datei laden")
	tLayoutInUse   = def("layout.inUse", "Layout in use: %s. Every export opened is read with it.", "Verwendetes Layout: %s. Jeder geöffnete Export wird damit gelesen.")
	tLayoutRemove  = def("layout.remove", "Stop using it", "Nicht mehr verwenden")
	tLayoutInvalid = def("layout.invalid", "%s cannot be used as a layout file: %s", "%s lässt sich nicht als Layout-Datei verwenden: %s")
)

// layoutForm is the fold on the home page where a layout file is loaded.
type layoutForm struct {
	app.Compo
	Lang    string
	Session session
}

func (f *layoutForm) Render() app.UI {
	s := f.Session
	var status []app.UI
	if s.Layout != nil {
		status = append(status, app.P().Attr("data-testid", "layout-in-use").Text(tr(f.Lang, tLayoutInUse, s.LayoutName)),
			app.Button().Type("button").Class("button", "button-secondary").Attr("data-testid", "layout-remove").
				Text(tr(f.Lang, tLayoutRemove)).OnClick(f.onRemove))
	}
	if s.LayoutErr != nil {
		status = append(status, app.P().Class("error").Attr("data-testid", "layout-error").
			Text(tr(f.Lang, tLayoutInvalid, s.LayoutTried, s.LayoutErr)))
	}
	// The input hides behind its label, styled as a button, as the
	// pickers do: the browser's own control speaks the browser's language.
	in := app.Input().Type("file").ID("layout-file").Class("file-input").Accept(".json,application/json").OnChange(f.onChoose)
	if prerendering {
		in = in.Disabled(true) // until the app runs, nothing would read it
	}
	hint := strings.SplitN(tr(f.Lang, tLayoutHint), "%s", 2)
	summary := tr(f.Lang, tLayoutTitle)
	if s.Layout != nil {
		summary += " · " + s.LayoutName
	}
	return app.Details().Class("about-form", "layout-form").Open(s.Layout != nil || s.LayoutErr != nil).Body(
		app.Summary().Attr("data-testid", "layout-summary").Text(summary),
		app.P().Class("hint").Body(app.Text(hint[0]), app.Code().Text("exportlens layout"), app.Text(hint[len(hint)-1])),
		app.Div().Class("layout-picker").Body(
			in,
			app.Label().Class("button", "button-secondary").For("layout-file").Text(tr(f.Lang, tLayoutChoose)),
		),
		app.Div().Aria("live", "polite").Body(status...),
	)
}

func (f *layoutForm) onChoose(ctx app.Context, e app.Event) {
	files, err := browser.InputFiles("layout-file")
	ctx.JSSrc().Set("value", "") // the same file, fixed, can be chosen again
	if err != nil || len(files) == 0 {
		return
	}
	ctx.NewActionWithValue(actionLayout, layoutRequest{File: files[0]})
}

func (f *layoutForm) onRemove(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionLayout, layoutRequest{})
}

// onLayout reads and validates the layout file (export.ReadLayout, as the
// command does) and uses it, or removes the layout; an export open from
// files is then read again with the new layout, the declared facts kept.
func onLayout(ctx app.Context, a app.Action) {
	req, ok := a.Value.(layoutRequest)
	if !ok {
		return
	}
	var l *export.Layout
	name := ""
	var lerr error
	if req.File != nil {
		name = req.File.Name()
		l, lerr = export.ReadLayout(io.NewSectionReader(req.File.ReaderAt(), 0, req.File.Size()))
	}
	current.mu.Lock()
	s := current.s
	s.LayoutErr, s.LayoutTried = lerr, name
	if lerr == nil {
		s.Layout, s.LayoutName = l, name
	}
	current.s = s
	publish(ctx, s)
	current.mu.Unlock()
	if lerr != nil || s.Status != view.StatusLoaded || len(s.Chosen) == 0 {
		return
	}
	declared := s.Declared
	run, gen := begin(ctx, s.Demo, &declared)
	load(ctx, run, gen, s.Chosen)
}
