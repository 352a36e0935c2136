package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
)

// helpRoute is the Help page.
const helpRoute = "/help"

// The Help page's texts: what the verdicts and the severities of findings
// mean, and what ExportLens does with what it finds.
var (
	tHelpTitle        = def("help.title", "Help", "Hilfe")
	tHelpVerdictTitle = def("help.verdict.title", "The verdict", "Das Ergebnis")
	tHelpVerdictIntro = def("help.verdict.intro",
		"At the top of the overview, one of three verdicts sums up the findings:",
		"Oben in der Übersicht fasst eines von drei Ergebnissen die Befunde zusammen:")
	tHelpMismatch = def("help.mismatch",
		"At least one finding is “Not yours” or “Likely not yours”: the export holds an identifier of another account (a customer ID, an e-mail address, a device serial number or a voice profile), or a strong sign of someone else, such as recordings marked as an unrecognized speaker or audio that no record of your account names.",
		"Mindestens ein Befund lautet „Nicht Ihre Daten“ oder „Wahrscheinlich nicht Ihre Daten“: Der Export enthält eine Kennung eines anderen Kontos (eine Kundennummer, eine E-Mail-Adresse, eine Geräte-Seriennummer oder ein Stimmprofil) oder ein deutliches Zeichen für eine andere Person, etwa Aufnahmen, die einem nicht erkannten Sprecher zugeordnet sind, oder Audiodateien, die kein Datensatz Ihres Kontos nennt.")
	tHelpConsistent = def("help.consistent",
		"Every recording and every identifier in the export is explained by the account it names, or by what you told ExportLens about yourself.",
		"Jede Aufnahme und jede Kennung im Export ist durch das Konto erklärt, das der Export nennt, oder durch das, was Sie ExportLens über sich gesagt haben.")
	tHelpUnknown = def("help.unknown",
		"A check that matters could not be made: a file is missing or could not be read, a device's type is unknown, or only you can answer a question. The line under the verdict says which; adding the file or answering the question settles it. Nothing is called someone else's because something is missing.",
		"Eine wichtige Prüfung war nicht möglich: Eine Datei fehlt oder ist nicht lesbar, der Typ eines Geräts ist unbekannt, oder eine Frage können nur Sie beantworten. Welche, steht unter dem Ergebnis; fügen Sie die Datei hinzu oder beantworten Sie die Frage, dann ist es geklärt. Weil etwas fehlt, wird nie etwas als fremd bezeichnet.")
	tHelpSevTitle = def("help.sev.title", "The findings", "Die Befunde")
	tHelpSevIntro = def("help.sev.intro",
		"Each finding says what was found, how many records it concerns and where: the file, the line and the value. Its label says how strong it is:",
		"Jeder Befund sagt, was gefunden wurde, wie viele Datensätze er betrifft und wo: Datei, Zeile und Wert. Seine Kennzeichnung sagt, wie schwer er wiegt:")
	tHelpSevMismatch = def("help.sev.mismatch",
		"the export itself holds an identifier of another account.",
		"Der Export selbst enthält eine Kennung eines anderen Kontos.")
	tHelpSevLikely = def("help.sev.likely",
		"a strong sign of someone else, without another account's identifier.",
		"ein deutliches Zeichen für eine andere Person, ohne Kennung eines anderen Kontos.")
	tHelpSevNote = def("help.sev.note",
		"worth knowing, but no sign of someone else (a missing audio file, a device you did not list, a value that was repaired).",
		"wissenswert, aber kein Zeichen für eine andere Person (eine fehlende Audiodatei, ein Gerät, das Sie nicht angegeben haben, ein reparierter Wert).")
	tHelpSevUnknown = def("help.sev.unknown",
		"a check could not be made; the finding says why and what would settle it.",
		"Eine Prüfung war nicht möglich; der Befund sagt, warum und was sie klären würde.")
	tHelpPrivacyTitle = def("help.privacy.title", "Someone else's data", "Daten anderer Menschen")
	tHelpPrivacy      = def("help.privacy",
		"Recordings, transcripts and files that point to someone else stay hidden until you choose to show them, so that you need not listen to a stranger. With the evidence pack and a letter from the overview you can tell the company without passing the stranger's data on.",
		"Aufnahmen, Transkripte und Dateien, die auf eine andere Person hindeuten, bleiben verborgen, bis Sie sie selbst einblenden; so müssen Sie niemand Fremdem zuhören. Mit dem Beweispaket und einem Brief aus der Übersicht können Sie das Unternehmen informieren, ohne die Daten der anderen Person weiterzugeben.")
	tHelpLocalTitle = def("help.local.title", "Your files", "Ihre Dateien")
	tHelpLocal      = def("help.local",
		"Your export is read in this browser only: nothing is uploaded, stored or sent anywhere. Closing the page forgets it.",
		"Ihr Export wird nur in diesem Browser gelesen: Nichts wird hochgeladen, gespeichert oder irgendwohin gesendet. Wenn Sie die Seite schließen, ist er vergessen.")
	tHelpBack     = def("help.back", "Open an export", "Export öffnen")
	tHelpBackOpen = def("help.backOpen", "Back to the overview", "Zurück zur Übersicht")
)

