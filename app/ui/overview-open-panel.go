package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/export"
	"exportlens/app/view"
)

// The stable test hooks: <input type=file multiple id=open-files>, and the
// folder picker beside it.
const (
	openInputID   = "open-files"
	folderInputID = "open-folder"
)

var (
	tOpenChooseFolder = def("open.chooseFolder", "Choose a folder", "Ordner wählen")
	tOpenDemo         = def("open.demo", "Or try a demo:", "Oder ein Beispiel ausprobieren:")
	tOpenFetchingDemo = def("open.fetchingDemo", "Loading the demo…", "Das Beispiel wird geladen …")
	tOpenStarting     = def("open.starting", "Opening…", "Wird geöffnet …")
	tOpenReadingShort = def("open.readingShort", "Reading: %d entries", "Wird gelesen: %d Einträge")
	tOpenAboutGiven   = def("open.aboutGiven", "%d given", "%d angegeben")
	tOpenDemoShown    = def("open.demoShown", "Demo: %s", "Beispiel: %s")
	tOpenKeepFacts    = def("open.keepFacts", "Keep the facts you gave (%d) for the next export you open", "Ihre Angaben (%d) auch für den nächsten Export verwenden, den Sie öffnen")
	tOpenFactsDropped = def("open.factsDropped", "The facts you gave for the previous export do not apply to this one. If they are true for this export too, enter them again under “About you”.", "Ihre Angaben zum vorigen Export gelten nicht für diesen. Treffen sie auch hier zu, geben Sie sie unter „Über Sie“ erneut ein.")

	tReasonCsv  = def("reason.csv", "its table is damaged", "seine Tabelle ist beschädigt")
	tReasonJson = def("reason.json", "its JSON is damaged", "sein JSON ist beschädigt")
	tReasonHtml = def("reason.html", "its page is damaged", "seine Seite ist beschädigt")
	tReasonPdf  = def("reason.pdf", "its PDF cannot be read", "sein PDF kann nicht gelesen werden")
	tReasonOpen = def("reason.open", "it could not be opened", "es ließ sich nicht öffnen")

	// Members that were read but deserve a look (export.Problem kinds).
	tOpenNotice      = def("open.notice", "“%s” needs a look: %s.", "„%s“ sollten Sie sich ansehen: %s.")
	tReasonName      = def("reason.name", "its name is an absolute path or climbs out of the archive; it is shown cleaned and never used as a path", "sein Name ist ein absoluter Pfad oder führt aus dem Archiv hinaus; er wird bereinigt gezeigt und nie als Pfad benutzt")
	tReasonDuplicate = def("reason.duplicate", "the archive holds this name more than once; every copy is read", "das Archiv enthält diesen Namen mehrfach; jede Kopie wird gelesen")
	tReasonIdShape   = def("reason.id-shape", "a value in one of its ID columns is no ID (a line that describes the columns, say); it is not read as one", "ein Wert in einer seiner Kennungsspalten ist keine Kennung (etwa eine Zeile, die die Spalten beschreibt); er wird nicht als solche gelesen")
	tReasonZone      = def("reason.zone", "its times are given in a time zone that ExportLens does not know (see the details); they are shown as UTC and may be off by hours", "seine Zeiten sind in einer Zeitzone angegeben, die ExportLens nicht kennt (siehe Details); sie werden als UTC gezeigt und können um Stunden abweichen")

	// A Takeout part downloaded twice (export.ProblemDuplicatePart).
	tReasonDuplicatePart = def("reason.duplicate-part", "it is a second download of a part, with the same files; they are counted once", "es ist ein zweiter Download eines Teils, mit denselben Dateien; sie werden nur einmal gezählt")
)

// openPanel chooses files, folders or a demo, shows progress while reading,
// and says in one sentence what could not be read.
type openPanel struct {
	app.Compo
	Lang    string
	Session session
	DropErr error
	pickErr error
}

func (o *openPanel) Render() app.UI {
	s := o.Session
	busy := s.Status == view.StatusLoading
	title, hint := app.UI(app.Text(tr(o.Lang, tOpenTitle))), app.UI(app.Text(tr(o.Lang, tOpenHint)))
	if prerendering {
		title, hint = earlyText(tOpenTitle), earlyText(tOpenHint)
	}
	body := []app.UI{
		app.H2().Body(title),
		app.P().Class("hint").Body(hint),
		// Each input is hidden behind its label, which is the visible,
		// styled button: the browser's own "Choose Files" control is not
		// shown. The input comes first so that CSS can show its keyboard
		// focus on the label.
		app.Div().Class("pickers").Body(
			app.Input().Type("file").ID(openInputID).Multiple(true).Class("file-input").OnChange(o.onChoose),
			app.Label().Class("button").For(openInputID).Body(pickerLabel(o.Lang, tOpenChoose)...),
			app.Input().Type("file").ID(folderInputID).Multiple(true).Attr("webkitdirectory", true).Class("file-input").OnChange(o.onChoose),
			app.Label().Class("button", "button-secondary").For(folderInputID).Body(pickerLabel(o.Lang, tOpenChooseFolder)...),
		),
		&demoList{Lang: o.Lang, Disabled: busy},
	}
	// What the opening does and what went wrong is announced (polite), in
	// a region that is there before its content.
	var live []app.UI
	if busy {
		live = append(live, o.renderProgress())
	}
	if s.Canceled {
		live = append(live, app.P().Class("notice").Attr("data-testid", "open-canceled").Text(tr(o.Lang, tOpenCanceled)))
	}
	if s.Status == view.StatusFailed && s.Err != nil {
		live = append(live, o.renderFailed())
	}
	if o.pickErr != nil {
		live = append(live, errorView(o.Lang, o.pickErr, ""))
	}
	if o.DropErr != nil {
		live = append(live, errorView(o.Lang, o.DropErr, ""))
	}
	body = append(body, app.Div().Class("open-live").Attr("data-testid", "open-live").Aria("live", "polite").Body(live...))
	if s.Loaded() {
		body = append(body, o.renderOpened())
	}
	return app.Section().Class("open-panel").Body(body...)
}

// renderProgress shows how far the reading is: bytes of the chosen files and
// entries found. Reading lists directories and headers only, so the bar
// rarely fills before the checks start; the entries count keeps moving.
func (o *openPanel) renderProgress() app.UI {
	s := o.Session
	p := s.Progress
	var label string
	switch {
	case s.Demo != "" && len(s.Files) == 0 && len(s.Folders) == 0:
		label = tr(o.Lang, tOpenFetchingDemo)
	case p.Total > 0:
		label = tr(o.Lang, tOpenReading, mib(o.Lang, p.Bytes), mib(o.Lang, p.Total), p.Entries)
	case p.Entries > 0:
		label = tr(o.Lang, tOpenReadingShort, p.Entries)
	default:
		label = tr(o.Lang, tOpenStarting)
	}
	bar := app.Progress().Aria("label", label)
	if p.Total > 0 {
		// Without a value the bar shows "busy" (a folder has no total here).
		bar = bar.Max(p.Total).Value(p.Bytes)
	}
	return app.Div().Class("progress").Attr("data-testid", "open-progress").
		Attr("data-bytes", p.Bytes).Attr("data-entries", p.Entries).Body(
		bar,
		// Announced once when the reading starts; the counts that follow
		// every 100 ms are not (aria-live off), or a screen reader would
		// read nothing else.
		app.Span().Class("progress-label").Aria("live", "off").Text(label),
		app.Button().Type("button").Class("button-secondary").Attr("data-testid", "open-cancel").
			Text(tr(o.Lang, tOpenCancel)).OnClick(o.onCancel),
	)
}

// renderFailed says what could not be read when nothing could.
func (o *openPanel) renderFailed() app.UI {
	s := o.Session
	if len(s.Unreadable) == 0 {
		return app.Div().Class("failed").Attr("data-testid", "open-failed").Body(errorView(o.Lang, s.Err, firstName(s)))
	}
	items := make([]app.UI, len(s.Unreadable))
	for i, e := range s.Unreadable {
		items[i] = errorView(o.Lang, e, "")
	}
	return app.Div().Class("failed").Attr("data-testid", "open-failed").Body(items...)
}