// helpPage is "/help": what the verdicts and findings mean.
type helpPage struct {
	app.Compo
	s    session
	lang string
}

func newHelpPage() *helpPage { return &helpPage{} }

// OnInit draws the page with the language from the start.
func (p *helpPage) OnInit() { initialView(&p.s, &p.lang) }

func (p *helpPage) OnMount(ctx app.Context) { observeSession(ctx, &p.s, &p.lang) }

// OnNav moves focus to the h1 when the person came from another page.
func (p *helpPage) OnNav(ctx app.Context) { onPageNav(ctx) }

func (p *helpPage) Render() app.UI {
	presentFor(p.s)
	t := func(k textKey) string { return tr(p.lang, k) }
	showHead(p.lang, t(tHelpTitle))
	back := tHelpBack
	if p.s.Loaded() {
		back = tHelpBackOpen
	}
	verdict := func(v string, explain textKey) app.UI {
		return app.Div().Class("help-verdict", "verdict", "verdict-"+v).Body(
			app.Strong().Text(t(verdictText[v][0])),
			app.P().Text(t(explain)),
		)
	}
	sev := func(s check.Severity, explain textKey) app.UI {
		return app.Li().Body(
			app.Span().Class("severity", "severity-"+string(s)).Text(t(severityText[s])),
			app.Text(" – "+t(explain)),
		)
	}
	return pageRoot(p.lang, []string{"page"},
		&topBar{Lang: p.lang, Current: helpRoute, Share: helpRoute},
		app.Main().Class("help").Body(
			pageHeading(t(tHelpTitle)),
			app.Section().Aria("labelledby", "help-verdict").Body(
				app.H2().ID("help-verdict").Text(t(tHelpVerdictTitle)),
				app.P().Text(t(tHelpVerdictIntro)),
				verdict(check.VerdictMismatch, tHelpMismatch),
				verdict(check.VerdictConsistent, tHelpConsistent),
				verdict(check.VerdictUnknown, tHelpUnknown),
			),
			app.Section().Aria("labelledby", "help-sev").Body(
				app.H2().ID("help-sev").Text(t(tHelpSevTitle)),
				app.P().Text(t(tHelpSevIntro)),
				app.Ul().Class("help-severities").Body(
					sev(check.Mismatch, tHelpSevMismatch),
					sev(check.Likely, tHelpSevLikely),
					sev(check.Note, tHelpSevNote),
					sev(check.Unknown, tHelpSevUnknown),
				),
			),
			app.Section().Aria("labelledby", "help-privacy").Body(
				app.H2().ID("help-privacy").Text(t(tHelpPrivacyTitle)),
				app.P().Text(t(tHelpPrivacy)),
			),
			app.Section().Aria("labelledby", "help-local").Body(
				app.H2().ID("help-local").Text(t(tHelpLocalTitle)),
				app.P().Text(t(tHelpLocal)),
			),
			app.P().Body(app.A().Href("/").Class("button").Text(t(back))),
		),
	)
}