func (o *openPanel) renderOpened() app.UI {
	s := o.Session
	var names []string
	for _, f := range s.Files {
		names = append(names, f.Name())
	}
	for _, d := range s.Folders {
		names = append(names, d.Name()+"/")
	}
	opened := tr(o.Lang, tOpenOpened, strings.Join(names, ", "))
	if s.Demo != "" {
		opened = tr(o.Lang, tOpenDemoShown, o.demoTitle(s.Demo)) + " · " + opened
	}
	// problems: files (or parts of them) that could not be read; notes:
	// files read whole with a remark (an unknown zone, a description row,
	// a part downloaded twice).
	var problems, notes []app.UI
	if s.Tree != nil {
		for _, pr := range s.Tree.Problems {
			problems = append(problems, app.Li().Body(errorView(o.Lang, pr, "")))
		}
	}
	if s.Export != nil {
		for _, pr := range s.Export.Problems {
			if pr.Kind == export.ProblemArchive {
				continue // the tree's own problem, listed above with its cause
			}
			if pr.Note() {
				notes = append(notes, app.Li().Body(o.exportProblem(pr)))
				continue
			}
			problems = append(problems, app.Li().Body(o.exportProblem(pr)))
		}
	}
	given := declaredCount(s.Declared)
	return app.Div().Class("opened").Body(
		app.P().Attr("data-testid", "opened").Text(opened),
		app.If(s.FactsDropped && given == 0,
			app.P().Class("notice").Attr("data-testid", "facts-dropped").Text(tr(o.Lang, tOpenFactsDropped)),
		),
		// Declared facts belong to the export they were given for: the
		// next export starts without them unless this is ticked.
		app.If(given > 0,
			app.Div().Class("field", "checkbox").Body(
				app.Input().Type("checkbox").ID("keep-facts").Attr("data-testid", "keep-facts").
					Checked(s.KeepFacts).OnChange(o.onKeep),
				app.Label().For("keep-facts").Text(tr(o.Lang, tOpenKeepFacts, given)),
			),
		),
		app.If(len(problems) > 0,
			app.Div().Class("problems").Attr("data-testid", "open-problems").Body(
				app.P().Text(tr(o.Lang, tOpenProblems)),
				app.Ul().Body(problems...),
			),
		),
		app.If(len(notes) > 0,
			app.Div().Class("problems", "notes").Attr("data-testid", "open-notes").Body(
				app.P().Text(tr(o.Lang, tOpenNotes)),
				app.Ul().Body(notes...),
			),
		),
	)
}

// exportProblem is a file that was listed but could not be parsed: one
// sentence in the person's language, the parser's English reason on demand.
func (o *openPanel) exportProblem(p export.Problem) app.UI {
	reason := tr(o.Lang, textOr(problemText[p.Kind], tReasonUnknown))
	if p.Kind == export.ProblemEncrypted && p.Members > 1 {
		reason = tr(o.Lang, tReasonLocked, p.Members)
	}
	sentence, class := tOpenFailed, "error"
	if p.Note() || p.Kind == export.ProblemName || p.Kind == export.ProblemDuplicate {
		sentence, class = tOpenNotice, "warning" // read all the same
	}
	return app.Div().Class(class).Attr("data-testid", "open-error").Body(
		app.P().Text(tr(o.Lang, sentence, o.entryName(p.Src.Part, p.Src.Path), reason)),
		app.Details().Body(
			app.Summary().Text(tr(o.Lang, tOpenDetails)),
			app.Code().Text(p.Reason),
		),
	)
}

// entryName names a member as the tree does ("export.zip!Alexa/x.csv",
// "amazon/Alexa/x.csv"), which depends on whether part is a folder.
func (o *openPanel) entryName(part, path string) string {
	return o.Session.Report.Name(part, path)
}

func (o *openPanel) demoTitle(name string) string {
	demos.mu.Lock()
	defer demos.mu.Unlock()
	for _, d := range demos.list {
		if d.Name == name {
			return d.title(o.Lang)
		}
	}
	return name
}

func (o *openPanel) onChoose(ctx app.Context, e app.Event) {
	id := ctx.JSSrc().Get("id").String()
	files, err := browser.InputFiles(id)
	o.pickErr = err
	// Forget the selection, so that choosing the same file again (after
	// fixing it, say) opens it again. Only the input's own value is reset.
	ctx.JSSrc().Set("value", "")
	if len(files) > 0 {
		ctx.NewActionWithValue(actionOpen, files)
	}
}

func (o *openPanel) onKeep(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionKeep, ctx.JSSrc().Get("checked").Bool())
}

func (o *openPanel) onCancel(ctx app.Context, e app.Event) {
	ctx.NewAction(actionCancel)
}

// errorView is one plain sentence with the error's own text on demand.
func errorView(lang string, err error, file string) app.UI {
	return app.Div().Class("error").Attr("data-testid", "open-error").Body(
		app.P().Text(sentence(lang, err, file)),
		app.Details().Body(
			app.Summary().Text(tr(lang, tOpenDetails)),
			app.Code().Text(err.Error()),
		),
	)
}

// firstName names what was being opened, for an error that names no file.
func firstName(s session) string {
	switch {
	case len(s.Files) > 0:
		return s.Files[0].Name()
	case len(s.Folders) > 0:
		return s.Folders[0].Name()
	}
	return ""
}

// mib formats a byte count for people.
func mib(lang string, n int64) string {
	switch {
	case n >= 1<<30:
		return decimal(lang, float64(n)/(1<<30)) + " GB"
	case n >= 1<<20:
		return decimal(lang, float64(n)/(1<<20)) + " MB"
	}
	return groupDigits((n+1023)/1024, digitSep(lang)) + " kB"
}
